package io.jenkins.plugins.ecsfargate.engine.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.ecsfargate.engine.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EcsRateLimiterTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void registrationsAreLimitedToTheTaskDefinitionModifyRate() {
        EcsRateLimiter limiter = new EcsRateLimiter(1.0, clock);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.reserve("RegisterTaskDefinition")).isZero();
        }
        assertThat(limiter.reserve("DeregisterTaskDefinition")).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.reserve("DescribeTaskDefinition")).isZero();
    }

    @Test
    void runTaskDrawsFromTheFargateBucketToo() {
        EcsRateLimiter limiter = new EcsRateLimiter(1.0, clock);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.reserve("RunTask")).isZero();
        }
        assertThat(limiter.reserve("RunTask")).isEqualTo(Duration.ofMillis(50));
        assertThat(limiter.reserve("StopTask")).isZero();
    }

    @Test
    void aShareScalesEveryBucket() {
        EcsRateLimiter limiter = new EcsRateLimiter(0.5, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.reserve("DescribeTasks")).isZero();
        }
        assertThat(limiter.reserve("ListTasks")).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aThrottleDrainsTheOperationsBuckets() {
        EcsRateLimiter limiter = new EcsRateLimiter(1.0, clock);
        limiter.throttled("DescribeTasks");
        assertThat(limiter.reserve("ListTasks")).isEqualTo(Duration.ofMillis(50));
        assertThat(limiter.reserve("RunTask")).isZero();
    }

    @Test
    void unknownOperationsAreRefused() {
        EcsRateLimiter limiter = new EcsRateLimiter(1.0, clock);
        assertThatThrownBy(() -> limiter.reserve("CreateCluster")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EcsRateLimiter(0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
