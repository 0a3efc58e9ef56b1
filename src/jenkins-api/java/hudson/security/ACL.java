// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {
    public static final Authentication SYSTEM2 = null;

    public final void checkPermission(Permission p) {}

    public final boolean hasPermission(Permission p) {
        return false;
    }

    public boolean hasPermission2(Authentication a, Permission permission) {
        return false;
    }

    /** Jenkins switches the thread's identity; the stand-in switches nothing. */
    public static ACLContext as2(Authentication auth) {
        return new ACLContext();
    }
}
