package io.jenkins.plugins.ecsfargate.jenkins.forms;

import io.jenkins.plugins.ecsfargate.engine.preflight.PermissionScope;
import io.jenkins.plugins.ecsfargate.engine.preflight.PolicyDocument;
import io.jenkins.plugins.ecsfargate.engine.preflight.PreflightTarget;
import io.jenkins.plugins.ecsfargate.engine.preflight.RequiredPermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The least-privilege IAM policy for one cloud, rendered by the engine from the same permission list the
 * preflight simulates, so what the form shows and what the check verifies cannot drift apart.
 */
public final class RequiredPolicy {
    /** Stands for the account id when it cannot be read. */
    public static final String ACCOUNT_PLACEHOLDER = "ACCOUNT_ID";

    private RequiredPolicy() {}

    /**
     * The policy document (JSON) for a cloud in {@code region} and {@code account} with the given target.
     *
     * @param account the account id, or null to find it in the target's ARNs (else {@link #ACCOUNT_PLACEHOLDER})
     */
    public static String render(String region, String account, PreflightTarget target) {
        List<String> passed = new ArrayList<>(target.executionRoleArns());
        target.taskRoleArns().stream().filter(r -> !passed.contains(r)).forEach(passed::add);
        String owner = account != null ? account : accountInArns(target);
        PermissionScope scope = new PermissionScope(
                PermissionScope.partitionOf(region),
                region,
                owner == null ? ACCOUNT_PLACEHOLDER : owner,
                target.clusterName(),
                target.families(),
                passed,
                null,
                target.cloudMap().orElse(null));
        return PolicyDocument.render(RequiredPermissions.of(scope));
    }

    /** The account named by the cluster ARN or a role ARN of the target, or null. */
    static String accountInArns(PreflightTarget target) {
        List<String> arns = new ArrayList<>();
        arns.add(target.cluster());
        arns.addAll(target.executionRoleArns());
        arns.addAll(target.taskRoleArns());
        for (String arn : arns) {
            String[] parts = arn.split(":", 6);
            if (parts.length == 6 && "arn".equals(parts[0]) && parts[4].matches("\\d{12}")) {
                return parts[4];
            }
        }
        return null;
    }
}
