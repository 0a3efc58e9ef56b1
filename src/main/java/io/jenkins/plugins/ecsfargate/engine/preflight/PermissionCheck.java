package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * Simulates the controller's own policies against {@link RequiredPermissions}, with the same condition context
 * ECS and IAM evaluate at run time ({@code ecs:cluster}, {@code iam:PassedToService}, ...), so that a missing
 * permission is reported here rather than as a failed launch. Resource wildcards are simulated with a sample ARN.
 */
final class PermissionCheck {
    static final String NAME = "Permissions";
    private static final String SAMPLE_ID = "0123456789abcdef0123456789abcdef";
    private final IamClient iam;

    PermissionCheck(IamClient iam) {
        this.iam = iam;
    }

    List<Finding> run(String principalArn, List<Permission> required) {
        List<String> denied = new ArrayList<>();
        for (List<Permission> group : bySameScope(required)) {
            Permission scope = group.get(0);
            SimulatePrincipalPolicyResponse response;
            try {
                response = iam.simulatePrincipalPolicy(r -> r.policySourceArn(principalArn)
                        .actionNames(group.stream().map(Permission::action).toList())
                        .resourceArns(scope.resources().stream()
                                .map(PermissionCheck::sample)
                                .toList())
                        .contextEntries(context(scope)));
            } catch (RuntimeException e) {
                if (AwsErrors.isAccessDenied(e)) {
                    return List.of(Finding.warning(
                            NAME,
                            "The controller may not simulate its own policy (" + AwsErrors.code(e)
                                    + "), so its permissions were not checked.",
                            "Allow iam:SimulatePrincipalPolicy on " + principalArn + " to have them checked."));
                }
                return List.of(AwsErrors.failed(NAME, "iam:SimulatePrincipalPolicy", e, ""));
            }
            for (EvaluationResult result : response.evaluationResults()) {
                if (result.evalDecision() != PolicyEvaluationDecisionType.ALLOWED) {
                    denied.add(result.evalActionName() + " on " + result.evalResourceName() + " ("
                            + result.evalDecisionAsString() + ")");
                }
            }
        }
        if (denied.isEmpty()) {
            return List.of(
                    Finding.ok(NAME, principalArn + " has all " + required.size() + " permissions the plugin needs."));
        }
        return List.of(Finding.error(
                NAME,
                principalArn + " lacks: " + String.join("; ", denied) + ".",
                "Attach the policy shown by \"Show required IAM policy\" to the controller's role."));
    }

    /**
     * Permissions with the same resources and conditions, simulated together: IAM evaluates several actions in one
     * call, so the check costs one call per distinct scope rather than one per action.
     */
    private static Collection<List<Permission>> bySameScope(List<Permission> required) {
        Map<List<Object>, List<Permission>> groups = new LinkedHashMap<>();
        for (Permission permission : required) {
            groups.computeIfAbsent(List.of(permission.resources(), permission.conditions()), k -> new ArrayList<>())
                    .add(permission);
        }
        return groups.values();
    }

    private static String sample(String resource) {
        return resource.equals("*") ? "*" : resource.replace(":*", ":1").replace("*", SAMPLE_ID);
    }

    private static List<ContextEntry> context(Permission permission) {
        List<ContextEntry> entries = new ArrayList<>();
        for (Map<String, List<String>> keys : permission.conditions().values()) {
            keys.forEach((key, values) -> entries.add(ContextEntry.builder()
                    .contextKeyName(key)
                    .contextKeyType(ContextKeyTypeEnum.STRING)
                    .contextKeyValues(values.get(0))
                    .build()));
        }
        return entries;
    }
}
