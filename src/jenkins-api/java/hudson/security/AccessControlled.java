// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.security;

import org.springframework.security.access.AccessDeniedException;

public interface AccessControlled {
    ACL getACL();

    default void checkPermission(Permission permission) throws AccessDeniedException {}

    default void checkAnyPermission(Permission... permission) throws AccessDeniedException {}

    default boolean hasPermission(Permission permission) {
        return false;
    }

    default boolean hasAnyPermission(Permission... permission) {
        return false;
    }
}
