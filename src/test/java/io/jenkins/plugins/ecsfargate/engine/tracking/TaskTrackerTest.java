package io.jenkins.plugins.ecsfargate.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.TaskFault;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskTrackerTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private TrackerFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private TrackerFixture fixture(TrackerSettings settings) {
        fixture = new TrackerFixture(aws, settings);
        return fixture;
    }

    static Stream<Arguments> startFailures() {
        return Stream.of(
                Arguments.of(
                        TaskFault.cannotPullContainer(), FailureCause.CANNOT_PULL_IMAGE, "CannotPullContainerError"),
                Arguments.of(
                        TaskFault.resourceInitializationError(),
                        FailureCause.RESOURCE_INITIALIZATION,
                        "ResourceInitializationError"));
    }

    @ParameterizedTest
    @MethodSource("startFailures")
    void aStartFailureReachesTheCallerWithinOneIntervalAndNothingRelaunches(
            TaskFault fault, FailureCause cause, String reasonPrefix) {
        aws.ecs().taskFaults().next(fault);
        TrackerSettings settings = TrackerSettings.defaults();
        TrackerFixture f = fixture(settings);
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.failureOf(handle).isPresent(), Duration.ofMinutes(2));

        TrackerFixture.Delivered delivered = f.failureOf(handle).orElseThrow();
        TaskFailure failure = delivered.event().failure();
        assertThat(failure.kind()).isEqualTo(TaskFailure.Kind.STOPPED_ON_ITS_OWN);
        assertThat(failure.failure().cause()).isEqualTo(cause);
        assertThat(failure.failure().phase()).isEqualTo(LaunchPhase.START);
        assertThat(failure.failure().isRetryable()).isFalse();
        assertThat(failure.stopCode()).isEqualTo("TaskFailedToStart");
        assertThat(failure.stoppedReason()).startsWith(reasonPrefix);
        assertThat(failure.describe()).contains("TaskFailedToStart", reasonPrefix, cause.fix());
        assertThat(Duration.between(
                        delivered.event().state().timeOf(TaskPhase.STOPPING).orElseThrow(), delivered.receivedAt()))
                .isLessThanOrEqualTo(settings.startingInterval());

        f.runFor(Duration.ofMinutes(10));
        assertThat(f.finalEventOf(handle)).isPresent();
        assertThat(f.tracker.trackedCount()).isZero();
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(1);
        assertThat(aws.stats().calls("ecs:StopTask")).isZero();
        assertThat(f.events.stream().filter(d -> d.event().failure() != null)).hasSize(1);
    }

    @Test
    void aTaskStuckInPendingPastTheStartTimeoutIsStoppedAndReported() {
        aws.ecs().taskFaults().next(TaskFault.stuckPending(Duration.ofHours(1)));
        TrackerSettings settings =
                TrackerSettings.defaults().withTimeouts(Duration.ofMinutes(2), Duration.ofMinutes(5));
        TrackerFixture f = fixture(settings);
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.failureOf(handle).isPresent(), Duration.ofMinutes(3));

        TrackerFixture.Delivered delivered = f.failureOf(handle).orElseThrow();
        TaskFailure failure = delivered.event().failure();
        assertThat(failure.kind()).isEqualTo(TaskFailure.Kind.START_TIMEOUT);
        assertThat(failure.lastStatus()).isEqualTo("PENDING");
        assertThat(failure.failure().phase()).isEqualTo(LaunchPhase.START);
        assertThat(failure.failure().cause()).isEqualTo(FailureCause.START_TIMED_OUT);
        assertThat(failure.describe()).contains("START", "PENDING", "PT2M");
        assertThat(delivered.receivedAt())
                .isEqualTo(delivered
                        .event()
                        .state()
                        .timeOf(TaskPhase.REQUESTED)
                        .orElseThrow()
                        .plus(Duration.ofMinutes(2)));

        f.runUntil(() -> f.finalEventOf(handle).isPresent(), Duration.ofMinutes(5));
        assertThat(aws.ecs().liveTasks()).isEmpty();
        assertThat(aws.ecs().task(handle.taskArn()).orElseThrow().stopCode()).isEqualTo("UserInitiated");
        assertThat(aws.stats().calls("ecs:StopTask")).isEqualTo(1);
        TaskState last = f.finalEventOf(handle).orElseThrow().state();
        assertThat(last.failure()).isEqualTo(failure);
        assertThat(last.stopRequested()).isTrue();
    }

    @Test
    void anAgentThatNeverConnectsIsStoppedAfterTheConnectTimeout() {
        TrackerSettings settings =
                TrackerSettings.defaults().withTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(1));
        TrackerFixture f = fixture(settings);
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.failureOf(handle).isPresent(), Duration.ofMinutes(5));

        TrackerFixture.Delivered delivered = f.failureOf(handle).orElseThrow();
        TaskFailure failure = delivered.event().failure();
        assertThat(failure.kind()).isEqualTo(TaskFailure.Kind.CONNECT_TIMEOUT);
        assertThat(failure.lastStatus()).isEqualTo("RUNNING");
        assertThat(failure.failure().phase()).isEqualTo(LaunchPhase.CONNECT);
        assertThat(failure.failure().cause()).isEqualTo(FailureCause.CONNECT_TIMED_OUT);
        assertThat(delivered.receivedAt())
                .isEqualTo(delivered
                        .event()
                        .state()
                        .timeOf(TaskPhase.RUNNING)
                        .orElseThrow()
                        .plus(Duration.ofMinutes(1)));
        f.runUntil(() -> f.finalEventOf(handle).isPresent(), Duration.ofMinutes(5));
        assertThat(aws.ecs().liveTasks()).isEmpty();
    }

    @Test
    void aConnectedAgentHasNoConnectTimeout() {
        TrackerSettings settings =
                TrackerSettings.defaults().withTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(1));
        TrackerFixture f = fixture(settings);
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.reached(handle, TaskPhase.RUNNING), Duration.ofMinutes(5));
        f.tracker.connected(handle);
        f.runFor(Duration.ofMinutes(30));
        assertThat(f.failureOf(handle)).isEmpty();
        assertThat(f.tracker.state(handle.taskArn()).orElseThrow().phase()).isEqualTo(TaskPhase.CONNECTED);
        assertThat(aws.ecs().liveTasks()).hasSize(1);
    }

    @Test
    void anAgentConnectingBeforeEcsSaysRunningStillSeesItsStatusCatchUpAtTheStartingPace() {
        TrackerFixture f = fixture(TrackerSettings.defaults());
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(
                () -> f.tracker
                        .state(handle.taskArn())
                        .map(s -> s.lastStatus() != null)
                        .orElse(false),
                Duration.ofMinutes(1));
        assertThat(f.tracker.state(handle.taskArn()).orElseThrow().lastStatus()).isNotEqualTo("RUNNING");

        f.tracker.connected(handle);
        f.runUntil(() -> aws.ecs().liveTasks().get(0).lastStatus().equals("RUNNING"), Duration.ofMinutes(5));
        f.runFor(TrackerSettings.defaults().startingInterval().multipliedBy(2));

        assertThat(f.tracker.state(handle.taskArn()).orElseThrow().lastStatus())
                .as("described again within the starting interval, not the running one")
                .isEqualTo("RUNNING");
        assertThat(f.tracker.state(handle.taskArn()).orElseThrow().phase()).isEqualTo(TaskPhase.CONNECTED);
    }

    @Test
    void aTaskAdoptedAfterARestartCountsItsPhasesFromWhenEcsCreatedIt() {
        TrackerFixture f = fixture(TrackerSettings.defaults());
        TaskHandle handle = f.await(f.launch(List.of("maven-1"), EngineFixture.OWNER, TrackerFixture.STARTED_BY, false)
                .get(0));
        f.runFor(Duration.ofMinutes(5));

        f.tracker.track(handle, aws.clock().instant());
        f.runUntil(() -> f.reached(handle, TaskPhase.RUNNING), Duration.ofMinutes(1));

        TaskState state = f.tracker.state(handle.taskArn()).orElseThrow();
        assertThat(state.between(TaskPhase.REQUESTED, TaskPhase.RUNNING))
                .hasValueSatisfying(d -> assertThat(d).isPositive().isLessThan(Duration.ofMinutes(5)));
        assertThat(state.phaseTimes().get(TaskPhase.REQUESTED))
                .isBeforeOrEqualTo(state.phaseTimes().get(TaskPhase.PROVISIONING));
    }

    @Test
    void aSpotInterruptionIsReportedWithItsStopCodeWithinOneInterval() {
        TrackerSettings settings = TrackerSettings.defaults();
        TrackerFixture f = fixture(settings);
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.reached(handle, TaskPhase.RUNNING), Duration.ofMinutes(5));
        f.tracker.connected(handle);
        f.runFor(Duration.ofMinutes(5));
        Instant interruptedAt = aws.clock().instant();
        aws.ecs().interruptSpot(handle.taskArn());
        f.runUntil(() -> f.failureOf(handle).isPresent(), Duration.ofMinutes(2));

        TrackerFixture.Delivered delivered = f.failureOf(handle).orElseThrow();
        TaskFailure failure = delivered.event().failure();
        assertThat(failure.kind()).isEqualTo(TaskFailure.Kind.STOPPED_ON_ITS_OWN);
        assertThat(failure.stopCode()).isEqualTo("SpotInterruption");
        assertThat(failure.stoppedReason()).isEqualTo(TaskFault.SPOT_REASON);
        assertThat(failure.failure().cause()).isEqualTo(FailureCause.SPOT_INTERRUPTION);
        assertThat(failure.failure().phase()).isEqualTo(LaunchPhase.RUNNING);
        assertThat(Duration.between(interruptedAt, delivered.receivedAt()))
                .isLessThanOrEqualTo(settings.runningInterval());

        f.runUntil(() -> f.finalEventOf(handle).isPresent(), Duration.ofMinutes(5));
        TaskState stopped = f.finalEventOf(handle).orElseThrow().state();
        assertThat(stopped.stopCode()).isEqualTo("SpotInterruption");
        assertThat(stopped.telling())
                .hasValueSatisfying(c -> assertThat(c.exitCode()).isEqualTo(143));
        assertThat(aws.stats().calls("ecs:StopTask")).isZero();
    }

    @Test
    void anOutOfMemoryKillIsReportedWithTheContainersExitCodeAndReason() {
        TrackerFixture f = fixture(TrackerSettings.defaults());
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.reached(handle, TaskPhase.RUNNING), Duration.ofMinutes(5));
        f.tracker.connected(handle);
        aws.ecs().outOfMemory(handle.taskArn());
        f.runUntil(() -> f.failureOf(handle).isPresent(), Duration.ofMinutes(2));

        TaskFailure failure = f.failureOf(handle).orElseThrow().event().failure();
        assertThat(failure.failure().cause()).isEqualTo(FailureCause.OUT_OF_MEMORY);
        assertThat(failure.stopCode()).isEqualTo("EssentialContainerExited");
        assertThat(failure.container().exitCode()).isEqualTo(137);
        assertThat(failure.container().reason()).startsWith("OutOfMemoryError");
        assertThat(failure.describe()).contains("exit code 137", "memory");
        assertThat(failure.isNormalEnd()).isFalse();
    }

    @Test
    void anAgentExitingNormallyAfterItsBuildIsANormalEnd() {
        TrackerFixture f = fixture(TrackerSettings.defaults());
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.reached(handle, TaskPhase.RUNNING), Duration.ofMinutes(5));
        f.tracker.connected(handle);
        aws.ecs().containerExited(handle.taskArn(), 0);
        f.runUntil(() -> f.failureOf(handle).isPresent(), Duration.ofMinutes(2));

        TaskFailure failure = f.failureOf(handle).orElseThrow().event().failure();
        assertThat(failure.stopCode()).isEqualTo("EssentialContainerExited");
        assertThat(failure.container().exitCode()).isZero();
        assertThat(failure.isNormalEnd()).isTrue();
    }
}
