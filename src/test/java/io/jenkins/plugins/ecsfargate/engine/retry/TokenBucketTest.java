package io.jenkins.plugins.ecsfargate.engine.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.engine.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void burstThenWaitForRefill() {
        TokenBucket bucket = new TokenBucket(20, 1, clock);
        for (int i = 0; i < 20; i++) {
            assertThat(bucket.tryAcquire()).isZero();
        }
        assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(bucket.tryAcquire()).isZero();
    }

    @Test
    void refillStopsAtCapacity() {
        TokenBucket bucket = new TokenBucket(5, 10, clock);
        clock.advance(Duration.ofHours(1));
        assertThat(bucket.available()).isEqualTo(5.0);
    }

    @Test
    void reservationsQueueAtTheRefillRate() {
        TokenBucket bucket = new TokenBucket(2, 4, clock);
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(Duration.ofMillis(250));
        assertThat(bucket.reserve()).isEqualTo(Duration.ofMillis(500));
        assertThat(bucket.reserve()).isEqualTo(Duration.ofMillis(750));
        clock.advance(Duration.ofMillis(750));
        assertThat(bucket.available()).isEqualTo(0.0);
    }

    @Test
    void drainAfterAThrottleMakesTheNextCallWait() {
        TokenBucket bucket = new TokenBucket(100, 20, clock);
        bucket.drain();
        assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(50));
    }
}
