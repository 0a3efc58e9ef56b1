package io.jenkins.plugins.ecsfargate.engine.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the delay before retry {@code n} (1-based) is uniform in
 * {@code [0, min(cap, base * 2^(n-1))]}, so many callers throttled at the same moment spread out instead of
 * retrying in step. The random source is injected so tests are deterministic.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
        this.base = base;
        this.cap = cap;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The ceiling of the delay before retry {@code attempt} (1 for the first retry). */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
        int doublings = Math.min(attempt - 1, 62);
        long baseNanos = base.toNanos();
        long ceiling = baseNanos > (cap.toNanos() >> doublings) ? cap.toNanos() : baseNanos << doublings;
        return Duration.ofNanos(Math.min(ceiling, cap.toNanos()));
    }

    /** A random delay in {@code [0, ceiling(attempt)]}. */
    public Duration delay(int attempt) {
        long ceiling = ceiling(attempt).toNanos();
        return Duration.ofNanos(random.nextLong(ceiling + 1));
    }
}
