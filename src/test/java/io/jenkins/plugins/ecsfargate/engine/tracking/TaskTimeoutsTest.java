package io.jenkins.plugins.ecsfargate.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.TaskFault;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One tracker per cloud holds each task to its own template's start and connect timeouts. */
class TaskTimeoutsTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private TrackerFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TrackerFixture(
                aws, TrackerSettings.defaults().withTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(5)));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private TaskHandle launch(String agent, TaskTimeouts timeouts) {
        Instant requestedAt = aws.clock().instant();
        TaskHandle handle =
                fixture.await(fixture.launch(List.of(agent), EngineFixture.OWNER, TrackerFixture.STARTED_BY, false)
                        .get(0));
        fixture.tracker.track(handle, requestedAt, timeouts);
        return handle;
    }

    @Test
    void eachStuckTaskTimesOutAtItsOwnStartTimeout() {
        aws.ecs().taskFaults().next(TaskFault.stuckPending(Duration.ofHours(1)));
        aws.ecs().taskFaults().next(TaskFault.stuckPending(Duration.ofHours(1)));
        TaskHandle quick = launch("quick-1", new TaskTimeouts(Duration.ofMinutes(2), Duration.ofMinutes(1)));
        TaskHandle patient = launch("patient-1", null);

        fixture.runUntil(() -> fixture.failureOf(quick).isPresent(), Duration.ofMinutes(3));
        TaskFailure failure = fixture.failureOf(quick).orElseThrow().event().failure();
        assertThat(failure.kind()).isEqualTo(TaskFailure.Kind.START_TIMEOUT);
        assertThat(failure.describe()).contains("PT2M");
        assertThat(fixture.failureOf(patient)).isEmpty();

        fixture.runFor(Duration.ofMinutes(6));
        assertThat(fixture.failureOf(patient))
                .as("the tracker's own 10 minutes")
                .isEmpty();
        fixture.runUntil(() -> fixture.failureOf(patient).isPresent(), Duration.ofMinutes(3));
        assertThat(fixture.failureOf(patient).orElseThrow().event().failure().describe())
                .contains("PT10M");
    }

    @Test
    void aTaskKeepsTheTimeoutsItWasFirstTrackedWith() {
        aws.ecs().taskFaults().next(TaskFault.stuckPending(Duration.ofHours(1)));
        TaskHandle handle = launch("quick-1", new TaskTimeouts(Duration.ofMinutes(2), Duration.ofMinutes(1)));
        fixture.tracker.track(
                handle, aws.clock().instant(), new TaskTimeouts(Duration.ofHours(1), Duration.ofHours(1)));

        fixture.runUntil(() -> fixture.failureOf(handle).isPresent(), Duration.ofMinutes(3));
    }
}
