package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Duration;
import java.util.Random;

/** A distribution of one lifecycle phase's duration, sampled from the emulator's seeded {@link Random}. */
@FunctionalInterface
public interface Latency {
    Duration sample(Random random);

    /** Always {@code duration}. */
    static Latency fixed(Duration duration) {
        return random -> duration;
    }

    /** Uniform between {@code min} and {@code max}. */
    static Latency uniform(Duration min, Duration max) {
        long span = max.toMillis() - min.toMillis();
        return random -> min.plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span));
    }

    /** Log-normal around {@code median} ({@code sigma} of the underlying normal), clamped to [min, max]. */
    static Latency logNormal(Duration median, double sigma, Duration min, Duration max) {
        return random -> {
            double millis = median.toMillis() * Math.exp(sigma * random.nextGaussian());
            long clamped = Math.max(min.toMillis(), Math.min(max.toMillis(), Math.round(millis)));
            return Duration.ofMillis(clamped);
        };
    }

    static Latency seconds(double min, double max) {
        return uniform(Duration.ofMillis(Math.round(min * 1000)), Duration.ofMillis(Math.round(max * 1000)));
    }
}
