package io.jenkins.plugins.ecsfargate.engine;

import java.time.Duration;

/**
 * The engine's knobs with sensible defaults: the share of the account's ECS rates this cloud may use, attempts
 * and backoff per AWS call, the circuit breaker, and how long a Cloud Map tunnel answer is reused.
 */
public record EngineTuning(
        double rateShare,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        int breakerThreshold,
        Duration breakerFirstPause,
        Duration breakerMaxPause,
        Duration tunnelTtl) {

    public static EngineTuning defaults() {
        return new EngineTuning(
                0.8,
                8,
                Duration.ofMillis(200),
                Duration.ofSeconds(20),
                3,
                Duration.ofMinutes(1),
                Duration.ofMinutes(30),
                Duration.ofSeconds(30));
    }

    public EngineTuning withBreaker(int threshold, Duration firstPause, Duration maxPause) {
        return new EngineTuning(
                rateShare, maxAttempts, backoffBase, backoffCap, threshold, firstPause, maxPause, tunnelTtl);
    }

    public EngineTuning withRateShare(double share) {
        return new EngineTuning(
                share,
                maxAttempts,
                backoffBase,
                backoffCap,
                breakerThreshold,
                breakerFirstPause,
                breakerMaxPause,
                tunnelTtl);
    }
}
