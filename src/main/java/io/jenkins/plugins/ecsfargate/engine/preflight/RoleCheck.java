package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/** The execution and task roles exist and trust {@code ecs-tasks.amazonaws.com}, without which no task starts. */
final class RoleCheck {
    static final String NAME = "Roles";
    static final String ECS_TASKS = "ecs-tasks.amazonaws.com";
    private final IamClient iam;

    RoleCheck(IamClient iam) {
        this.iam = iam;
    }

    List<Finding> run(PreflightTarget target) {
        Map<String, String> roles = new LinkedHashMap<>();
        target.executionRoleArns().forEach(arn -> roles.putIfAbsent(arn, "Execution role"));
        target.taskRoleArns().forEach(arn -> roles.putIfAbsent(arn, "Task role"));
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, String> role : roles.entrySet()) {
            findings.add(check(role.getKey(), role.getValue()));
        }
        return findings;
    }

    private Finding check(String arn, String field) {
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        Role role;
        try {
            role = iam.getRole(r -> r.roleName(name)).role();
        } catch (NoSuchEntityException e) {
            return Finding.error(
                    NAME,
                    field + " " + arn + " does not exist.",
                    "Create the role (it must trust " + ECS_TASKS + ") or correct the " + field + " field.");
        } catch (RuntimeException e) {
            if (AwsErrors.isAccessDenied(e)) {
                return Finding.warning(
                        NAME,
                        "Cannot read " + field.toLowerCase(java.util.Locale.ROOT) + " " + arn + " (" + AwsErrors.code(e)
                                + "), so its trust policy was not checked.",
                        "Allow iam:GetRole on the role for the controller to have it checked.");
            }
            return AwsErrors.failed(NAME, "iam:GetRole " + name, e, "Allow iam:GetRole on the role.");
        }
        if (!TrustPolicy.parse(role.assumeRolePolicyDocument()).trusts(ECS_TASKS)) {
            return Finding.error(
                    NAME,
                    field + " " + arn + " does not trust " + ECS_TASKS + ", so ECS cannot use it for the task.",
                    "Edit the role's trust policy: allow sts:AssumeRole for the service principal " + ECS_TASKS + ".");
        }
        return Finding.ok(NAME, field + " " + arn + " exists and trusts " + ECS_TASKS + ".");
    }
}
