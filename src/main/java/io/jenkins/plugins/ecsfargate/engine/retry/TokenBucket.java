package io.jenkins.plugins.ecsfargate.engine.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket like the ones AWS throttles with: holds up to {@code capacity} tokens, refills
 * {@code refillPerSecond} per second. Non-blocking: callers ask for a token and are told how long to wait, so the
 * engine schedules the call instead of sleeping. Thread-safe.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double refillPerSecond;
    private final Clock clock;
    private double tokens;
    private Instant last;

    public TokenBucket(double capacity, double refillPerSecond, Clock clock) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("need capacity >= 1 and refillPerSecond > 0");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.clock = clock;
        this.tokens = capacity;
        this.last = clock.instant();
    }

    /** Takes a token if one is there and returns zero; otherwise takes nothing and returns the wait until one is. */
    public synchronized Duration tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return waitFor(1 - tokens);
    }

    /**
     * Takes a token now, going into debt if there is none, and returns when the caller may use it. Callers that
     * reserve are served in order, which spreads a burst evenly at the refill rate.
     */
    public synchronized Duration reserve() {
        refill();
        tokens -= 1;
        return tokens >= 0 ? Duration.ZERO : waitFor(-tokens);
    }

    /** AWS said we were too fast: drop the tokens we thought we had, so the next calls wait for a refill. */
    public synchronized void drain() {
        refill();
        tokens = Math.min(tokens, 0);
    }

    public synchronized double available() {
        refill();
        return tokens;
    }

    private Duration waitFor(double missing) {
        return Duration.ofNanos((long) Math.ceil(missing / refillPerSecond * NANOS_PER_SECOND));
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            double elapsed = Duration.between(last, now).toNanos() / NANOS_PER_SECOND;
            tokens = Math.min(capacity, tokens + elapsed * refillPerSecond);
            last = now;
        }
    }
}
