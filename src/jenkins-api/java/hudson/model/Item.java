// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    Permission CREATE = new Permission(null, "hudson.model.Item.Create", null);
    Permission DELETE = new Permission(null, "hudson.model.Item.Delete", null);
    Permission CONFIGURE = new Permission(null, "hudson.model.Item.Configure", null);
    Permission READ = new Permission(null, "hudson.model.Item.Read", null);
    Permission EXTENDED_READ = new Permission(null, "hudson.model.Item.ExtendedRead", null);
    Permission BUILD = new Permission(null, "hudson.model.Item.Build", null);

    String getName();

    String getFullName();

    String getFullDisplayName();
}
