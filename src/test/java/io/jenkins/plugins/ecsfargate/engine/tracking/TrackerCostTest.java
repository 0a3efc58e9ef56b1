package io.jenkins.plugins.ecsfargate.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What following tasks costs: ECS calls per interval, and threads. */
class TrackerCostTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private TrackerFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private long describes() {
        return aws.stats().calls("ecs:DescribeTasks");
    }

    @Test
    void anIdleTrackerMakesNoCallsAndSchedulesNothing() {
        f = new TrackerFixture(aws, TrackerSettings.defaults());
        f.runFor(Duration.ofHours(1));
        assertThat(f.ecsCalls()).isZero();
        assertThat(f.scheduler.pending()).isZero();
    }

    @Test
    void asksOftenWhileTasksStartAndRarelyWhileTheyRun() {
        TrackerSettings settings = TrackerSettings.defaults();
        f = new TrackerFixture(aws, settings);
        List<TaskHandle> handles = f.launchMany("maven", 20);
        f.runUntil(() -> handles.stream().allMatch(h -> f.reached(h, TaskPhase.RUNNING)), Duration.ofMinutes(5));
        handles.forEach(f.tracker::connected);

        long before = describes();
        f.runFor(Duration.ofMinutes(10));
        long whileRunning = describes() - before;
        assertThat(whileRunning)
                .as("one call per running interval for 20 running tasks")
                .isBetween(
                        Duration.ofMinutes(10).dividedBy(settings.runningInterval()) - 1,
                        Duration.ofMinutes(10).dividedBy(settings.runningInterval()) + 1);

        TaskHandle starting = f.launchOne("maven-new");
        before = describes();
        f.runUntil(() -> f.reached(starting, TaskPhase.RUNNING), Duration.ofMinutes(5));
        Duration took = f.eventsOf(starting).stream()
                .filter(e -> e.phase() == TaskPhase.RUNNING)
                .findFirst()
                .orElseThrow()
                .state()
                .between(TaskPhase.REQUESTED, TaskPhase.RUNNING)
                .orElseThrow();
        assertThat(describes() - before)
                .as("one call per starting interval while a task starts")
                .isGreaterThanOrEqualTo(took.dividedBy(settings.startingInterval()) - 1)
                .isLessThanOrEqualTo(took.dividedBy(settings.startingInterval()) + 2);
    }

    @Test
    void threadCountStaysFlatFromOneToAThousandTrackedTasks() {
        aws.ecs().quotas().setOnDemandVcpu(4000).setLaunchRateLimited(false);
        f = new TrackerFixture(aws, TrackerSettings.defaults());
        List<TaskHandle> one = f.launchMany("first", 1);
        f.runUntil(() -> f.reached(one.get(0), TaskPhase.RUNNING), Duration.ofMinutes(5));
        int withOne = engineThreads();

        List<TaskHandle> many = f.launchMany("maven", 999);
        f.runUntil(() -> many.stream().allMatch(h -> f.reached(h, TaskPhase.RUNNING)), Duration.ofMinutes(10));
        assertThat(f.tracker.trackedCount()).isEqualTo(1000);
        assertThat(engineThreads()).isLessThanOrEqualTo(withOne);
        long before = describes();
        f.runFor(TrackerSettings.defaults().runningInterval());
        assertThat(describes() - before).as("1,000 tasks in batches of 100").isEqualTo(10);
        assertThat(engineThreads()).isLessThanOrEqualTo(withOne);
    }

    /** Live threads of this JVM, leaving out the emulator's own HTTP server threads (they stand for AWS). */
    private static int engineThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("ecs-emulator-"))
                .count();
    }
}
