package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import java.time.Duration;
import java.util.List;

/**
 * The earliest moment AWS's quotas let a burst of agents be RUNNING and connected, whatever the plugin does. Each
 * agent is one RunTask of one task, and the k-th RunTask (k = 1, 2, ...) needs a token from three buckets at once:
 * ECS's Fargate RunTask bucket (burst 20, 20 calls/s), the Fargate On-Demand launch bucket (burst 100, 20 tasks/s)
 * and ECS's cluster-resource-modify bucket (burst 100, 40 calls/s). A bucket of burst B refilling r per second has
 * its k-th token at max(0, (k - B) / r) seconds, so the k-th RunTask can go out at
 *
 * <pre>t(k) = max(0, (k - 20) / 20, (k - 100) / 20, (k - 100) / 40)   (= max(0, (k - 20) / 20))</pre>
 *
 * <p>The task it starts then needs its own Fargate start-up time L(k) (the emulator draws L(k) for the k-th task it
 * creates, whoever sends the call) and the agent its connect time C. The bound is max over k of t(k) + L(k) + C: a
 * plugin with no overhead at all, sending each RunTask the moment a token exists.
 */
record QuotaBound(double lastRunTaskSeconds, double boundSeconds) {
    static final Bucket FARGATE_RUN_TASK = new Bucket(20, 20);
    static final Bucket FARGATE_LAUNCHES = new Bucket(100, 20);
    static final Bucket CLUSTER_RESOURCE_MODIFY = new Bucket(100, 40);

    /** A token bucket: {@code burst} tokens at first, {@code perSecond} more every second. */
    record Bucket(int burst, double perSecond) {
        double tokenAt(int k) {
            return Math.max(0, (k - burst) / perSecond);
        }
    }

    /** When the k-th RunTask (1-based) can go out at the earliest, in seconds after the burst's demand. */
    static double runTaskAt(int k) {
        return Math.max(
                FARGATE_RUN_TASK.tokenAt(k), Math.max(FARGATE_LAUNCHES.tokenAt(k), CLUSTER_RESOURCE_MODIFY.tokenAt(k)));
    }

    /** The bound for tasks whose start-up times, in the order ECS created them, are {@code startUps}. */
    static QuotaBound of(List<Duration> startUps, Duration connect) {
        double bound = 0;
        for (int k = 1; k <= startUps.size(); k++) {
            double done = runTaskAt(k) + startUps.get(k - 1).toNanos() / 1e9 + connect.toNanos() / 1e9;
            bound = Math.max(bound, done);
        }
        return new QuotaBound(BenchSupport.round(runTaskAt(startUps.size()), 3), BenchSupport.round(bound, 3));
    }
}
