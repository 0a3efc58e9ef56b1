// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package com.cloudbees.plugins.credentials;

/**
 * The credentials plugin's matchers. The stand-in's matchers match nothing and {@link #firstOrNull} finds nothing:
 * put credentials lookup behind a seam of your own to test code that uses it.
 */
public class CredentialsMatchers {
    private CredentialsMatchers() {}

    public static CredentialsMatcher always() {
        return item -> false;
    }

    public static CredentialsMatcher never() {
        return item -> false;
    }

    @SuppressWarnings("rawtypes")
    public static CredentialsMatcher instanceOf(Class clazz) {
        return item -> false;
    }

    public static CredentialsMatcher withId(String id) {
        return item -> false;
    }

    public static CredentialsMatcher allOf(CredentialsMatcher... matchers) {
        return item -> false;
    }

    public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
        return item -> false;
    }

    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        return null;
    }
}
