package io.jenkins.plugins.ecsfargate.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.AccountServices;
import io.jenkins.plugins.ecsfargate.emulator.CloudMapDirectory;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.LoggedCall;
import io.jenkins.plugins.ecsfargate.emulator.StsService;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.preflight.Permission;
import io.jenkins.plugins.ecsfargate.engine.preflight.PermissionScope;
import io.jenkins.plugins.ecsfargate.engine.preflight.Preflight;
import io.jenkins.plugins.ecsfargate.engine.preflight.PreflightTarget;
import io.jenkins.plugins.ecsfargate.engine.preflight.RequiredPermissions;
import io.jenkins.plugins.ecsfargate.engine.spec.FamilyNames;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The policy the plugin asks administrators for is exactly what its engine uses: a whole cloud's life on the
 * emulator (preflight, launches with roles, tracking, stops, a reaper pass, task-definition clean-up) calls only
 * actions in {@link RequiredPermissions}, and every action there is called, apart from the two IAM evaluates
 * implicitly with another call ({@code ecs:TagResource} when tagging on create, {@code iam:PassRole} when a
 * task definition or task names a role) and {@code sts:GetCallerIdentity}, which needs no permission.
 */
class RequiredPermissionsMatchCallsTest {
    private static final String TEMPLATE = "maven";
    private static final String ACCOUNT = "123456789012";
    private static final String TRUST_ECS_TASKS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final Set<String> IMPLICIT = Set.of("ecs:TagResource", "iam:PassRole");
    private static final Set<String> NEEDS_NO_PERMISSION = Set.of("sts:GetCallerIdentity");

    private AccountServices account;

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension()
            .withoutThrottling()
            .configure(e -> account = AccountServices.create(e.clock()).registerWith(e));

    private TrackerFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void theRequiredPolicyCoversEveryCallTheEngineMakesAndNothingMore() {
        List<Permission> required = RequiredPermissions.of(scope());
        setUpAccount();
        new Preflight(aws.ecsClient(), aws.iamClient(), aws.stsClient(), aws.serviceDiscoveryClient(), "us-east-1")
                .run(new PreflightTarget(
                        "default",
                        true,
                        List.of(Specs.EXECUTION_ROLE),
                        List.of(Specs.TASK_ROLE),
                        List.of(family()),
                        "jenkins-ns",
                        "jenkins"));

        EngineHarness harness = new EngineHarness(aws);
        FargateEngine engine = harness.engine(EngineHarness.settings());
        f = new TrackerFixture(aws, TrackerSettings.defaults(), harness, engine);
        f.tracker.addListener(event -> {
            if (event.phase() == TaskPhase.RUNNING) {
                f.tracker.connected(event.handle());
            }
        });
        List<TaskHandle> agents = IntStream.range(0, 2)
                .mapToObj(i -> engine.launch(EngineHarness.agent(TEMPLATE, i, Specs.full(), null))
                        .thenApply(f.tracker::track))
                .map(f::await)
                .toList();
        f.runUntil(() -> agents.stream().allMatch(h -> f.reached(h, TaskPhase.CONNECTED)), Duration.ofMinutes(5));
        List<CompletableFuture<TaskState>> stops =
                agents.stream().map(h -> f.tracker.stop(h, "build finished")).toList();
        f.runUntil(() -> stops.stream().allMatch(CompletableFuture::isDone), Duration.ofMinutes(5));
        f.await(f.tracker
                .reaper(Duration.ofMinutes(5))
                .reap(new ReapRequest("default", EngineFixture.OWNER, name -> false, List.of())));
        f.await(engine.cleanUpTaskDefinitions(Map.of()));

        Set<String> called = aws.stats().log().stream()
                .map(LoggedCall::operationKey)
                .filter(key -> !NEEDS_NO_PERMISSION.contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> granted = required.stream().map(Permission::action).collect(Collectors.toCollection(TreeSet::new));
        assertThat(called).as("every call the engine makes is granted").isSubsetOf(granted);
        granted.removeAll(IMPLICIT);
        assertThat(called).as("every permission granted is used").containsAll(granted);
        assertThat(aws.ecs().liveTasks()).isEmpty();
    }

    private void setUpAccount() {
        account.iam().createRole("JenkinsRole", "/", TRUST_ECS_TASKS);
        account.iam().createRole("ecsTaskExecutionRole", "/", TRUST_ECS_TASKS);
        account.iam().createRole("jenkins-agent", "/", TRUST_ECS_TASKS);
        account.sts()
                .setCaller(new StsService.CallerIdentity(
                        ACCOUNT, "arn:aws:sts::" + ACCOUNT + ":assumed-role/JenkinsRole/task", "AROAEXAMPLE:task"));
        CloudMapDirectory.Namespace namespace = account.cloudMap().createPrivateDnsNamespace("jenkins-ns");
        CloudMapDirectory.Service service = account.cloudMap().createService(namespace.id(), "jenkins");
        account.cloudMap()
                .registerInstance(
                        service.id(),
                        "controller",
                        Map.of("AWS_INSTANCE_IPV4", "10.0.1.23", "AWS_INSTANCE_PORT", "50000"));
    }

    private static String family() {
        return FamilyNames.of(EngineFixture.OWNER.cloud(), TEMPLATE);
    }

    private static PermissionScope scope() {
        return new PermissionScope(
                "aws",
                "us-east-1",
                ACCOUNT,
                "default",
                List.of(family()),
                List.of(Specs.EXECUTION_ROLE, Specs.TASK_ROLE),
                "arn:aws:iam::" + ACCOUNT + ":role/JenkinsRole",
                new PreflightTarget.CloudMapName("jenkins-ns", "jenkins"));
    }
}
