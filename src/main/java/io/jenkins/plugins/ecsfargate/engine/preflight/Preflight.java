package io.jenkins.plugins.ecsfargate.engine.preflight;

import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Checks a cloud configuration against AWS before any agent is launched, and reports every problem it finds at
 * once, each with its fix: credentials, cluster and capacity providers, roles and their trust, the controller's
 * own permissions (simulated, not tried), and the Cloud Map tunnel. It only reads: it never changes anything in
 * AWS, so an administrator may run it as often as they like.
 */
public final class Preflight {
    static final String IDENTITY = "Credentials";
    private static final Logger LOGGER = Logger.getLogger(Preflight.class.getName());

    private final StsClient sts;
    private final IamClient iam;
    private final String region;
    private final ClusterCheck clusters;
    private final RoleCheck roles;
    private final PermissionCheck permissions;
    private final CloudMapCheck cloudMap;

    public Preflight(
            EcsClient ecs, IamClient iam, StsClient sts, ServiceDiscoveryClient serviceDiscovery, String region) {
        this.sts = sts;
        this.iam = iam;
        this.region = region;
        this.clusters = new ClusterCheck(ecs);
        this.roles = new RoleCheck(iam);
        this.permissions = new PermissionCheck(iam);
        this.cloudMap = new CloudMapCheck(serviceDiscovery);
    }

    /** Runs every AWS check; never throws for an AWS problem, which is reported as a finding instead. */
    public List<Finding> run(PreflightTarget target) {
        return run(target, Map.of(), Map.of());
    }

    /**
     * Checks the templates' settings first (no AWS call needed), then everything in AWS.
     *
     * @param specs each template's task definition, by template name
     * @param launchProblems problems the engine found in each template's launch settings, by template name
     */
    public List<Finding> run(
            PreflightTarget target,
            Map<String, TaskDefinitionSpec> specs,
            Map<String, List<SpecProblem>> launchProblems) {
        List<Finding> findings = new ArrayList<>(ConfigurationCheck.run(specs, launchProblems));
        CallerIdentity caller;
        try {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            caller = new CallerIdentity(identity.account(), identity.arn());
            findings.add(Finding.ok(IDENTITY, "Authenticated as " + caller.arn() + "."));
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "GetCallerIdentity failed", e);
            findings.add(AwsErrors.failed(
                    IDENTITY,
                    "sts:GetCallerIdentity",
                    e,
                    "Check the credentials: the controller's task role, the selected access key, or the role to"
                            + " assume and its external id."));
            return findings;
        }
        findings.addAll(clusters.run(target, region));
        findings.addAll(roles.run(target));
        findings.addAll(checkPermissions(target, caller));
        target.cloudMap().ifPresent(name -> findings.addAll(cloudMap.run(name)));
        return findings;
    }

    private List<Finding> checkPermissions(PreflightTarget target, CallerIdentity caller) {
        String principal;
        if (caller.isRoot()) {
            return List.of(Finding.warning(
                    PermissionCheck.NAME,
                    "The controller uses the account's root user, which IAM cannot simulate and should not be used.",
                    "Give the controller a role (its ECS task role) with the policy shown by \"Show required IAM"
                            + " policy\"."));
        } else if (caller.isIamUser()) {
            principal = caller.arn();
        } else if (caller.assumedRoleName() != null) {
            try {
                principal = iam.getRole(r -> r.roleName(caller.assumedRoleName()))
                        .role()
                        .arn();
            } catch (NoSuchEntityException e) {
                return List.of(Finding.error(
                        PermissionCheck.NAME,
                        "The controller's role " + caller.assumedRoleName() + " was not found.",
                        "Check the credentials configuration."));
            } catch (RuntimeException e) {
                return List.of(Finding.warning(
                        PermissionCheck.NAME,
                        "Cannot read the controller's role " + caller.assumedRoleName() + " (" + AwsErrors.code(e)
                                + "), so its permissions were not checked.",
                        "Allow iam:GetRole on the controller's own role."));
            }
        } else {
            return List.of(Finding.warning(
                    PermissionCheck.NAME,
                    "The controller's identity " + caller.arn() + " cannot be simulated.",
                    "Use an IAM role or user for the controller."));
        }
        PermissionScope scope = new PermissionScope(
                PermissionScope.partitionOf(region),
                region,
                caller.account(),
                target.clusterName(),
                target.families(),
                passedRoles(target),
                principal,
                target.cloudMap().orElse(null));
        return permissions.run(principal, RequiredPermissions.of(scope));
    }

    private static List<String> passedRoles(PreflightTarget target) {
        List<String> roles = new ArrayList<>(target.executionRoleArns());
        target.taskRoleArns().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        return roles;
    }
}
