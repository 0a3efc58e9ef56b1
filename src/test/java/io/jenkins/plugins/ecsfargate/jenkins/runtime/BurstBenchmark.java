package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.engine.EngineTuning;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * N builds for label {@code ecs} at the same moment: one demand for N one-shot agents. Measures, in simulated time,
 * how long until every agent is connected (and every task RUNNING) next to the {@link QuotaBound}, then lets each
 * build run a minute and counts every ECS call of the agents' whole lives until their tasks are STOPPED.
 */
final class BurstBenchmark {
    static final Duration BUILD_TIME = Duration.ofMinutes(1);

    /** One burst's figures; times in seconds after the demand. */
    record Result(
            int agents,
            double rateShare,
            double allRunningSeconds,
            double allConnectedSeconds,
            double lastRunTaskSeconds,
            double quotaLastRunTaskSeconds,
            double quotaBoundSeconds,
            double ratioToBound,
            Map<String, Double> callsPerAgent,
            long throttled,
            long retried,
            int failures,
            double wallSeconds) {}

    private BurstBenchmark() {}

    static Result run(int agents, double rateShare, long seed) {
        long wallStart = System.nanoTime();
        EcsEmulatorExtension aws = BenchSupport.emulator(seed);
        RuntimeHarness cloud = new RuntimeHarness(aws, RuntimeHarness.seed());
        try {
            cloud.tuning = EngineTuning.defaults().withRateShare(rateShare);
            SimulatedBuilds jenkins = new SimulatedBuilds(cloud, BenchSupport.LABEL);
            Instant start = aws.clock().instant();
            jenkins.queueAll("build-", agents, BUILD_TIME);
            Duration limit = Duration.ofMinutes(30);
            cloud.runUntil(() -> connected(jenkins) + failed(jenkins) >= agents, limit);
            Instant allConnected = jenkins.agents().stream()
                    .map(a -> a.status().phases().get(TaskPhase.CONNECTED))
                    .filter(Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElse(start);
            cloud.runUntil(
                    () -> jenkins.allFinished()
                            && cloud.liveTasks().isEmpty()
                            && cloud.jenkins.nodes().isEmpty(),
                    limit);
            List<EmulatedTask> tasks = aws.ecs().allTasks();
            Instant allRunning = tasks.stream()
                    .map(EmulatedTask::startedAt)
                    .filter(Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElse(start);
            Instant lastRunTask = tasks.stream()
                    .map(EmulatedTask::createdAt)
                    .max(Instant::compareTo)
                    .orElse(start);
            QuotaBound bound = QuotaBound.of(
                    tasks.stream()
                            .filter(t -> t.startedAt() != null)
                            .map(t -> Duration.between(t.createdAt(), t.startedAt()))
                            .toList(),
                    RuntimeHarness.AGENT_START);
            double connected = BenchSupport.seconds(Duration.between(start, allConnected));
            return new Result(
                    agents,
                    rateShare,
                    BenchSupport.seconds(Duration.between(start, allRunning)),
                    connected,
                    BenchSupport.seconds(Duration.between(start, lastRunTask)),
                    bound.lastRunTaskSeconds(),
                    bound.boundSeconds(),
                    BenchSupport.round(connected / bound.boundSeconds(), 3),
                    BenchSupport.perAgent(aws.stats().snapshot(), agents),
                    BenchSupport.throttled(aws.stats()),
                    BenchSupport.retried(aws.stats()),
                    failed(jenkins)
                            + (int) jenkins.builds().stream()
                                    .filter(b -> b.finishedAt == null)
                                    .count(),
                    BenchSupport.round((System.nanoTime() - wallStart) / 1e9, 1));
        } finally {
            cloud.close();
            aws.stop();
        }
    }

    private static int connected(SimulatedBuilds jenkins) {
        return (int)
                jenkins.agents().stream().filter(a -> a.status().connected()).count();
    }

    private static int failed(SimulatedBuilds jenkins) {
        return (int) jenkins.agents().stream()
                .filter(a -> a.status().failure() != null)
                .count();
    }
}
