// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson;

/** The string helpers plugins use; each does what its name says. */
public class Util {
    public static String fixNull(String s) {
        return s == null ? "" : s;
    }

    public static String fixEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public static String fixEmptyAndTrim(String s) {
        return s == null ? null : fixEmpty(s.trim());
    }
}
