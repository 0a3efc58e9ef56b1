package io.jenkins.plugins.ecsfargate.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * One statement of an IAM policy document, as the emulator evaluates it. Parsed from real policy JSON so that
 * tests state permissions in the form an administrator would write them; {@code principals} is filled only for
 * trust policies (type {@code AWS}, {@code Service}, or {@code *} for everyone).
 */
public record PolicyStatement(
        String sid,
        boolean allow,
        Map<String, List<String>> principals,
        List<String> actions,
        List<String> notActions,
        List<String> resources,
        List<String> notResources,
        List<PolicyCondition> conditions) {

    public PolicyStatement {
        principals = Map.copyOf(principals);
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        conditions = List.copyOf(conditions);
    }

    /** Parses the statements of a policy document; refuses shapes and operators the emulator does not model. */
    public static List<PolicyStatement> parseDocument(String policyJson) {
        JsonNode statements = Json.parse(policyJson)
                .field("Statement")
                .orElseThrow(() -> new IllegalArgumentException("Policy has no Statement: " + policyJson));
        List<PolicyStatement> result = new ArrayList<>();
        for (JsonNode statement : statements.isArray() ? statements.asArray() : List.of(statements)) {
            result.add(parse(statement));
        }
        return List.copyOf(result);
    }

    private static PolicyStatement parse(JsonNode statement) {
        String effect = statement.field("Effect").map(JsonNode::asString).orElse("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException("Statement Effect must be Allow or Deny, was " + effect);
        }
        return new PolicyStatement(
                statement.field("Sid").map(JsonNode::asString).orElse(null),
                effect.equals("Allow"),
                principals(statement),
                strings(statement, "Action"),
                strings(statement, "NotAction"),
                strings(statement, "Resource"),
                strings(statement, "NotResource"),
                conditions(statement));
    }

    private static Map<String, List<String>> principals(JsonNode statement) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        statement.field("Principal").ifPresent(principal -> {
            if (principal.isString()) {
                result.put(principal.asString(), List.of(principal.asString()));
            } else {
                principal.asObject().forEach((type, value) -> result.put(type, values(value)));
            }
        });
        return result;
    }

    private static List<PolicyCondition> conditions(JsonNode statement) {
        List<PolicyCondition> result = new ArrayList<>();
        statement.field("Condition").ifPresent(block -> block.asObject().forEach((operator, keys) -> keys.asObject()
                .forEach((key, value) -> result.add(new PolicyCondition(operator, key, values(value))))));
        return result;
    }

    private static List<String> strings(JsonNode statement, String field) {
        return statement.field(field).map(PolicyStatement::values).orElse(List.of());
    }

    private static List<String> values(JsonNode node) {
        List<String> result = new ArrayList<>();
        for (JsonNode value : node.isArray() ? node.asArray() : List.of(node)) {
            result.add(value.isString() ? value.asString() : value.text());
        }
        return result;
    }

    /** Whether the statement covers the action (wildcards, case-insensitive). */
    boolean coversAction(String action) {
        if (!notActions.isEmpty()) {
            return notActions.stream().noneMatch(p -> Wildcards.matches(p, action, true));
        }
        return actions.stream().anyMatch(p -> Wildcards.matches(p, action, true));
    }

    /** Whether the statement covers the resource (wildcards, case-sensitive); trust policies name none. */
    boolean coversResource(String resource) {
        if (!notResources.isEmpty()) {
            return notResources.stream().noneMatch(p -> Wildcards.matches(p, resource, false));
        }
        return resources.isEmpty() || resources.stream().anyMatch(p -> Wildcards.matches(p, resource, false));
    }
}
