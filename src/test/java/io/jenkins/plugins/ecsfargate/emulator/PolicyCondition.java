package io.jenkins.plugins.ecsfargate.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One condition of a policy statement: an operator such as {@code ArnEquals}, a context key such as
 * {@code ecs:cluster}, and the values it accepts. Only the operators the plugin's policies use are modelled; a
 * policy using any other is refused when it is attached, so that no simulation silently ignores a condition.
 */
public record PolicyCondition(String operator, String key, List<String> values) {

    private static final Set<String> OPERATORS = Set.of(
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringLike",
            "StringNotLike",
            "ArnEquals",
            "ArnLike",
            "ArnNotEquals",
            "ArnNotLike",
            "Bool",
            "Null");

    public PolicyCondition {
        String base = operator.endsWith("IfExists") ? operator.substring(0, operator.length() - 8) : operator;
        if (!OPERATORS.contains(base) || ("Null".equals(base) && !base.equals(operator))) {
            throw new IllegalArgumentException("Condition operator not modelled by the emulator: " + operator);
        }
        values = List.copyOf(values);
    }

    /**
     * Whether the condition holds when its key is absent: {@code …IfExists}, {@code Null}, and negated operators
     * (IAM evaluates {@code StringNotEquals} on an absent key to true).
     */
    boolean toleratesAbsentKey() {
        return operator.endsWith("IfExists") || "Null".equals(operator) || operator.contains("Not");
    }

    /** Evaluates the condition against a key's context values; {@code null} means the key was not supplied. */
    boolean test(List<String> contextValues) {
        if ("Null".equals(operator)) {
            boolean absent = contextValues == null || contextValues.isEmpty();
            return values.stream().anyMatch(v -> Boolean.parseBoolean(v) == absent);
        }
        if (contextValues == null) {
            return toleratesAbsentKey();
        }
        String base = operator.replace("IfExists", "");
        boolean negated = base.contains("Not");
        boolean anyMatch = contextValues.stream().anyMatch(actual -> matchesAny(base, actual));
        return negated ? !anyMatch : anyMatch;
    }

    private boolean matchesAny(String base, String actual) {
        for (String expected : values) {
            boolean match =
                    switch (base) {
                        case "StringEquals", "StringNotEquals" -> expected.equals(actual);
                        case "StringEqualsIgnoreCase" -> expected.equalsIgnoreCase(actual);
                        case "Bool" -> expected.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT));
                        default -> Wildcards.matches(expected, actual, false);
                    };
            if (match) {
                return true;
            }
        }
        return false;
    }
}
