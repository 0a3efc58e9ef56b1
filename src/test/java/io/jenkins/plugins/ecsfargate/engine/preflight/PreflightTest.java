package io.jenkins.plugins.ecsfargate.engine.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.AccountServices;
import io.jenkins.plugins.ecsfargate.emulator.CloudMapDirectory;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.LoggedCall;
import io.jenkins.plugins.ecsfargate.emulator.StsService;
import io.jenkins.plugins.ecsfargate.engine.preflight.Finding.Severity;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The preflight against emulated ECS, IAM, STS and Cloud Map: a sound setup passes every check, and each
 * deliberately broken piece yields exactly one error, in the check it belongs to, with its fix.
 */
class PreflightTest {
    private static final String ACCOUNT = "123456789012";
    private static final String TRUST_ECS_TASKS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String TRUST_EC2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String EXECUTION_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/jenkins-execution";
    private static final String TASK_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/jenkins-agent";
    private static final String FAMILY = "jenkins_ecs-cloud_jenkins-agent";
    private static final Set<String> READ_ONLY_OPERATIONS = Set.of(
            "sts:GetCallerIdentity",
            "ecs:DescribeClusters",
            "iam:GetRole",
            "iam:SimulatePrincipalPolicy",
            "servicediscovery:DiscoverInstances");

    private AccountServices account;

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension()
            .withoutThrottling()
            .configure(e -> account = AccountServices.create(e.clock()).registerWith(e));

    private CloudMapDirectory.Service jenkinsService;

    @BeforeEach
    void soundSetup() {
        account.iam().createRole("JenkinsRole", "/", TRUST_ECS_TASKS);
        account.iam().createRole("jenkins-execution", "/", TRUST_ECS_TASKS);
        account.iam().createRole("jenkins-agent", "/", TRUST_ECS_TASKS);
        account.sts()
                .setCaller(new StsService.CallerIdentity(
                        ACCOUNT,
                        "arn:aws:sts::" + ACCOUNT + ":assumed-role/JenkinsRole/ecs-task-1",
                        "AROAEXAMPLE:ecs-task-1"));
        grantRequiredPolicy(RequiredPermissions.of(scope()));
        CloudMapDirectory.Namespace namespace = account.cloudMap().createPrivateDnsNamespace("jenkins-ns");
        jenkinsService = account.cloudMap().createService(namespace.id(), "jenkins");
        account.cloudMap()
                .registerInstance(
                        jenkinsService.id(),
                        "controller-1",
                        Map.of("AWS_INSTANCE_IPV4", "10.0.1.23", "AWS_INSTANCE_PORT", "50000"));
    }

    @Test
    void aSoundSetupPassesEveryCheckWithoutChangingAnything() {
        List<Finding> findings = preflight().run(target("default", true));
        assertThat(findings)
                .allSatisfy(f -> assertThat(f.severity()).as(f.toString()).isEqualTo(Severity.OK));
        assertThat(findings.stream().map(Finding::check).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        Preflight.IDENTITY,
                        ClusterCheck.NAME,
                        RoleCheck.NAME,
                        PermissionCheck.NAME,
                        CloudMapCheck.NAME);
        assertThat(aws.stats().log().stream().map(LoggedCall::operationKey).collect(Collectors.toSet()))
                .as("the preflight only reads")
                .isSubsetOf(READ_ONLY_OPERATIONS);
    }

    @Test
    void aBrokenSetupGetsOneErrorPerProblemEachWithItsFix() {
        account.iam().createRole("untrusting-execution", "/", TRUST_EC2);
        grantRequiredPolicy(RequiredPermissions.of(scope()).stream()
                .filter(p -> !p.action().equals("iam:PassRole"))
                .toList());
        account.cloudMap().deregisterInstance(jenkinsService.id(), "controller-1");
        PreflightTarget broken = new PreflightTarget(
                "no-such-cluster",
                false,
                List.of("arn:aws:iam::" + ACCOUNT + ":role/untrusting-execution"),
                List.of(),
                List.of(FAMILY),
                "jenkins-ns",
                "jenkins");

        Map<String, List<Finding>> errors = preflight().run(broken).stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .collect(Collectors.groupingBy(Finding::check));

        assertThat(errors)
                .containsOnlyKeys(ClusterCheck.NAME, RoleCheck.NAME, PermissionCheck.NAME, CloudMapCheck.NAME);
        assertThat(errors.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(errors.get(ClusterCheck.NAME).get(0).message()).contains("no-such-cluster");
        assertThat(errors.get(ClusterCheck.NAME).get(0).fix()).contains("create-cluster");
        assertThat(errors.get(RoleCheck.NAME).get(0).message())
                .contains("untrusting-execution")
                .contains("does not trust ecs-tasks.amazonaws.com");
        assertThat(errors.get(PermissionCheck.NAME).get(0).message()).contains("iam:PassRole");
        assertThat(errors.get(PermissionCheck.NAME).get(0).fix()).contains("Show required IAM policy");
        assertThat(errors.get(CloudMapCheck.NAME).get(0).message()).contains("has no instance");
    }

    @Test
    void spotTemplatesNeedFargateSpotOnTheCluster() {
        aws.ecs().createCluster("on-demand-only", "FARGATE");
        List<Finding> cluster = preflight().run(target("on-demand-only", true)).stream()
                .filter(f -> f.check().equals(ClusterCheck.NAME))
                .toList();
        assertThat(cluster).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("FARGATE_SPOT");
            assertThat(f.fix()).contains("put-cluster-capacity-providers");
        });
        assertThat(preflight().run(target("on-demand-only", false)).stream()
                        .filter(f -> f.check().equals(ClusterCheck.NAME)))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.OK));
    }

    @Test
    void aTemplateWithAnInvalidFargateSizeGetsOneErrorNamingTemplateAndField() {
        TaskDefinitionSpec sound = Specs.minimal();
        TaskDefinitionSpec tooSmall = sound.toBuilder().cpu(1024).memory(512).build();
        List<Finding> findings = preflight()
                .run(
                        target("default", false),
                        Map.of("jenkins-agent", sound, "big-builds", tooSmall),
                        Map.of("jenkins-agent", List.of(), "big-builds", List.of()));
        assertThat(findings.stream().filter(f -> f.check().equals(ConfigurationCheck.NAME)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).contains("big-builds").contains("memory");
                    assertThat(f.fix()).contains("memory");
                });
        assertThat(preflight().run(target("default", false), Map.of("jenkins-agent", sound), Map.of()).stream()
                        .filter(f -> f.check().equals(ConfigurationCheck.NAME)))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.OK));
    }

    @Test
    void launchSettingProblemsFromTheEngineAreReportedPerTemplate() {
        List<Finding> findings = preflight()
                .run(
                        target("default", false),
                        Map.of(),
                        Map.of("jenkins-agent", List.of(new SpecProblem("subnets", "not a subnet id: net-1"))));
        assertThat(findings.stream().filter(f -> f.check().equals(ConfigurationCheck.NAME)))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.message()).contains("jenkins-agent").contains("subnets"));
    }

    @Test
    void aMissingRoleIsNamedWithTheFieldToFix() {
        PreflightTarget target = new PreflightTarget(
                "default",
                false,
                List.of("arn:aws:iam::" + ACCOUNT + ":role/typo-execution"),
                List.of(),
                List.of(FAMILY),
                null,
                null);
        assertThat(preflight().run(target).stream().filter(f -> f.check().equals(RoleCheck.NAME)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).contains("typo-execution").contains("does not exist");
                    assertThat(f.fix()).contains("Execution role");
                });
    }

    @Test
    void unknownCloudMapServiceIsAnError() {
        PreflightTarget target = new PreflightTarget(
                "default", false, List.of(EXECUTION_ROLE), List.of(), List.of(FAMILY), "jenkins-ns", "nope");
        assertThat(preflight().run(target).stream().filter(f -> f.check().equals(CloudMapCheck.NAME)))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void unusableCredentialsStopTheCheckWithOneFinding() {
        aws.faults()
                .always(
                        "sts:GetCallerIdentity",
                        io.jenkins.plugins.ecsfargate.emulator.Fault.error(
                                403, "InvalidClientTokenId", "The security token included in the request is invalid."));
        List<Finding> findings = preflight().run(target("default", false));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Preflight.IDENTITY);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.fix()).contains("credentials");
        });
    }

    private Preflight preflight() {
        return new Preflight(
                aws.ecsClient(), aws.iamClient(), aws.stsClient(), aws.serviceDiscoveryClient(), "us-east-1");
    }

    private static PreflightTarget target(String cluster, boolean spot) {
        return new PreflightTarget(
                cluster, spot, List.of(EXECUTION_ROLE), List.of(TASK_ROLE), List.of(FAMILY), "jenkins-ns", "jenkins");
    }

    private static PermissionScope scope() {
        return new PermissionScope(
                "aws",
                "us-east-1",
                ACCOUNT,
                "default",
                List.of(FAMILY),
                List.of(EXECUTION_ROLE, TASK_ROLE),
                "arn:aws:iam::" + ACCOUNT + ":role/JenkinsRole",
                new PreflightTarget.CloudMapName("jenkins-ns", "jenkins"));
    }

    private void grantRequiredPolicy(List<Permission> permissions) {
        account.iam().putRolePolicy("JenkinsRole", "ecs-fargate", PolicyDocument.render(permissions));
    }
}
