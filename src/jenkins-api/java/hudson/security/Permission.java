// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.security;

public final class Permission {
    private Permission() {}

    public String getId() {
        return null;
    }
}
