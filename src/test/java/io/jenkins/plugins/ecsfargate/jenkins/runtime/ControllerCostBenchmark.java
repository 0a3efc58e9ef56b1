package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What tracking agents costs the controller, at 10, 100 and 1,000 connected agents: live threads (all of the JVM's,
 * and those outside the emulator's HTTP server), heap, and CPU per minute of simulated tracking. All the plugin's
 * work runs on this thread (the cloud's scheduler is driven from here), so its CPU time is the plugin's, plus the
 * AWS SDK's on the client side and the emulator's clock bookkeeping; the emulator's answers are served on its own
 * threads. Heap is what becomes collectable when the cloud runtime and its agents are dropped while the emulator
 * keeps its tasks; the per-agent figure is the slope between the smallest and the largest run, which cancels what
 * a cloud costs whatever its size (AWS clients, caches).
 */
final class ControllerCostBenchmark {
    static final Duration TRACKING = Duration.ofMinutes(10);

    /** One size's figures. */
    record Result(
            int agents,
            int liveThreads,
            int threadsOutsideEmulator,
            double cpuMsPerTrackedMinute,
            double describeTasksPerMinute,
            long retainedHeapBytes) {}

    /** All sizes, and the heap per tracked agent from the slope. */
    record Summary(List<Result> sizes, double heapKbPerAgent) {}

    private ControllerCostBenchmark() {}

    static Summary run(int[] sizes, long seed) {
        List<Result> results = new ArrayList<>();
        for (int agents : sizes) {
            results.add(measure(agents, seed));
        }
        Result small = results.get(0);
        Result large = results.get(results.size() - 1);
        double slope = (large.retainedHeapBytes() - small.retainedHeapBytes())
                / (double) (large.agents() - small.agents())
                / 1024.0;
        return new Summary(results, BenchSupport.round(slope, 2));
    }

    private static Result measure(int agents, long seed) {
        EcsEmulatorExtension aws = BenchSupport.emulator(seed);
        try {
            aws.stats().setLogCapacity(0);
            Result tracked = track(aws, agents);
            long withoutCloud = BenchSupport.usedHeapAfterGc();
            return new Result(
                    agents,
                    tracked.liveThreads(),
                    tracked.threadsOutsideEmulator(),
                    tracked.cpuMsPerTrackedMinute(),
                    tracked.describeTasksPerMinute(),
                    tracked.retainedHeapBytes() - withoutCloud);
        } finally {
            aws.stop();
        }
    }

    /** Starts and tracks the agents, measures, and closes the cloud; the heap figure is the total in use. */
    private static Result track(EcsEmulatorExtension aws, int agents) {
        RuntimeHarness cloud = new RuntimeHarness(aws, RuntimeHarness.seed());
        try {
            cloud.runtime.provision(new TestLabel(BenchSupport.LABEL), agents);
            cloud.runUntil(
                    () -> cloud.jenkins.agents().stream()
                                    .filter(a -> a.status().connected())
                                    .count()
                            == agents,
                    Duration.ofMinutes(30));
            cloud.runFor(Duration.ofMinutes(1));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int live = threads.getThreadCount();
            int outside = (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !t.getName().startsWith("ecs-emulator-")
                            && !t.getName().startsWith("HTTP-Dispatcher"))
                    .count();
            long describes = aws.stats().calls("ecs:DescribeTasks");
            long cpuStart = threads.getCurrentThreadCpuTime();
            cloud.runFor(TRACKING);
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            double minutes = TRACKING.toSeconds() / 60.0;
            double describesPerMinute = (aws.stats().calls("ecs:DescribeTasks") - describes) / minutes;
            return new Result(
                    agents,
                    live,
                    outside,
                    BenchSupport.round(cpu / 1e6 / minutes, 1),
                    BenchSupport.round(describesPerMinute, 1),
                    BenchSupport.usedHeapAfterGc());
        } finally {
            cloud.close();
        }
    }
}
