package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.emulator.CallStats;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.FargateQuotas;
import io.jenkins.plugins.ecsfargate.emulator.LoggedCall;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the provisioning benchmarks share: the emulator as AWS would be for a mature account (AWS's default API
 * rate limits and Fargate launch rate, Fargate's latency distributions at real speed on a simulated clock, but
 * 4,000 vCPUs of On-Demand quota instead of a new account's 6, so that 1,000 agents of 1 vCPU fit), and the
 * arithmetic of the results.
 */
final class BenchSupport {
    static final String LABEL = "ecs";
    static final double MATURE_ACCOUNT_VCPUS = 4000;
    private static final Pattern AGENT_NAME = Pattern.compile("ecs-cloud-[a-z0-9-]+-[a-z0-9]{5}");

    private BenchSupport() {}

    /** A started emulator with the reference setup's cluster and a mature account's vCPU quota. */
    static EcsEmulatorExtension emulator(long seed) {
        EcsEmulatorExtension aws = new EcsEmulatorExtension().withSeed(seed).start();
        aws.ecs()
                .createCluster(
                        SimulatedRun.CLUSTER,
                        List.of(FargateQuotas.FARGATE, FargateQuotas.FARGATE_SPOT),
                        Map.of(FargateQuotas.FARGATE, 1));
        aws.ecs().quotas().setOnDemandVcpu(MATURE_ACCOUNT_VCPUS);
        aws.stats().setLogCapacity(200_000);
        return aws;
    }

    /** Calls per operation key divided by {@code agents}, plus {@code "total"}. */
    static Map<String, Double> perAgent(Map<String, Long> calls, int agents) {
        Map<String, Double> per = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, Long> entry : calls.entrySet()) {
            per.put(entry.getKey(), round(entry.getValue() / (double) agents, 3));
            total += entry.getValue();
        }
        per.put("total", round(total / (double) agents, 3));
        return per;
    }

    static long throttled(CallStats stats) {
        return stats.snapshot().keySet().stream().mapToLong(stats::throttled).sum();
    }

    static long retried(CallStats stats) {
        return stats.snapshot().keySet().stream().mapToLong(stats::retries).sum();
    }

    /** The first answered RunTask per agent name (from its environment override in the request body). */
    static Map<String, LoggedCall> runTasksByAgent(CallStats stats) {
        Map<String, LoggedCall> byAgent = new HashMap<>();
        for (LoggedCall call : stats.log("ecs:RunTask")) {
            Matcher name = AGENT_NAME.matcher(call.body());
            if (call.status() == 200 && name.find()) {
                byAgent.putIfAbsent(name.group(), call);
            }
        }
        return byAgent;
    }

    /** The nearest-rank percentile {@code p} (0-100) of {@code values}. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double seconds(Duration duration) {
        return round(duration.toNanos() / 1e9, 3);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** Heap in use after collecting garbage until the figure settles. */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
        }
        return best;
    }
}
