package io.jenkins.plugins.ecsfargate.emulator;

/** The messages AWS's request validation writes ({@code 1 validation error detected: …}). */
final class ValidationMessages {

    private ValidationMessages() {}

    static String notNull(String member) {
        return "1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null";
    }

    static String length(String value, String member, int min, int max) {
        return constraint(value, member)
                + "Member must have length "
                + (value.length() < min ? "greater than or equal to " + min : "less than or equal to " + max);
    }

    static String pattern(String value, String member, String regex) {
        return constraint(value, member) + "Member must satisfy regular expression pattern: " + regex;
    }

    static String range(String value, String member, long min, long max, long actual) {
        return constraint(value, member)
                + "Member must have value "
                + (actual < min ? "greater than or equal to " + min : "less than or equal to " + max);
    }

    private static String constraint(String value, String member) {
        return "1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: ";
    }
}
