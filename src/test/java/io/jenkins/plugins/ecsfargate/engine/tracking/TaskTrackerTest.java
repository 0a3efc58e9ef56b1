package io.jenkins.plugins.ecsfargate.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.TaskFault;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @Test
    void aHundredAgentsStartAndStopWithAtMostFourEcsCallsEach() {
        aws.ecs().quotas().setOnDemandVcpu(4000);
        TrackerFixture f = fixture(TrackerSettings.defaults());
        f.tracker.addListener(event -> {
            if (event.phase() == TaskPhase.RUNNING) {
                f.tracker.connected(event.handle());
            }
        });
        List<String> agents =
                IntStream.range(0, 100).mapToObj(i -> "maven-" + i).toList();
        List<TaskHandle> handles = f.launchAll(agents);
        f.runUntil(() -> handles.stream().allMatch(h -> f.reached(h, TaskPhase.CONNECTED)), Duration.ofMinutes(5));

        List<CompletableFuture<TaskState>> stops =
                handles.stream().map(h -> f.tracker.stop(h, "build finished")).toList();
        f.runUntil(() -> stops.stream().allMatch(CompletableFuture::isDone), Duration.ofMinutes(5));

        assertThat(aws.ecs().liveTasks()).isEmpty();
        assertThat(f.tracker.trackedCount()).isZero();
        assertThat(stops).allSatisfy(stop -> {
            TaskState state = stop.join();
            assertThat(state.phase()).isEqualTo(TaskPhase.STOPPED);
            assertThat(state.failure()).isNull();
            assertThat(state.phaseTimes()).containsOnlyKeys(TaskPhase.values());
            assertThat(state.between(TaskPhase.REQUESTED, TaskPhase.RUNNING))
                    .hasValueSatisfying(d -> assertThat(d).isPositive());
        });
        assertThat(f.events).noneMatch(d -> d.event().failure() != null);
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(100);
        assertThat(aws.stats().calls("ecs:StopTask")).isEqualTo(100);
        assertThat(aws.stats().calls("ecs:RegisterTaskDefinition")).isEqualTo(1);
        assertThat(f.ecsCalls() / 100.0).as(aws.stats().snapshot().toString()).isLessThanOrEqualTo(4.0);

        long describes = aws.stats().calls("ecs:DescribeTasks");
        f.runFor(Duration.ofMinutes(30));
        assertThat(aws.stats().calls("ecs:DescribeTasks"))
                .as("no calls while nothing is tracked")
                .isEqualTo(describes);
    }

    @Test
    void aPullFailureReachesTheCallerWithinOneIntervalAndNothingRelaunches() {
        aws.ecs().taskFaults().next(TaskFault.cannotPullContainer());
        TrackerSettings settings = TrackerSettings.defaults();
        TrackerFixture f = fixture(settings);
        TaskHandle handle = f.launchOne("maven-1");
        f.runUntil(() -> f.failureOf(handle).isPresent(), Duration.ofMinutes(2));

        TrackerFixture.Delivered delivered = f.failureOf(handle).orElseThrow();
        TaskFailure failure = delivered.event().failure();
        assertThat(failure.kind()).isEqualTo(TaskFailure.Kind.STOPPED_ON_ITS_OWN);
        assertThat(failure.failure().cause()).isEqualTo(FailureCause.CANNOT_PULL_IMAGE);
        assertThat(failure.failure().phase()).isEqualTo(LaunchPhase.START);
        assertThat(failure.stopCode()).isEqualTo("TaskFailedToStart");
        assertThat(failure.stoppedReason()).startsWith("CannotPullContainerError");
        assertThat(failure.container().reason()).startsWith("CannotPullContainerError");
        assertThat(failure.describe()).contains("image", "TaskFailedToStart");
        assertThat(Duration.between(
                        delivered.event().state().timeOf(TaskPhase.STOPPING).orElseThrow(), delivered.receivedAt()))
                .isLessThanOrEqualTo(settings.startingInterval());

        f.runFor(Duration.ofMinutes(10));
        assertThat(f.finalEventOf(handle)).isPresent();
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(1);
        assertThat(aws.stats().calls("ecs:StopTask")).isZero();
        assertThat(f.events.stream().filter(d -> d.event().failure() != null)).hasSize(1);
    }
}
