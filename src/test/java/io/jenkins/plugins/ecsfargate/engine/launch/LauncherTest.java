package io.jenkins.plugins.ecsfargate.engine.launch;

import static io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.emulator.FargateQuotas;
import io.jenkins.plugins.ecsfargate.emulator.Fault;
import io.jenkins.plugins.ecsfargate.engine.EngineTuning;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClass;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

class LauncherTest {
    @RegisterExtension
    final EcsEmulatorExtension aws =
            new EcsEmulatorExtension().configure(e -> {}).withSeed(3);

    private final List<AutoCloseable> toClose = new java.util.ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private EngineHarness harness() {
        EngineHarness harness = new EngineHarness(aws);
        toClose.add(harness);
        return harness;
    }

    private List<LaunchedTask> launchAll(
            EngineHarness harness,
            FargateEngine engine,
            String template,
            int from,
            int count,
            TaskDefinitionSpec spec,
            LaunchOverrides overrides) {
        List<CompletableFuture<LaunchedTask>> launches = IntStream.range(from, from + count)
                .mapToObj(i -> engine.launch(agent(template, i, spec, overrides)))
                .toList();
        harness.await(CompletableFuture.allOf(launches.toArray(CompletableFuture[]::new)));
        return launches.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void theTaskCarriesTheInboundAgentEnvironmentNetworkAndTags() {
        EngineHarness harness = harness();
        FargateEngine engine = harness.engine(EngineHarness.settings());
        LaunchedTask launched = harness.await(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));

        EmulatedTask task = aws.ecs().task(launched.taskArn()).orElseThrow();
        assertThat(task.env(InboundAgentEnvironment.URL)).contains(EngineHarness.JENKINS_URL);
        assertThat(task.env(InboundAgentEnvironment.AGENT_NAME)).contains("maven-agent-1");
        assertThat(task.env(InboundAgentEnvironment.SECRET)).contains("secret-1-0123456789abcdef");
        assertThat(task.env(InboundAgentEnvironment.WEB_SOCKET)).contains("true");
        assertThat(task.env(InboundAgentEnvironment.TUNNEL)).isEmpty();
        assertThat(task.startedBy()).isEqualTo("jenkins/controller-1/prod");
        assertThat(task.tags())
                .containsEntry(OwnershipTags.AGENT, "maven-agent-1")
                .containsEntry(OwnershipTags.CONTROLLER, "controller-1")
                .containsEntry(OwnershipTags.CLOUD, "prod")
                .containsEntry(OwnershipTags.TEMPLATE, "maven")
                .containsKey(OwnershipTags.SPEC_HASH);
        assertThat(launched.capacityProvider()).isEqualTo("FARGATE");
        assertThat(launched.lastStatus()).isEqualTo("PROVISIONING");

        Task described = aws.ecsClient()
                .describeTasks(
                        r -> r.cluster("default").tasks(launched.taskArn()).include(TaskField.TAGS))
                .tasks()
                .get(0);
        assertThat(described.launchTypeAsString()).isEqualTo("FARGATE");
        String definition = aws.ecsClient()
                .describeTaskDefinition(r -> r.taskDefinition(launched.taskDefinitionArn()))
                .taskDefinition()
                .toString();
        assertThat(definition).doesNotContain("secret-1-0123456789abcdef").doesNotContain("JENKINS_SECRET");
        String request = aws.stats().log("ecs:RunTask").get(0).body();
        assertThat(request)
                .contains("\"assignPublicIp\":\"DISABLED\"", "\"propagateTags\":\"TASK_DEFINITION\"")
                .contains("\"platformVersion\":\"LATEST\"", "\"clientToken\":");
    }

    @Test
    void aTcpTunnelReplacesWebSocket() {
        EngineHarness harness = harness();
        AgentConnection tcp = new AgentConnection(
                EngineHarness.JENKINS_URL,
                new Transport.FixedTunnel("jenkins.internal:50000"),
                "/home/jenkins/agent",
                List.of("-noReconnectAfter", "1m"));
        FargateEngine engine = harness.engine(EngineHarness.settings(), tcp, EngineTuning.defaults());
        LaunchedTask launched = harness.await(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
        EmulatedTask task = aws.ecs().task(launched.taskArn()).orElseThrow();
        assertThat(task.env(InboundAgentEnvironment.TUNNEL)).contains("jenkins.internal:50000");
        assertThat(task.env(InboundAgentEnvironment.WEB_SOCKET)).isEmpty();
        assertThat(task.env(InboundAgentEnvironment.WORKDIR)).contains("/home/jenkins/agent");
        assertThat(task.env(InboundAgentEnvironment.REMOTING_OPTS)).contains("-noReconnectAfter 1m");
    }

    @Test
    void aHundredAgentsRegisterOnceRestartsAndOverridesRegisterNothingAFieldChangeRegistersOne() {
        aws.ecs().quotas().setOnDemandVcpu(4000);
        EngineHarness harness = harness();
        FargateEngine engine = harness.engine(EngineHarness.settings());
        List<LaunchedTask> first = launchAll(harness, engine, "maven", 0, 100, Specs.minimal(), LaunchOverrides.NONE);
        assertThat(first)
                .extracting(LaunchedTask::taskArn)
                .doesNotHaveDuplicates()
                .hasSize(100);
        assertThat(aws.stats().calls("ecs:RegisterTaskDefinition")).isEqualTo(1);
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(100);

        FargateEngine restarted = harness.engine(EngineHarness.settings());
        launchAll(harness, restarted, "maven", 100, 10, Specs.minimal(), LaunchOverrides.NONE);
        assertThat(aws.stats().calls("ecs:RegisterTaskDefinition")).isEqualTo(1);

        LaunchOverrides perRun = LaunchOverrides.NONE
                .withSize(2048, 8192)
                .withEnvironment(Map.of("BUILD_KIND", "nightly"))
                .withRoles(Specs.TASK_ROLE, Specs.EXECUTION_ROLE)
                .withEphemeralStorageGiB(60)
                .withCommand(List.of("-noCertificateCheck"));
        List<LaunchedTask> overridden = launchAll(harness, restarted, "maven", 110, 10, Specs.minimal(), perRun);
        assertThat(aws.stats().calls("ecs:RegisterTaskDefinition")).isEqualTo(1);
        EmulatedTask big = aws.ecs().task(overridden.get(0).taskArn()).orElseThrow();
        assertThat(big.cpu()).isEqualTo(2048);
        assertThat(big.memory()).isEqualTo(8192);
        assertThat(big.env("BUILD_KIND")).contains("nightly");
        assertThat(big.container("agent").orElseThrow().command()).containsExactly("-noCertificateCheck");

        launchAll(
                harness,
                restarted,
                "maven",
                120,
                10,
                Specs.minimal().toBuilder().memory(4096).build(),
                perRun);
        assertThat(aws.stats().calls("ecs:RegisterTaskDefinition")).isEqualTo(2);
    }

    @Test
    void aRunTaskWhoseAnswerIsLostIsRetriedWithoutASecondTask() {
        aws.faults().onCall("ecs:RunTask", 1, Fault.dropAnswer());
        EngineHarness harness = harness();
        FargateEngine engine = harness.engine(EngineHarness.settings());
        LaunchedTask launched = harness.await(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(2);
        assertThat(aws.ecs().allTasks()).extracting(EmulatedTask::taskArn).containsExactly(launched.taskArn());
        List<String> bodies =
                aws.stats().log("ecs:RunTask").stream().map(c -> c.body()).toList();
        assertThat(bodies.get(0)).isEqualTo(bodies.get(1));
    }

    @Test
    void spotCapacityShortageFallsBackToOnDemand() {
        aws.ecs().quotas().capacityUnavailableForNext(FargateQuotas.FARGATE_SPOT, 1);
        EngineHarness harness = harness();
        FargateEngine engine =
                harness.engine(EngineHarness.settings().withCapacity(CapacityMode.FARGATE_SPOT_THEN_FARGATE));
        LaunchedTask fallback = harness.await(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
        assertThat(fallback.capacityProvider()).isEqualTo("FARGATE");
        assertThat(aws.ecs().task(fallback.taskArn()).orElseThrow().capacityProvider())
                .isEqualTo("FARGATE");
        LaunchedTask spot = harness.await(engine.launch(agent("maven", 2, Specs.minimal(), LaunchOverrides.NONE)));
        assertThat(spot.capacityProvider()).isEqualTo("FARGATE_SPOT");
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(3);
        assertThat(engine.pauseOf("maven")).isEmpty();
    }

    @Test
    void theSpotVcpuQuotaAlsoFallsBackToOnDemand() {
        aws.ecs().quotas().setSpotVcpu(0);
        EngineHarness harness = harness();
        FargateEngine engine =
                harness.engine(EngineHarness.settings().withCapacity(CapacityMode.FARGATE_SPOT_THEN_FARGATE));
        LaunchedTask fallback = harness.await(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
        assertThat(fallback.capacityProvider()).isEqualTo("FARGATE");
    }

    @Test
    void spotOnlyReportsTheCapacityShortage() {
        aws.ecs().quotas().capacityUnavailableForNext(FargateQuotas.FARGATE_SPOT, 1);
        EngineHarness harness = harness();
        FargateEngine engine = harness.engine(EngineHarness.settings().withCapacity(CapacityMode.FARGATE_SPOT));
        LaunchFailure failure =
                harness.failureOf(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
        assertThat(failure.cause()).isEqualTo(FailureCause.CAPACITY_UNAVAILABLE);
        assertThat(failure.isRetryable()).isTrue();
    }

    @Test
    void theVcpuQuotaIsAQuotaFailureThatPausesTheTemplateAtOnce() {
        aws.ecs().quotas().setOnDemandVcpu(2);
        EngineHarness harness = harness();
        FargateEngine engine = harness.engine(EngineHarness.settings());
        launchAll(harness, engine, "maven", 0, 2, Specs.minimal(), LaunchOverrides.NONE);
        LaunchFailure failure =
                harness.failureOf(engine.launch(agent("maven", 3, Specs.minimal(), LaunchOverrides.NONE)));
        assertThat(failure.failureClass()).isEqualTo(FailureClass.QUOTA);
        assertThat(failure.cause()).isEqualTo(FailureCause.VCPU_LIMIT);
        assertThat(failure.describe()).contains("vCPU quota");
        assertThat(engine.pauseOf("maven")).isPresent();
        for (int i = 4; i < 20; i++) {
            LaunchFailure refused =
                    harness.failureOf(engine.launch(agent("maven", i, Specs.minimal(), LaunchOverrides.NONE)));
            assertThat(refused.cause()).isEqualTo(FailureCause.VCPU_LIMIT);
        }
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(3);
    }

    @Test
    void consecutiveFatalFailuresPauseTheTemplateInsteadOfRelaunching() {
        EngineHarness harness = harness();
        FargateEngine engine =
                harness.engine(LaunchSettings.of("no-such-cluster", EngineHarness.SUBNETS, EngineHarness.GROUPS));
        for (int i = 0; i < 3; i++) {
            LaunchFailure failure =
                    harness.failureOf(engine.launch(agent("maven", i, Specs.minimal(), LaunchOverrides.NONE)));
            assertThat(failure.cause()).isEqualTo(FailureCause.CLUSTER_NOT_FOUND);
            assertThat(failure.fieldToFix()).isEqualTo("cluster");
        }
        assertThat(engine.pauseOf("maven")).hasValueSatisfying(pause -> assertThat(pause.describe())
                .contains("3 failures in a row", "ClusterNotFoundException"));
        for (int i = 3; i < 50; i++) {
            CompletableFuture<LaunchedTask> refused =
                    engine.launch(agent("maven", i, Specs.minimal(), LaunchOverrides.NONE));
            assertThat(refused).isCompletedExceptionally();
        }
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(3);
        assertThat(engine.pauseOf("other")).isEmpty();
    }

    @Test
    void theSecretNeverReachesALogLineOrAToString() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("io.jenkins.plugins.ecsfargate");
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(new java.util.logging.SimpleFormatter().format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Level before = root.getLevel();
        root.setLevel(java.util.logging.Level.ALL);
        root.addHandler(capture);
        try {
            aws.faults().onCall("ecs:RunTask", 1, Fault.throttling());
            EngineHarness harness = harness();
            FargateEngine engine = harness.engine(EngineHarness.settings());
            AgentLaunch launch = agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE);
            LaunchedTask launched = harness.await(engine.launch(launch));
            FargateEngine broken =
                    harness.engine(LaunchSettings.of("missing", EngineHarness.SUBNETS, EngineHarness.GROUPS));
            LaunchFailure failure = harness.failureOf(broken.launch(launch));
            assertThat(lines).isNotEmpty();
            assertThat(lines).noneMatch(line -> line.contains(launch.secret()));
            assertThat(launch.toString()).doesNotContain(launch.secret());
            assertThat(launched.toString()).doesNotContain(launch.secret());
            assertThat(failure.describe()).doesNotContain(launch.secret());
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
    }

    @Test
    void invalidCloudSettingsFailBeforeAnyAwsCall() {
        EngineHarness harness = harness();
        FargateEngine engine =
                harness.engine(LaunchSettings.of("default", List.of("subnet-nope"), EngineHarness.GROUPS));
        LaunchFailure failure =
                harness.failureOf(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
        assertThat(failure.cause()).isEqualTo(FailureCause.INVALID_SPEC);
        assertThat(failure.fieldToFix()).isEqualTo("subnets");
        assertThat(aws.stats().totalCalls()).isZero();
    }

    @Test
    void overridesTooLargeForRunTaskAreRefusedWithTheField() {
        EngineHarness harness = harness();
        FargateEngine engine = harness.engine(EngineHarness.settings());
        LaunchOverrides huge = LaunchOverrides.NONE.withEnvironment(Map.of("BIG", "x".repeat(9000)));
        LaunchFailure failure = harness.failureOf(engine.launch(agent("maven", 1, Specs.minimal(), huge)));
        assertThat(failure.cause()).isEqualTo(FailureCause.INVALID_SPEC);
        assertThat(failure.fieldToFix()).isEqualTo("overrides.environment");
        assertThat(aws.stats().calls("ecs:RunTask")).isZero();
    }

    @Test
    void ecsExecIsRequestedOnlyWhenAsked() {
        EngineHarness harness = harness();
        FargateEngine engine = harness.engine(EngineHarness.settings().withExecuteCommand(true));
        TaskDefinitionSpec withRole =
                Specs.minimal().toBuilder().taskRoleArn(Specs.TASK_ROLE).build();
        LaunchedTask launched = harness.await(engine.launch(agent("maven", 1, withRole, LaunchOverrides.NONE)));
        Task described = aws.ecsClient()
                .describeTasks(r -> r.cluster("default").tasks(launched.taskArn()))
                .tasks()
                .get(0);
        assertThat(described.enableExecuteCommand()).isTrue();
        assertThat(EngineFixture.OWNER.cloud()).isEqualTo("prod");
    }
}
