// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.util;

import java.io.Serializable;

/** Holds the plain text as given; the stand-in encrypts nothing. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public String getPlainText() {
        return value;
    }

    public String getEncryptedValue() {
        return null;
    }

    @Override
    public boolean equals(Object that) {
        return that instanceof Secret && ((Secret) that).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }

    public static String toString(Secret s) {
        return s == null ? "" : s.getPlainText();
    }

    public static Secret decrypt(String data) {
        return null;
    }
}
