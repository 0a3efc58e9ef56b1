package io.jenkins.plugins.ecsfargate.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReaperTest {
    private static final OwnershipTags.Owner OWNER = EngineFixture.OWNER;
    private static final String STARTED_BY = TrackerFixture.STARTED_BY;

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private TrackerFixture next;

    @AfterEach
    void close() {
        if (next != null) {
            next.close();
        }
    }

    private static Reaper reaper(TrackerFixture engine) {
        return engine.tracker.reaper(Reaper.DEFAULT_GRACE);
    }

    private ReapRequest request(Set<String> wanted, List<TaskHandle> known) {
        return new ReapRequest(TrackerFixture.CLUSTER, OWNER, wanted::contains, known);
    }

    /** Agent names of the live tasks carrying our controller and cloud tags. */
    private List<String> ourLiveAgents() {
        return aws.ecs().liveTasks().stream()
                .filter(t -> OwnershipTags.isOwnedBy(t.tags(), OWNER))
                .map(t -> t.tags().get(OwnershipTags.AGENT))
                .sorted()
                .toList();
    }

    @Test
    void aNewEngineStopsThePreviousControllersOrphansAndLeavesInFlightLaunchesAlone() {
        TrackerFixture previous = new TrackerFixture(aws, TrackerSettings.defaults());
        List<TaskHandle> agents = previous.launchAll(
                IntStream.range(0, 6).mapToObj(i -> "maven-" + i).toList());
        previous.runUntil(
                () -> agents.stream().allMatch(h -> previous.reached(h, TaskPhase.RUNNING)), Duration.ofMinutes(5));
        agents.forEach(previous.tracker::connected);
        aws.ecs().interruptSpot(agents.get(0).taskArn());
        TaskHandle otherCloud = previous.await(previous.launch(
                        List.of("staging-1"), new OwnershipTags.Owner("controller-1", "staging"), STARTED_BY, false)
                .get(0));
        TaskHandle someoneElses = previous.await(previous.launch(
                        List.of("batch-job"),
                        new OwnershipTags.Owner("another-controller", "prod"),
                        "someone-else",
                        false)
                .get(0));
        previous.runFor(Duration.ofMinutes(10));
        previous.close();

        next = new TrackerFixture(aws, TrackerSettings.defaults());
        Set<String> wanted = Set.of("maven-1", "maven-2");
        next.tracker.addListener(event -> {
            if (event.phase() == TaskPhase.RUNNING
                    && wanted.contains(event.handle().agentName())) {
                next.tracker.connected(event.handle());
            }
        });
        TaskHandle inFlight = next.await(
                next.launch(List.of("maven-new"), OWNER, STARTED_BY, false).get(0));
        ReapReport report =
                next.await(reaper(next).reap(request(wanted, List.of(agents.get(0), agents.get(1), agents.get(2)))));

        assertThat(report.stopped())
                .extracting(TaskHandle::agentName)
                .containsExactlyInAnyOrder("maven-3", "maven-4", "maven-5");
        assertThat(report.spared()).containsExactly(inFlight);
        assertThat(report.kept()).extracting(TaskHandle::agentName).containsExactlyInAnyOrder("maven-1", "maven-2");
        assertThat(report.gone()).singleElement().satisfies(gone -> {
            assertThat(gone.handle()).isEqualTo(agents.get(0));
            assertThat(gone.stopCode()).isEqualTo("SpotInterruption");
        });
        assertThat(report.notOurs()).containsExactly(otherCloud.taskArn());

        next.runUntil(() -> ourLiveAgents().size() == 3, Duration.ofMinutes(5));
        assertThat(ourLiveAgents()).containsExactly("maven-1", "maven-2", "maven-new");
        assertThat(aws.ecs().liveTasks())
                .extracting(EmulatedTask::taskArn)
                .contains(otherCloud.taskArn(), someoneElses.taskArn());
        assertThat(next.tracker.isTracking(agents.get(1).taskArn())).isTrue();

        next.runFor(Reaper.DEFAULT_GRACE);
        ReapReport second = next.await(reaper(next).reap(request(wanted, report.kept())));
        assertThat(second.stopped()).containsExactly(inFlight);
        assertThat(second.gone()).isEmpty();
        next.runUntil(() -> ourLiveAgents().size() == 2, Duration.ofMinutes(5));
        assertThat(ourLiveAgents()).containsExactly("maven-1", "maven-2");
        assertThat(next.events).noneMatch(d -> d.event().failure() != null);
    }

    @Test
    void aPassOverAnEmptyClusterOnlyLists() {
        next = new TrackerFixture(aws, TrackerSettings.defaults());
        ReapReport report = next.await(reaper(next).reap(request(Set.of(), List.of())));

        assertThat(report.stopped()).isEmpty();
        assertThat(report.kept()).isEmpty();
        assertThat(next.ecsCalls()).isEqualTo(1);
        assertThat(aws.stats().calls("ecs:ListTasks")).isEqualTo(1);
    }

    @Test
    void aKnownTaskEcsForgotIsReportedGone() {
        aws.ecs().setStoppedTaskRetention(Duration.ofMinutes(1));
        next = new TrackerFixture(aws, TrackerSettings.defaults());
        TaskHandle handle = next.await(
                next.launch(List.of("maven-1"), OWNER, STARTED_BY, false).get(0));
        aws.ecs().containerExited(handle.taskArn(), 0);
        next.runFor(Duration.ofMinutes(10));
        assertThat(aws.ecs().task(handle.taskArn())).isEmpty();

        ReapReport report = next.await(reaper(next).reap(request(Set.of("maven-1"), List.of(handle))));

        assertThat(report.gone()).containsExactly(new ReapReport.GoneTask(handle, null, null));
    }

    @Test
    void orphansBeyondOnePageAreAllStoppedInOnePass() {
        aws.ecs().quotas().setOnDemandVcpu(4000).setLaunchRateLimited(false);
        TrackerFixture previous = new TrackerFixture(aws, TrackerSettings.defaults());
        previous.launchMany("crashed", 150);
        previous.close();
        next = new TrackerFixture(aws, TrackerSettings.defaults());
        next.runFor(Reaper.DEFAULT_GRACE);

        ReapReport report = next.await(reaper(next).reap(request(Set.of(), List.of())));

        assertThat(report.stopped()).hasSize(150);
        assertThat(aws.stats().calls("ecs:ListTasks")).isEqualTo(2);
        next.runUntil(() -> next.tracker.trackedCount() == 0, Duration.ofMinutes(5));
        assertThat(ourLiveAgents()).isEmpty();
    }
}
