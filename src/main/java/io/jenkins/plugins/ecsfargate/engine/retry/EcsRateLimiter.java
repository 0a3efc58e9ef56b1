package io.jenkins.plugins.ecsfargate.engine.retry;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One token bucket per ECS throttle bucket, shared by every call of one cloud, so the engine stays under AWS's
 * rates by itself instead of discovering them through ThrottlingException. {@code share} is the fraction of the
 * account's rate this cloud may use (other tools share the account).
 */
public final class EcsRateLimiter {
    private final Map<EcsBucket, TokenBucket> buckets = new EnumMap<>(EcsBucket.class);

    public EcsRateLimiter(double share, Clock clock) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("share must be in (0, 1]");
        }
        for (EcsBucket bucket : EcsBucket.values()) {
            buckets.put(
                    bucket,
                    new TokenBucket(
                            Math.max(1, Math.floor(bucket.burst() * share)), bucket.refillPerSecond() * share, clock));
        }
    }

    /**
     * Reserves a token in every bucket {@code operation} draws from and returns how long to wait before calling.
     * Reserving (rather than failing) keeps callers in order and the request rate at the refill rate.
     */
    public Duration reserve(String operation) {
        Duration wait = Duration.ZERO;
        for (EcsBucket bucket : EcsBucket.forOperation(operation)) {
            Duration needed = buckets.get(bucket).reserve();
            if (needed.compareTo(wait) > 0) {
                wait = needed;
            }
        }
        return wait;
    }

    /** AWS throttled {@code operation}: empty its buckets so the following calls wait for refills. */
    public void throttled(String operation) {
        for (EcsBucket bucket : EcsBucket.forOperation(operation)) {
            buckets.get(bucket).drain();
        }
    }

    public TokenBucket bucket(EcsBucket bucket) {
        return buckets.get(bucket);
    }
}
