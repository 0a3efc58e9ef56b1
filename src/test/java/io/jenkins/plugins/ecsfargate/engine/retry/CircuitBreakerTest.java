package io.jenkins.plugins.ecsfargate.engine.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker =
            new CircuitBreaker("maven", 3, Duration.ofMinutes(1), Duration.ofMinutes(30), clock);
    private final LaunchFailure pullFailure = FailureClassifier.fromStoppedTask(
            LaunchPhase.START, "TaskFailedToStart", "CannotPullContainerError: not found", List.of());

    @Test
    void opensAfterThresholdFailuresInARowAndReportsTheCause() {
        assertThat(breaker.recordFailure(pullFailure)).isEmpty();
        assertThat(breaker.recordFailure(pullFailure)).isEmpty();
        assertThat(breaker.allowsLaunch()).isTrue();
        CircuitBreaker.Pause pause = breaker.recordFailure(pullFailure).orElseThrow();
        assertThat(pause.length()).isEqualTo(Duration.ofMinutes(1));
        assertThat(pause.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(pause.cause()).isEqualTo(pullFailure);
        assertThat(pause.describe()).contains("3 failures in a row", "CannotPullContainerError", "image");
        assertThat(breaker.allowsLaunch()).isFalse();
        assertThat(breaker.pause()).contains(pause);
    }

    @Test
    void aFailedTrialDoublesThePauseUpToTheMaximum() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure(pullFailure);
        }
        Duration expected = Duration.ofMinutes(1);
        for (int round = 0; round < 8; round++) {
            clock.advance(expected);
            assertThat(breaker.allowsLaunch()).isTrue();
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(30)) > 0
                    ? Duration.ofMinutes(30)
                    : expected.multipliedBy(2);
            assertThat(breaker.recordFailure(pullFailure).orElseThrow().length())
                    .isEqualTo(expected);
        }
        assertThat(expected).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void failuresOfLaunchesAlreadyUnderWayDoNotLengthenThePause() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure(pullFailure);
        }
        CircuitBreaker.Pause pause = breaker.pause().orElseThrow();

        for (int i = 0; i < 5; i++) {
            assertThat(breaker.recordFailure(pullFailure)).isEmpty();
        }

        assertThat(breaker.pause()).contains(pause);
        assertThat(breaker.consecutiveFailures()).isEqualTo(8);
        clock.advance(Duration.ofMinutes(1));
        assertThat(breaker.allowsLaunch()).isTrue();
        assertThat(breaker.recordFailure(pullFailure).orElseThrow().length())
                .as("the trial after the pause failed")
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aSuccessClosesAndResets() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure(pullFailure);
        }
        clock.advance(Duration.ofMinutes(1));
        breaker.recordSuccess();
        assertThat(breaker.consecutiveFailures()).isZero();
        assertThat(breaker.recordFailure(pullFailure)).isEmpty();
        assertThat(breaker.recordFailure(pullFailure)).isEmpty();
        assertThat(breaker.recordFailure(pullFailure).orElseThrow().length()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void successesBetweenFailuresKeepItClosed() {
        for (int i = 0; i < 10; i++) {
            breaker.recordFailure(pullFailure);
            breaker.recordFailure(pullFailure);
            breaker.recordSuccess();
        }
        assertThat(breaker.allowsLaunch()).isTrue();
    }
}
