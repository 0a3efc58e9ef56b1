package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        JsonNode statements;
        try {
            statements = Json.MAPPER.readTree(policyJson).get("Statement");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Policy is not JSON: " + e.getOriginalMessage(), e);
        }
        if (statements == null) {
            throw new IllegalArgumentException("Policy has no Statement: " + policyJson);
        }
        List<PolicyStatement> result = new ArrayList<>();
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            result.add(parse(statement));
        }
        return List.copyOf(result);
    }

    private static PolicyStatement parse(JsonNode statement) {
        String effect = statement.path("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException("Statement Effect must be Allow or Deny, was " + effect);
        }
        return new PolicyStatement(
                statement.hasNonNull("Sid") ? statement.get("Sid").asText() : null,
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
        JsonNode principal = statement.path("Principal");
        if (principal.isTextual()) {
            result.put(principal.asText(), List.of(principal.asText()));
        } else {
            principal.fields().forEachRemaining(e -> result.put(e.getKey(), values(e.getValue())));
        }
        return result;
    }

    private static List<PolicyCondition> conditions(JsonNode statement) {
        List<PolicyCondition> result = new ArrayList<>();
        statement.path("Condition").fields().forEachRemaining(operator -> operator.getValue()
                .fields()
                .forEachRemaining(key ->
                        result.add(new PolicyCondition(operator.getKey(), key.getKey(), values(key.getValue())))));
        return result;
    }

    private static List<String> strings(JsonNode statement, String field) {
        return statement.has(field) ? values(statement.get(field)) : List.of();
    }

    private static List<String> values(JsonNode node) {
        List<String> result = new ArrayList<>();
        for (JsonNode value : node.isArray() ? node : List.of(node)) {
            result.add(value.asText());
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
