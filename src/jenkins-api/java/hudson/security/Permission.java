// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.security;

/** Stores its group, name and implying permission, so that each constant is a distinct value in tests. */
public final class Permission {
    public final PermissionGroup group;
    public final String name;
    public final Permission impliedBy;

    public Permission(PermissionGroup group, String name, Permission impliedBy) {
        this.group = group;
        this.name = name;
        this.impliedBy = impliedBy;
    }

    public String getId() {
        return name;
    }

    @Override
    public String toString() {
        return "Permission[" + name + "]";
    }
}
