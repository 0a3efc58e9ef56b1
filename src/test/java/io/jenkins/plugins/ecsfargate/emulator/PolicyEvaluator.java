package io.jenkins.plugins.ecsfargate.emulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small, honest IAM evaluator for one principal's identity policies: an explicit deny wins, an allow needs a
 * statement whose action, resource and every condition match, anything else is an implicit deny. A condition
 * whose key the request context lacks does not match, and the key is reported as missing, as the IAM policy
 * simulator reports {@code MissingContextValues}. Permission boundaries, SCPs and resource policies are not
 * modelled.
 */
public final class PolicyEvaluator {

    /** The decisions, spelled as IAM's {@code PolicyEvaluationDecisionType}. */
    public enum Decision {
        ALLOWED("allowed"),
        EXPLICIT_DENY("explicitDeny"),
        IMPLICIT_DENY("implicitDeny");

        private final String wire;

        Decision(String wire) {
            this.wire = wire;
        }

        /** The decision as IAM writes it. */
        public String wire() {
            return wire;
        }
    }

    /** A statement together with the policy it came from, so that results can name the matched statements. */
    public record SourcedStatement(String policyName, PolicyStatement statement) {}

    /** The outcome for one action on one resource. */
    public record Evaluation(Decision decision, List<SourcedStatement> matched, List<String> missingContextKeys) {
        public Evaluation {
            matched = List.copyOf(matched);
            missingContextKeys = List.copyOf(missingContextKeys);
        }
    }

    private PolicyEvaluator() {}

    /**
     * Evaluates an action on a resource. {@code context} maps context key names (any case; IAM keys are
     * case-insensitive) to their values.
     */
    public static Evaluation evaluate(
            List<SourcedStatement> statements, String action, String resource, Map<String, List<String>> context) {
        Map<String, List<String>> lowerContext = new java.util.HashMap<>();
        context.forEach((key, values) -> lowerContext.put(key.toLowerCase(Locale.ROOT), values));
        List<SourcedStatement> allows = new ArrayList<>();
        List<SourcedStatement> denies = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (SourcedStatement sourced : statements) {
            PolicyStatement statement = sourced.statement();
            if (!statement.coversAction(action) || !statement.coversResource(resource)) {
                continue;
            }
            if (conditionsHold(statement, lowerContext, missing)) {
                (statement.allow() ? allows : denies).add(sourced);
            }
        }
        if (!denies.isEmpty()) {
            return new Evaluation(Decision.EXPLICIT_DENY, denies, List.copyOf(missing));
        }
        if (!allows.isEmpty()) {
            return new Evaluation(Decision.ALLOWED, allows, List.copyOf(missing));
        }
        return new Evaluation(Decision.IMPLICIT_DENY, List.of(), List.copyOf(missing));
    }

    /** Whether every condition of a statement holds; records keys that were needed but not supplied. */
    static boolean conditionsHold(
            PolicyStatement statement, Map<String, List<String>> lowerContext, Set<String> missing) {
        boolean hold = true;
        for (PolicyCondition condition : statement.conditions()) {
            List<String> values = lowerContext.get(condition.key().toLowerCase(Locale.ROOT));
            if (values == null && !condition.toleratesAbsentKey()) {
                missing.add(condition.key());
            }
            hold &= condition.test(values);
        }
        return hold;
    }
}
