package io.jenkins.plugins.ecsfargate.engine.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(20), new Random(42));

    @Test
    void ceilingDoublesUpToTheCap() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofMillis(12_800));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.ceiling(1_000)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void delaysAreSpreadOverTheWholeRange() {
        Set<Long> buckets = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            Duration delay = backoff.delay(3);
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(400));
            buckets.add(delay.toMillis() / 40);
        }
        assertThat(buckets).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Backoff other = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(20), new Random(42));
        assertThat(other.delay(5)).isEqualTo(backoff.delay(5));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
