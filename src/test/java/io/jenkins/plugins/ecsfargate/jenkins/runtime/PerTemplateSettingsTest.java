package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.TaskFault;
import io.jenkins.plugins.ecsfargate.engine.launch.CapacityMode;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskTimeouts;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One engine and one tracker per cloud, while each template keeps its own network, capacity and timeouts. */
class PerTemplateSettingsTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private RuntimeHarness cloud;

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    private static TemplatePlan quickSpot() {
        return new TemplatePlan(
                "quick",
                "quick",
                1,
                0,
                0,
                null,
                EngineHarness.settings().withCapacity(CapacityMode.FARGATE_SPOT),
                RuntimeHarness.spec(1024, 2048),
                null,
                new TaskTimeouts(Duration.ofMinutes(1), Duration.ofMinutes(1)));
    }

    @Test
    void templatesLaunchWithTheirOwnSettingsThroughTheCloudsOneEngine() {
        cloud = new RuntimeHarness(aws, RuntimeHarness.template("plain", "plain"), quickSpot());

        cloud.runtime.provision(new TestLabel("plain"), 1);
        cloud.runtime.provision(new TestLabel("quick"), 1);
        cloud.runUntil(() -> cloud.liveTasks().size() == 2, Duration.ofSeconds(30));

        assertThat(cloud.liveTasks())
                .extracting(task -> task.tags().get("ecs-fargate:template") + "=" + task.capacityProvider())
                .containsExactlyInAnyOrder("plain=FARGATE", "quick=FARGATE_SPOT");
        assertThat(cloud.runtime.engine().config().launch())
                .as("the engine has no settings of its own")
                .isNull();
    }

    @Test
    void eachTemplatesStartTimeoutIsHonouredByTheOneTracker() {
        cloud = new RuntimeHarness(aws, RuntimeHarness.template("plain", "plain"), quickSpot());
        aws.ecs().taskFaults().next(TaskFault.stuckPending(Duration.ofHours(1)));
        aws.ecs().taskFaults().next(TaskFault.stuckPending(Duration.ofHours(1)));
        String plain =
                cloud.runtime.provision(new TestLabel("plain"), 1).iterator().next().displayName;
        String quick =
                cloud.runtime.provision(new TestLabel("quick"), 1).iterator().next().displayName;
        cloud.runUntil(() -> cloud.liveTasks().size() == 2, Duration.ofSeconds(30));
        EcsAgent plainAgent = cloud.jenkins.agent(plain);
        EcsAgent quickAgent = cloud.jenkins.agent(quick);

        cloud.runFor(Duration.ofMinutes(2));

        assertThat(quickAgent.status().failure()).contains("PT1M");
        assertThat(plainAgent.status().failure()).isNull();
        cloud.runFor(Duration.ofMinutes(4));
        assertThat(plainAgent.status().failure()).contains("PT5M");
    }
}
