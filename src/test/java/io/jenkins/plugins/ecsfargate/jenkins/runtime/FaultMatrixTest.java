package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.AccountServices;
import io.jenkins.plugins.ecsfargate.emulator.CloudMapDirectory;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.FargateQuotas;
import io.jenkins.plugins.ecsfargate.emulator.Fault;
import io.jenkins.plugins.ecsfargate.emulator.TaskFault;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.launch.CapacityMode;
import io.jenkins.plugins.ecsfargate.engine.launch.Transport;
import io.jenkins.plugins.ecsfargate.engine.retry.CircuitBreaker;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import io.jenkins.plugins.ecsfargate.engine.tracking.Reaper;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: for each fault AWS can throw at a cloud, a batch of agents is demanded through the real
 * provisioning path (cloud runtime, engine, SDK, emulator with AWS's quotas and rate limits), the agents that come
 * online run a build and retire, and then every agent is accounted for: online, or failed with the cause the engine
 * classified and the agent recorded. Afterwards no task of the cloud runs (by the emulator's state and by ListTasks),
 * no node is left, the engine follows nothing, fatal failures cancelled the waiting builds and others did not, and
 * the ECS calls per agent stayed under the row's bound.
 */
class FaultMatrixTest {
    /** The system log line of {@code FailureReports.failed}, as Messages.properties words it. */
    private static final Pattern FAILURE_REPORT =
            Pattern.compile("Cloud [^,]+, template [^:]+: agent \\S+ failed: (.*)", Pattern.DOTALL);

    private static final int BATCH = 8;
    private static final Duration SETTLE = Duration.ofMinutes(15);

    private AccountServices account;

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension()
            .configure(emulator ->
                    account = AccountServices.create(emulator.clock()).registerWith(emulator));

    private final Logger reportLog = Logger.getLogger(FailureReports.class.getName());
    private final Logger breakerLog = Logger.getLogger(CircuitBreaker.class.getName());
    private final List<LogRecord> reports = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                reports.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private FaultBatch batch;

    /**
     * One row of the matrix: how the fault is set up and driven, and what must come of it.
     *
     * @param expected how many agents ended each way (see {@link FaultBatch#outcome})
     * @param maxEcsCallsPerAgent every ECS call the emulator answered, retries and throttled ones included, divided
     *     by the agents demanded; the batch shares its task-definition look-up and each DescribeTasks round (one
     *     call for up to 100 tasks, every 3 s while any task starts, 10 s while stopping, 30 s while running), so
     *     rows that wait long in PENDING or keep failing StopTask cost more
     * @param struck evidence that the fault really hit (must be positive), described by {@code evidence}
     */
    record Row(
            String fault,
            CapacityMode capacity,
            Consumer<FaultBatch> inject,
            Flow flow,
            Map<String, Long> expected,
            boolean cancelsBuilds,
            double maxEcsCallsPerAgent,
            String evidence,
            ToLongFunction<FaultBatch> struck) {
        @Override
        public String toString() {
            return fault;
        }
    }

    /** How a row drives its batch. */
    interface Flow {
        void run(FaultBatch batch);
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row(
                        "throttle storm: half of all ECS calls throttled",
                        CapacityMode.FARGATE,
                        b -> b.aws.faults().withProbability("ecs:*", 0.5, Fault.throttling()),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("online", 8L),
                        false,
                        12,
                        "ECS calls throttled",
                        FaultMatrixTest::throttledCalls),
                new Row(
                        "throttle storm outlasting the retries (every ECS call for a minute)",
                        CapacityMode.FARGATE,
                        b -> b.aws.faults().during("ecs:*", Duration.ofMinutes(1), Fault.throttling()),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("failed: " + FailureCause.THROTTLED, 8L),
                        false,
                        1,
                        "ECS calls throttled",
                        FaultMatrixTest::throttledCalls),
                new Row(
                        "ServerException bursts",
                        CapacityMode.FARGATE,
                        b -> {
                            b.aws.faults().onCalls("ecs:RunTask", 1, 4, Fault.serverError());
                            b.aws.faults().onCalls("ecs:DescribeTasks", 2, 3, Fault.serverError());
                            b.aws.faults().onCalls("ecs:StopTask", 1, 3, Fault.serverError());
                        },
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("online", 8L),
                        false,
                        8,
                        "ECS calls answered 500",
                        b -> b.ecsCallsAnswered(500)),
                new Row(
                        "Fargate capacity unavailable for 3 launches",
                        CapacityMode.FARGATE,
                        b -> b.aws.ecs().quotas().capacityUnavailableForNext(FargateQuotas.FARGATE, 3),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("online", 5L, "failed: " + FailureCause.CAPACITY_UNAVAILABLE, 3L),
                        false,
                        6,
                        "launches without a task",
                        b -> b.agents.size() - b.aws.ecs().allTasks().size()),
                new Row(
                        "no Fargate Spot capacity, fallback to FARGATE",
                        CapacityMode.FARGATE_SPOT_THEN_FARGATE,
                        b -> b.aws.ecs().quotas().setCapacityAvailable(FargateQuotas.FARGATE_SPOT, false),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("online", 8L),
                        false,
                        7,
                        "RunTask calls beyond one per agent",
                        b -> b.aws.stats().calls("ecs:RunTask") - b.agents.size()),
                new Row(
                        "vCPU quota reached",
                        CapacityMode.FARGATE,
                        b -> b.aws.ecs().quotas().setOnDemandVcpu(3),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("online", 6L, "failed: " + FailureCause.VCPU_LIMIT, 2L),
                        false,
                        6,
                        "launches without a task",
                        b -> b.agents.size() - b.aws.ecs().allTasks().size()),
                new Row(
                        "image pull failure",
                        CapacityMode.FARGATE,
                        b -> b.aws.ecs().taskFaults().next(BATCH, TaskFault.cannotPullContainer()),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("failed: " + FailureCause.CANNOT_PULL_IMAGE, 8L),
                        true,
                        4,
                        "tasks stopped with CannotPullContainerError",
                        b -> b.aws.ecs().allTasks().stream()
                                .filter(t -> "TaskFailedToStart".equals(t.stopCode()))
                                .count()),
                new Row(
                        "stuck PENDING until Fargate gives up",
                        CapacityMode.FARGATE,
                        b -> b.aws.ecs().taskFaults().next(BATCH, TaskFault.stuckPending()),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("failed: " + FailureCause.TASK_FAILED_TO_START, 8L),
                        false,
                        12,
                        "tasks stopped by Fargate before RUNNING",
                        b -> b.aws.ecs().allTasks().stream()
                                .filter(t -> "TaskFailedToStart".equals(t.stopCode()))
                                .count()),
                new Row(
                        "stuck PENDING past the start timeout",
                        CapacityMode.FARGATE,
                        b -> b.aws.ecs().taskFaults().next(BATCH, TaskFault.stuckPending(Duration.ofMinutes(30))),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("failed: " + FailureCause.START_TIMED_OUT, 8L),
                        false,
                        18,
                        "StopTask calls for PENDING tasks",
                        b -> b.aws.stats().calls("ecs:StopTask")),
                new Row(
                        "spot interruption",
                        CapacityMode.FARGATE_SPOT,
                        b -> b.aws.ecs().taskFaults().next(BATCH, TaskFault.spotInterruption(Duration.ofSeconds(30))),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("online, then " + FailureCause.SPOT_INTERRUPTION, 8L),
                        false,
                        5,
                        "tasks stopped with SpotInterruption",
                        b -> b.aws.ecs().allTasks().stream()
                                .filter(t -> "SpotInterruption".equals(t.stopCode()))
                                .count()),
                new Row(
                        "StopTask failures",
                        CapacityMode.FARGATE,
                        b -> b.aws.faults().during("ecs:StopTask", Duration.ofMinutes(3), Fault.serverError()),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("online", 8L),
                        false,
                        25,
                        "StopTask failures the engine reported",
                        FaultMatrixTest::stopFailures),
                new Row(
                        "StopTask denied for two minutes",
                        CapacityMode.FARGATE,
                        b -> b.aws.faults()
                                .during(
                                        "ecs:StopTask",
                                        Duration.ofMinutes(2),
                                        Fault.error(400, "AccessDeniedException", "not authorized to ecs:StopTask")),
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("online", 8L),
                        false,
                        8,
                        "StopTask refusals the engine reported",
                        FaultMatrixTest::stopFailures),
                new Row(
                        "controller restart mid-launch",
                        CapacityMode.FARGATE,
                        b -> {
                            b.aws.faults().always("ecs:RunTask", Fault.dropAnswer());
                            b.aws.ecs().quotas().setOnDemandVcpu(8);
                        },
                        FaultMatrixTest::restartMidLaunch,
                        Map.of("lost at restart, task reaped", 8L, "online", 8L),
                        false,
                        6,
                        "RunTask answers lost",
                        b -> b.ecsCallsAnswered(0)),
                new Row(
                        "agent never connects",
                        CapacityMode.FARGATE,
                        b -> b.cloud.agentsConnect = false,
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("failed: " + FailureCause.CONNECT_TIMED_OUT, 8L),
                        false,
                        7,
                        "agents refused",
                        b -> b.cloud.refusedAgents.size()),
                new Row(
                        "Cloud Map service without instance",
                        CapacityMode.FARGATE,
                        FaultMatrixTest::emptyCloudMapService,
                        FaultMatrixTest::demandBuildRetire,
                        Map.of("failed: " + FailureCause.CLOUD_MAP_EMPTY, 8L),
                        false,
                        0.5,
                        "DiscoverInstances calls",
                        b -> b.aws.stats().calls("servicediscovery:DiscoverInstances")));
    }

    private static long stopFailures(FaultBatch batch) {
        return batch.engineFailures.stream()
                .filter(e -> e.failure().kind() == TaskFailure.Kind.STOP_FAILED)
                .count();
    }

    private static long throttledCalls(FaultBatch batch) {
        return batch.aws.stats().log().stream()
                .filter(c -> c.operationKey().startsWith("ecs:") && c.throttled())
                .count();
    }

    private static TemplatePlan template(CapacityMode capacity) {
        return new TemplatePlan(
                "jenkins-agent",
                "ecs",
                1,
                0,
                0,
                null,
                EngineHarness.settings().withCapacity(capacity),
                RuntimeHarness.spec(512, 1024),
                null);
    }

    private static void demandBuildRetire(FaultBatch batch) {
        List<EcsAgent> agents = batch.demand(BATCH);
        batch.settle(agents, SETTLE);
        batch.buildAndRetire(agents);
        batch.drain(SETTLE);
    }

    /**
     * Every RunTask reaches ECS but its answer is lost, and the controller dies before it retries: Jenkins kept the
     * nodes (saved before RunTask), without task ARNs. The new runtime removes them, starts agents for the builds
     * still waiting, and its periodic reconciliation stops the tasks nobody wants once they are past the grace.
     */
    private static void restartMidLaunch(FaultBatch batch) {
        List<EcsAgent> lost = batch.demand(BATCH);
        batch.cloud.runUntil(() -> batch.aws.ecs().liveTasks().size() == BATCH, Duration.ofSeconds(30));
        assertThat(lost).allSatisfy(a -> assertThat(a.getTaskArn()).isNull());
        batch.aws.faults().clear();
        batch.restart();
        batch.lostAtRestart.addAll(lost);
        assertThat(batch.cloud.jenkins.nodes())
                .as("nodes without a task on record are removed")
                .isEmpty();
        List<EcsAgent> agents = batch.provision(BATCH);
        batch.settle(agents, SETTLE);
        batch.buildAndRetire(agents);
        batch.cloud.runFor(Reaper.DEFAULT_GRACE);
        batch.reconcile();
        batch.drain(SETTLE);
    }

    private static void emptyCloudMapService(FaultBatch batch) {
        CloudMapDirectory.Namespace namespace = batch.account.cloudMap().createPrivateDnsNamespace("ci.local");
        batch.account.cloudMap().createService(namespace.id(), "jenkins");
        batch.cloud.connection = new AgentConnection(
                batch.cloud.jenkins.rootUrl(), new Transport.CloudMapTunnel("ci.local", "jenkins", 50000), null, null);
    }

    @BeforeEach
    void listen() {
        reportLog.addHandler(capture);
        breakerLog.addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        reportLog.removeHandler(capture);
        breakerLog.removeHandler(capture);
        if (batch != null) {
            batch.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyAgentIsAccountedForAndNothingLeaks(Row row) {
        batch = new FaultBatch(aws, account, template(row.capacity()));
        row.inject().accept(batch);

        row.flow().run(batch);

        long ecsCalls = batch.ecsCalls();
        Map<String, Long> calls = aws.stats().snapshot();
        assertThat(row.struck().applyAsLong(batch)).as(row.evidence()).isPositive();
        assertThat(batch.outcomes()).as("how each agent ended").isEqualTo(row.expected());
        assertThat(aws.ecs().liveTasks()).as("tasks left running").isEmpty();
        assertThat(batch.listedTasks()).as("tasks ListTasks still lists").isEmpty();
        assertThat(batch.cloud.jenkins.nodes()).as("nodes left").isEmpty();
        assertThat(batch.cloud.runtime.agents())
                .as("agents the cloud still counts")
                .isEmpty();
        assertThat(batch.cloud.runtime.tracker().trackedCount())
                .as("tasks still followed")
                .isZero();
        assertThat(batch.cloud.jenkins.cancelled).as("builds cancelled").hasSize(row.cancelsBuilds() ? BATCH : 0);
        assertFailuresReported();
        assertThat(reports.stream()
                        .filter(r -> r.getMessage().startsWith("Template {0} paused for"))
                        .map(r -> r.getParameters()[1]))
                .as("one wave of failures pauses the template once, for the first pause")
                .allMatch(Duration.ofMinutes(1)::equals);
        assertThat(aws.stats().calls("servicediscovery:DiscoverInstances"))
                .as("Cloud Map look-ups")
                .isLessThanOrEqualTo(batch.agents.size());
        double perAgent = (double) ecsCalls / batch.agents.size();
        assertThat(perAgent).as("ECS calls per agent: " + calls).isLessThanOrEqualTo(row.maxEcsCallsPerAgent());
    }

    /** Each failed agent's cause reached the system log, once per template and cause rather than per agent. */
    private void assertFailuresReported() {
        List<LaunchFailure> failures = batch.agents.stream()
                .map(a -> a.status().failureCause())
                .filter(Objects::nonNull)
                .toList();
        List<String> reported = reports.stream()
                .map(r -> FAILURE_REPORT.matcher(r.getMessage()))
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .toList();
        Map<FailureCause, List<String>> byCause = failures.stream()
                .collect(Collectors.groupingBy(
                        LaunchFailure::cause, Collectors.mapping(LaunchFailure::describe, Collectors.toList())));
        byCause.forEach((cause, described) ->
                assertThat(reported).as("a report of " + cause).containsAnyElementsOf(described));
        assertThat(reported).as("failure reports").hasSizeBetween(byCause.size(), failures.size());
        assertThat(batch.engineFailures)
                .as("failures the engine could not classify")
                .noneMatch(e -> e.failure().failure().cause() == FailureCause.UNKNOWN);
    }
}
