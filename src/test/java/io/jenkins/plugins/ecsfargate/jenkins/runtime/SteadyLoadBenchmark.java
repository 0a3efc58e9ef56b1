package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.emulator.LoggedCall;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An hour of simulated time with builds arriving as a Poisson process for label {@code ecs} (one-shot agents,
 * build times log-normal around a median), then until every build is done and every task STOPPED. Splits each
 * build's queue wait into the plugin's part (demand to RunTask reaching ECS), Fargate's start-up (ECS's createdAt
 * to startedAt), the agent's connection and the simulated Jenkins handing the build over, and counts calls per
 * agent and the peak of concurrent tasks.
 */
final class SteadyLoadBenchmark {

    /** The load and what it cost; times in seconds. */
    record Result(
            double arrivalsPerMinute,
            double medianBuildMinutes,
            int builds,
            int agents,
            Percentiles queueWait,
            Percentiles pluginPart,
            Percentiles fargateStartUp,
            Percentiles agentConnect,
            int peakConcurrentTasks,
            Map<String, Double> callsPerAgent,
            long throttled,
            long retried,
            int failures,
            double wallSeconds) {}

    /** p50, p95 and the maximum. */
    record Percentiles(double p50, double p95, double max) {
        static Percentiles of(List<Double> values) {
            double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
            return new Percentiles(
                    BenchSupport.round(BenchSupport.percentile(array, 50), 3),
                    BenchSupport.round(BenchSupport.percentile(array, 95), 3),
                    BenchSupport.round(BenchSupport.percentile(array, 100), 3));
        }
    }

    private SteadyLoadBenchmark() {}

    static Result run(double arrivalsPerMinute, double medianBuildMinutes, Duration period, long seed) {
        long wallStart = System.nanoTime();
        EcsEmulatorExtension aws = BenchSupport.emulator(seed);
        aws.ecs().setStoppedTaskRetention(period.plus(Duration.ofHours(2)));
        RuntimeHarness cloud = new RuntimeHarness(aws, RuntimeHarness.seed());
        try {
            SimulatedBuilds jenkins = new SimulatedBuilds(cloud, BenchSupport.LABEL);
            Random random = new Random(seed);
            Instant end = aws.clock().instant().plus(period);
            scheduleArrivals(cloud, jenkins, random, arrivalsPerMinute, medianBuildMinutes, end);
            AtomicInteger peak = new AtomicInteger();
            Instant now = aws.clock().instant();
            while (now.isBefore(end)
                    || !jenkins.allFinished()
                    || !cloud.liveTasks().isEmpty()) {
                cloud.runFor(Duration.ofSeconds(1));
                peak.accumulateAndGet(cloud.liveTasks().size(), Math::max);
                now = aws.clock().instant();
                if (now.isAfter(end.plus(Duration.ofHours(1)))) {
                    throw new IllegalStateException("builds still running an hour after the last arrival");
                }
            }
            return result(aws, jenkins, arrivalsPerMinute, medianBuildMinutes, peak.get(), wallStart);
        } finally {
            cloud.close();
            aws.stop();
        }
    }

    private static void scheduleArrivals(
            RuntimeHarness cloud,
            SimulatedBuilds jenkins,
            Random random,
            double perMinute,
            double medianMinutes,
            Instant end) {
        Instant at = cloud.aws.clock().instant();
        int n = 0;
        while (true) {
            double gapSeconds = -Math.log(1 - random.nextDouble()) * 60.0 / perMinute;
            at = at.plusMillis(Math.round(gapSeconds * 1000));
            if (!at.isBefore(end)) {
                return;
            }
            double minutes = medianMinutes * Math.exp(0.6 * random.nextGaussian());
            Duration duration = Duration.ofMillis(Math.round(Math.max(0.5, Math.min(30, minutes)) * 60_000));
            String name = "build-" + ++n;
            cloud.scheduler.schedule(
                    Duration.between(cloud.aws.clock().instant(), at), () -> jenkins.queue(name, duration));
        }
    }

    private static Result result(
            EcsEmulatorExtension aws,
            SimulatedBuilds jenkins,
            double perMinute,
            double medianMinutes,
            int peak,
            long wallStart) {
        Map<String, LoggedCall> runTasks = BenchSupport.runTasksByAgent(aws.stats());
        List<Double> wait = new ArrayList<>();
        List<Double> plugin = new ArrayList<>();
        List<Double> fargate = new ArrayList<>();
        List<Double> connect = new ArrayList<>();
        int failures = 0;
        for (SimulatedBuilds.Build build : jenkins.builds()) {
            if (build.startedAt == null || build.finishedAt == null) {
                failures++;
                continue;
            }
            wait.add(BenchSupport.seconds(Duration.between(build.queuedAt, build.startedAt)));
        }
        for (EcsAgent agent : jenkins.agents()) {
            if (agent.status().failure() != null) {
                failures++;
            }
            LoggedCall runTask = runTasks.get(agent.getNodeName());
            Optional<EmulatedTask> task =
                    agent.getTaskArn() == null ? Optional.empty() : aws.ecs().task(agent.getTaskArn());
            Instant connected = agent.status().phases().get(TaskPhase.CONNECTED);
            if (runTask == null || task.isEmpty() || task.get().startedAt() == null || connected == null) {
                continue;
            }
            plugin.add(BenchSupport.seconds(Duration.between(agent.status().plannedAt(), runTask.at())));
            fargate.add(BenchSupport.seconds(
                    Duration.between(task.get().createdAt(), task.get().startedAt())));
            connect.add(BenchSupport.seconds(Duration.between(task.get().startedAt(), connected)));
        }
        int agents = jenkins.agents().size();
        return new Result(
                perMinute,
                medianMinutes,
                jenkins.builds().size(),
                agents,
                Percentiles.of(wait),
                Percentiles.of(plugin),
                Percentiles.of(fargate),
                Percentiles.of(connect),
                peak,
                BenchSupport.perAgent(aws.stats().snapshot(), agents),
                BenchSupport.throttled(aws.stats()),
                BenchSupport.retried(aws.stats()),
                failures,
                BenchSupport.round((System.nanoTime() - wallStart) / 1e9, 1));
    }
}
