package io.jenkins.plugins.ecsfargate.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.TaskFault;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.call.TemplatePausedException;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchedTask;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tracker wired to a whole engine the way the Jenkins adapter wires it. */
class EngineTrackingTest {
    private static final String TEMPLATE = "maven";

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private TrackerFixture f;
    private FargateEngine engine;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void start() {
        EngineHarness harness = new EngineHarness(aws);
        engine = harness.engine(EngineHarness.settings());
        f = new TrackerFixture(aws, TrackerSettings.defaults(), harness, engine);
    }

    private List<TaskHandle> launch(int from, int count) {
        List<CompletableFuture<TaskHandle>> launches = IntStream.range(from, from + count)
                .mapToObj(i -> engine.launch(EngineHarness.agent(TEMPLATE, i, Specs.minimal(), null))
                        .thenApply(f.tracker::track))
                .toList();
        return launches.stream().map(f::await).toList();
    }

    @Test
    void aHundredAgentsStartAndStopWithAtMostFourEcsCallsEach() {
        aws.ecs().quotas().setOnDemandVcpu(4000);
        start();
        f.tracker.addListener(event -> {
            if (event.phase() == TaskPhase.RUNNING) {
                engine.reportStarted(TEMPLATE);
                f.tracker.connected(event.handle());
            }
        });
        List<TaskHandle> handles = launch(0, 100);
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
        assertThat(f.ecsCalls() / 100.0)
                .as("ECS calls per agent: %s", aws.stats().snapshot())
                .isLessThanOrEqualTo(4.0);

        long calls = f.ecsCalls();
        f.runFor(Duration.ofMinutes(30));
        assertThat(f.ecsCalls()).as("no calls while nothing is tracked").isEqualTo(calls);
    }

    @Test
    void pullFailuresReportedByTheTrackerPauseTheTemplateInsteadOfRelaunching() {
        aws.ecs().taskFaults().next(3, TaskFault.cannotPullContainer());
        start();
        f.tracker.addListener(event -> {
            if (event.failure() != null) {
                engine.reportFailure(TEMPLATE, event.failure().failure());
            }
        });
        List<TaskHandle> handles = launch(0, 3);
        f.runUntil(() -> handles.stream().allMatch(h -> f.failureOf(h).isPresent()), Duration.ofMinutes(2));

        assertThat(handles).allSatisfy(h -> assertThat(
                        f.failureOf(h).orElseThrow().event().failure().failure().cause())
                .isEqualTo(FailureCause.CANNOT_PULL_IMAGE));
        assertThat(engine.pauseOf(TEMPLATE))
                .hasValueSatisfying(
                        pause -> assertThat(pause.cause().cause()).isEqualTo(FailureCause.CANNOT_PULL_IMAGE));
        CompletableFuture<LaunchedTask> refused =
                engine.launch(EngineHarness.agent(TEMPLATE, 3, Specs.minimal(), null));
        assertThat(refused).isCompletedExceptionally();
        assertThat(refused.handle((ok, error) -> error.getCause() == null ? error : error.getCause())
                        .join())
                .isInstanceOf(TemplatePausedException.class);
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(3);
    }
}
