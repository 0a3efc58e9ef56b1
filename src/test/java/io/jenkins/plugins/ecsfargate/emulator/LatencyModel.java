package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * How long each Fargate lifecycle phase takes, scaled by a time scale (0.01 makes a 30 s start take 0.3 s of
 * emulator time). Defaults follow the measured Fargate figures: PROVISIONING 4-14 s, pull about 10 s, container
 * start 1-20 s (about 30 s to RUNNING in all), and 20-30 s of ENI deprovisioning after containers stop. Samples
 * come from one seeded {@link Random}, so a run repeats.
 */
public final class LatencyModel {

    /** The phases, in lifecycle order. */
    public enum Phase {
        /** Task created → PENDING (ENI provisioning; {@code connectivityAt}). */
        PROVISIONING,
        /** PENDING → {@code pullStartedAt}. */
        PRE_PULL,
        /** {@code pullStartedAt} → {@code pullStoppedAt}. */
        PULL,
        /** {@code pullStoppedAt} → RUNNING ({@code startedAt}). */
        START,
        /** Stop requested → DEACTIVATING, and DEACTIVATING → STOPPING. */
        DEACTIVATE,
        /** STOPPING → containers exited ({@code executionStoppedAt}). */
        CONTAINER_STOP,
        /** DEPROVISIONING → STOPPED. */
        DEPROVISION
    }

    private final Map<Phase, Latency> phases = new EnumMap<>(Phase.class);
    private final Random random;
    private double timeScale = 1.0;

    public LatencyModel(long seed) {
        this.random = new Random(seed);
        phases.put(Phase.PROVISIONING, Latency.seconds(4, 14));
        phases.put(Phase.PRE_PULL, Latency.seconds(5, 8));
        phases.put(
                Phase.PULL,
                Latency.logNormal(Duration.ofSeconds(10), 0.4, Duration.ofSeconds(7), Duration.ofSeconds(60)));
        phases.put(
                Phase.START,
                Latency.logNormal(Duration.ofSeconds(3), 0.9, Duration.ofSeconds(1), Duration.ofSeconds(20)));
        phases.put(Phase.DEACTIVATE, Latency.seconds(0.2, 1));
        phases.put(
                Phase.CONTAINER_STOP,
                Latency.logNormal(Duration.ofSeconds(2), 0.8, Duration.ofMillis(200), Duration.ofSeconds(30)));
        phases.put(Phase.DEPROVISION, Latency.seconds(20, 30));
    }

    /** Replaces one phase's distribution. */
    public synchronized LatencyModel set(Phase phase, Latency latency) {
        phases.put(phase, latency);
        return this;
    }

    /** Every phase takes exactly {@code duration} (deterministic tests). */
    public synchronized LatencyModel setAll(Duration duration) {
        for (Phase phase : Phase.values()) {
            phases.put(phase, Latency.fixed(duration));
        }
        return this;
    }

    /** Multiplies every sampled duration; 1.0 is real Fargate speed. */
    public synchronized LatencyModel setTimeScale(double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("time scale must be positive: " + scale);
        }
        this.timeScale = scale;
        return this;
    }

    public synchronized double timeScale() {
        return timeScale;
    }

    /** One scaled sample of {@code phase}. */
    public synchronized Duration sample(Phase phase) {
        Duration raw = phases.get(phase).sample(random);
        return Duration.ofNanos(Math.round(raw.toNanos() * timeScale));
    }
}
