package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Queue;
import hudson.model.queue.CauseOfBlockage;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fatal configuration failure reaches the build that waits: its queue item is blocked with the reason (what a
 * waiting pipeline prints to its log), and cancelled only after the pipeline has had time to print it.
 */
class FailureReachesTheBuildTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private final TestLabel ecs = new TestLabel("ecs");
    private RuntimeHarness cloud;
    private EcsQueueTaskDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        TemplatePlan broken = new TemplatePlan(
                "broken",
                "ecs",
                1,
                0,
                0,
                null,
                LaunchSettings.of("default", List.of("subnet-0a1b2c3d"), List.of()),
                RuntimeHarness.spec(1024, 100),
                null);
        cloud = new RuntimeHarness(aws, broken, RuntimeHarness.template("ok", "other"));
        dispatcher = new EcsQueueTaskDispatcher(cloud.jenkins);
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    private void failOnce() {
        cloud.runtime.provision(ecs, 1);
        cloud.runFor(Duration.ofSeconds(2));
    }

    private static String printed(CauseOfBlockage blockage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blockage.print(() -> new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWaitingBuildIsBlockedWithTheReasonThenCancelled() {
        Queue.WaitingItem build = TestTask.waiting("pipeline", ecs);
        cloud.jenkins.queue.add(build);
        assertThat(dispatcher.canRun(build)).as("nothing failed yet").isNull();

        failOnce();

        CauseOfBlockage blockage = dispatcher.canRun(build);
        assertThat(blockage).isInstanceOf(TemplateFailureBlockage.class);
        assertThat(printed(blockage))
                .contains("template broken of Amazon ECS Fargate cloud ecs-cloud")
                .contains("memory")
                .contains("FATAL_CONFIGURATION");
        cloud.runFor(Duration.ofSeconds(16));
        assertThat(cloud.jenkins.cancelled)
                .as("not before a pipeline printed why it waits")
                .isEmpty();

        cloud.runFor(FailureReports.CANCEL_AFTER);

        assertThat(cloud.jenkins.cancelled).containsExactly(build);
    }

    @Test
    void aBuildArrivingLaterIsBlockedAndCancelledInItsTurn() {
        failOnce();
        cloud.runFor(Duration.ofSeconds(15));
        Queue.WaitingItem late = TestTask.waiting("late", ecs);
        cloud.jenkins.queue.add(late);
        assertThat(dispatcher.canRun(late)).isNotNull();

        cloud.runFor(Duration.ofSeconds(10));
        assertThat(cloud.jenkins.cancelled).isEmpty();
        cloud.runFor(FailureReports.CANCEL_AFTER);
        assertThat(cloud.jenkins.cancelled).containsExactly(late);
    }

    @Test
    void buildsOthersCanServeAreNeverBlockedNorCancelled() {
        Queue.WaitingItem other = TestTask.waiting("other", new TestLabel("other"));
        Queue.WaitingItem unlabeled = TestTask.waiting("anywhere", null);
        Queue.WaitingItem shared = TestTask.waiting("shared", ecs);
        cloud.jenkins.queue.addAll(List.of(other, unlabeled));
        failOnce();

        assertThat(dispatcher.canRun(other)).isNull();
        assertThat(dispatcher.canRun(unlabeled)).isNull();
        cloud.jenkins.clouds.add(new ForeignCloud("everything"));
        cloud.jenkins.queue.add(shared);
        assertThat(dispatcher.canRun(shared))
                .as("another cloud serves 'ecs' too")
                .isNull();
        cloud.runFor(FailureReports.CANCEL_AFTER.multipliedBy(3));
        assertThat(cloud.jenkins.cancelled).isEmpty();
    }

    @Test
    void aSavedCloudBlocksNothingUntilItFailsAgain() {
        Queue.WaitingItem build = TestTask.waiting("pipeline", ecs);
        cloud.jenkins.queue.add(build);
        failOnce();
        assertThat(dispatcher.canRun(build)).isNotNull();

        cloud.templates.set(0, RuntimeHarness.template("fixed", "ecs"));
        cloud.save();

        assertThat(dispatcher.canRun(build)).isNull();
        cloud.runFor(FailureReports.CANCEL_AFTER.multipliedBy(2));
        assertThat(cloud.jenkins.cancelled).isEmpty();
    }
}
