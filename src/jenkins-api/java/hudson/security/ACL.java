// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.security;

public abstract class ACL {
    public final void checkPermission(Permission p) {}

    public final boolean hasPermission(Permission p) {
        return false;
    }
}
