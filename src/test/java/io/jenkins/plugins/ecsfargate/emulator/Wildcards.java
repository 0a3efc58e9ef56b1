package io.jenkins.plugins.ecsfargate.emulator;

import java.util.Locale;

/** IAM's wildcard matching: {@code *} matches any run of characters, {@code ?} exactly one. */
final class Wildcards {

    private Wildcards() {}

    /** Whether {@code text} matches {@code pattern}; actions compare case-insensitively, ARNs exactly. */
    static boolean matches(String pattern, String text, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        return matches(p, 0, t, 0);
    }

    private static boolean matches(String p, int pi, String t, int ti) {
        int starP = -1;
        int starT = -1;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starP = pi++;
                starT = ti;
            } else if (starP >= 0) {
                pi = starP + 1;
                ti = ++starT;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
