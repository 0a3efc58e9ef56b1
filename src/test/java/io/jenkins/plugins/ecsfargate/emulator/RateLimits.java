package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-account API throttling: named token buckets, each shared by a set of operations (keys {@code service:Operation}),
 * as AWS documents them. A call passes only if every bucket of its operation has a token; it then takes one from
 * each. Throttled calls take nothing, as with AWS.
 */
public final class RateLimits {
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, List<TokenBucket>> byOperation = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    public RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Defines (or redefines) a bucket and the operations that draw from it. */
    public synchronized TokenBucket define(String bucketName, double burst, double perSecond, String... operationKeys) {
        TokenBucket bucket = buckets.get(bucketName);
        if (bucket == null) {
            bucket = new TokenBucket(bucketName, burst, perSecond, clock);
            buckets.put(bucketName, bucket);
        } else {
            bucket.configure(burst, perSecond);
        }
        for (String key : operationKeys) {
            List<TokenBucket> list = new ArrayList<>(byOperation.getOrDefault(key, List.of()));
            if (!list.contains(bucket)) {
                list.add(bucket);
            }
            byOperation.put(key, List.copyOf(list));
        }
        return bucket;
    }

    /** The bucket of that name, or null. */
    public TokenBucket bucket(String bucketName) {
        return buckets.get(bucketName);
    }

    /** Turns throttling off (functional tests that do not study rates) or back on. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Takes a token from each bucket of the operation; false (and nothing taken) if any is empty. */
    synchronized boolean tryAcquire(String operationKey) {
        if (!enabled) {
            return true;
        }
        List<TokenBucket> list = byOperation.getOrDefault(operationKey, List.of());
        for (TokenBucket bucket : list) {
            if (!bucket.has(1)) {
                return false;
            }
        }
        list.forEach(bucket -> bucket.tryTake(1));
        return true;
    }
}
