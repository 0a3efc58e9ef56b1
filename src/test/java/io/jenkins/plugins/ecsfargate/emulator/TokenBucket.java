package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * AWS's throttling model: a bucket of {@code burst} tokens refilled at {@code perSecond}, one token per call (or
 * per launched task). Refill is computed from the clock when the bucket is used, so a manual clock drives it.
 */
public final class TokenBucket {
    private final String name;
    private final Clock clock;
    private double burst;
    private double perSecond;
    private double tokens;
    private Instant refilledAt;

    public TokenBucket(String name, double burst, double perSecond, Clock clock) {
        this.name = name;
        this.clock = clock;
        this.burst = burst;
        this.perSecond = perSecond;
        this.tokens = burst;
        this.refilledAt = clock.instant();
    }

    public String name() {
        return name;
    }

    /** Takes {@code count} tokens if all are there; takes none otherwise. */
    public synchronized boolean tryTake(double count) {
        refill();
        if (tokens + 1e-9 < count) {
            return false;
        }
        tokens -= count;
        return true;
    }

    /** Whether {@code count} tokens are there, without taking them. */
    public synchronized boolean has(double count) {
        refill();
        return tokens + 1e-9 >= count;
    }

    /** The tokens available now. */
    public synchronized double available() {
        refill();
        return tokens;
    }

    /** Changes the limits; the bucket is filled to the new burst. */
    public synchronized void configure(double newBurst, double newPerSecond) {
        this.burst = newBurst;
        this.perSecond = newPerSecond;
        this.tokens = newBurst;
        this.refilledAt = clock.instant();
    }

    /** Empties the bucket (a throttle storm starting now). */
    public synchronized void drain() {
        refill();
        tokens = 0;
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(refilledAt)) {
            double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + seconds * perSecond);
            refilledAt = now;
        }
    }

    @Override
    public synchronized String toString() {
        return name + "[" + tokens + "/" + burst + " +" + perSecond + "/s]";
    }
}
