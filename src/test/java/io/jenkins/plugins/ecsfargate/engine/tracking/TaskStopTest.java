package io.jenkins.plugins.ecsfargate.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.Fault;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TaskStopTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private TrackerFixture f;

    @BeforeEach
    void setUp() {
        f = new TrackerFixture(aws, TrackerSettings.defaults());
    }

    @AfterEach
    void close() {
        f.close();
    }

    private TaskHandle runningAgent() {
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.reached(handle, TaskPhase.RUNNING), Duration.ofMinutes(5));
        f.tracker.connected(handle);
        return handle;
    }

    @Test
    void stopSendsTheReasonAndCompletesOnceEcsSaysStopped() {
        TaskHandle handle = runningAgent();
        TaskState stopped = f.await(f.tracker.stop(handle, "idle for 10 minutes"));

        assertThat(stopped.phase()).isEqualTo(TaskPhase.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo("UserInitiated");
        assertThat(stopped.stoppedReason()).isEqualTo("idle for 10 minutes");
        assertThat(stopped.failure()).isNull();
        assertThat(stopped.between(TaskPhase.STOPPING, TaskPhase.STOPPED))
                .hasValueSatisfying(d -> assertThat(d).isPositive());
        assertThat(aws.ecs().liveTasks()).isEmpty();
        assertThat(f.events).noneMatch(d -> d.event().failure() != null);
    }

    @Test
    void stopIsRetriedOnServerErrorsAndThrottling() {
        TaskHandle handle = runningAgent();
        aws.faults().onCall("ecs:StopTask", 1, Fault.serverError());
        aws.faults().onCall("ecs:StopTask", 1, Fault.throttling());
        aws.faults().onCall("ecs:StopTask", 1, Fault.dropConnection());

        TaskState stopped = f.await(f.tracker.stop(handle, "done"));

        assertThat(stopped.phase()).isEqualTo(TaskPhase.STOPPED);
        assertThat(aws.stats().calls("ecs:StopTask")).isEqualTo(4);
        assertThat(aws.ecs().liveTasks()).isEmpty();
        assertThat(f.events).noneMatch(d -> d.event().failure() != null);
    }

    @Test
    void stoppingTwiceOrWhileStoppingAsksEcsOnce() {
        TaskHandle handle = runningAgent();
        CompletableFuture<TaskState> first = f.tracker.stop(handle, "done");
        CompletableFuture<TaskState> second = f.tracker.stop(handle, "done again");
        f.runFor(Duration.ofSeconds(5));
        CompletableFuture<TaskState> third = f.tracker.stop(handle, "and again");
        f.await(CompletableFuture.allOf(first, second, third));

        assertThat(aws.stats().calls("ecs:StopTask")).isEqualTo(1);
        assertThat(first.join().stoppedReason()).isEqualTo("done");
        assertThat(third.join().phase()).isEqualTo(TaskPhase.STOPPED);
    }

    @Test
    void stoppingATaskEcsNoLongerKnowsConfirmsItGone() {
        aws.ecs().setStoppedTaskRetention(Duration.ofMinutes(1));
        TaskHandle handle = runningAgent();
        f.await(f.tracker.stop(handle, "done"));
        f.runFor(Duration.ofMinutes(5));
        assertThat(aws.ecs().task(handle.taskArn())).isEmpty();

        TaskState again = f.await(f.tracker.stop(handle, "done, after a restart"));

        assertThat(again.vanished()).isTrue();
        assertThat(again.failure()).isNull();
        assertThat(f.tracker.trackedCount()).isZero();
    }

    @Test
    void aStopSentBeforeEcsShowsTheTaskIsSentAgainOnceItDoes() {
        aws.ecs().setVisibilityDelay(Duration.ofSeconds(20));
        TaskHandle handle = f.launchOne("maven-1");

        TaskState stopped = f.await(f.tracker.stop(handle, "cancelled"));

        assertThat(stopped.vanished()).isFalse();
        assertThat(stopped.stoppedReason()).isEqualTo("cancelled");
        assertThat(aws.stats().calls("ecs:StopTask")).isGreaterThanOrEqualTo(2);
        assertThat(aws.ecs().liveTasks()).isEmpty();
    }

    @Test
    void aDeniedStopIsReportedOnceAndRetriedSlowlyUntilItWorks() {
        TaskHandle handle = runningAgent();
        aws.faults()
                .always(
                        "ecs:StopTask",
                        Fault.error(400, "AccessDeniedException", "User is not authorized to perform: ecs:StopTask"));
        CompletableFuture<TaskState> stop = f.tracker.stop(handle, "done");
        f.runFor(Duration.ofMinutes(5));

        assertThat(stop).isNotDone();
        assertThat(f.events.stream().filter(d -> d.event().failure() != null))
                .singleElement()
                .satisfies(d -> {
                    TaskFailure failure = d.event().failure();
                    assertThat(failure.kind()).isEqualTo(TaskFailure.Kind.STOP_FAILED);
                    assertThat(failure.failure().cause()).isEqualTo(FailureCause.ACCESS_DENIED);
                    assertThat(failure.failure().phase()).isEqualTo(LaunchPhase.STOP);
                });
        long attempts = aws.stats().calls("ecs:StopTask");
        assertThat(attempts).isBetween(5L, 12L);

        aws.faults().clear();
        f.await(stop);
        assertThat(aws.ecs().liveTasks()).isEmpty();
    }

    @Test
    void aTaskHiddenByEventualConsistencyIsNotReportedMissing() {
        aws.ecs().setVisibilityDelay(Duration.ofSeconds(20));
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.reached(handle, TaskPhase.RUNNING), Duration.ofMinutes(5));

        assertThat(f.failureOf(handle)).isEmpty();
        assertThat(f.tracker.state(handle.taskArn()).orElseThrow().vanished()).isFalse();
    }

    @Test
    void aTaskEcsNeverShowsVanishesAfterTheGraceWithATypedFailure() {
        TaskHandle ghost = new TaskHandle(
                TrackerFixture.CLUSTER,
                aws.ecs().clusterArn(TrackerFixture.CLUSTER).replace(":cluster/", ":task/")
                        + "/0123456789abcdef0123456789abcdef",
                "ghost");
        f.tracker.track(ghost);
        f.runUntil(() -> f.finalEventOf(ghost).isPresent(), Duration.ofMinutes(5));

        TrackerFixture.Delivered delivered = f.failureOf(ghost).orElseThrow();
        assertThat(delivered.event().failure().kind()).isEqualTo(TaskFailure.Kind.VANISHED);
        assertThat(delivered.event().failure().failure().cause()).isEqualTo(FailureCause.TASK_MISSING);
        assertThat(delivered.event().state().vanished()).isTrue();
        assertThat(delivered.receivedAt())
                .isAfterOrEqualTo(f.finalEventOf(ghost)
                        .orElseThrow()
                        .state()
                        .timeOf(TaskPhase.REQUESTED)
                        .orElseThrow()
                        .plus(TrackerSettings.defaults().missingGrace()));
    }

    @Test
    void agentsStartAndStopThroughAThrottlingStorm() {
        aws.faults().withProbability("ecs:DescribeTasks", 0.3, Fault.throttling());
        aws.faults().withProbability("ecs:StopTask", 0.3, Fault.throttling());
        List<TaskHandle> handles = f.launchMany("maven", 20);
        f.runUntil(() -> handles.stream().allMatch(h -> f.reached(h, TaskPhase.RUNNING)), Duration.ofMinutes(5));
        handles.forEach(f.tracker::connected);
        List<CompletableFuture<TaskState>> stops =
                handles.stream().map(h -> f.tracker.stop(h, "done")).toList();
        f.runUntil(() -> stops.stream().allMatch(CompletableFuture::isDone), Duration.ofMinutes(10));

        assertThat(aws.stats().throttled("ecs:DescribeTasks")).isPositive();
        assertThat(aws.ecs().liveTasks()).isEmpty();
        assertThat(f.events).noneMatch(d -> d.event().failure() != null);
    }
}
