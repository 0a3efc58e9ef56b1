// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.security;

import java.util.Iterator;
import java.util.List;

public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    private PermissionGroup() {}

    @Override
    public Iterator<Permission> iterator() {
        return List.<Permission>of().iterator();
    }

    @Override
    public int compareTo(PermissionGroup that) {
        return 0;
    }
}
