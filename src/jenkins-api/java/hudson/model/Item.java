// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    Permission CREATE = null;
    Permission DELETE = null;
    Permission CONFIGURE = null;
    Permission READ = null;
    Permission EXTENDED_READ = null;
    Permission BUILD = null;

    String getName();

    String getFullName();

    String getFullDisplayName();
}
