package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Executor;
import hudson.model.Queue;
import hudson.model.queue.CauseOfBlockage;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.engine.launch.CapacityMode;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import io.jenkins.plugins.ecsfargate.jenkins.EcsAgentTemplate;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.SeedCloud;
import io.jenkins.plugins.ecsfargate.jenkins.TemplateSpecs;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A Windows template from configuration to stopped task: its own platform and default image registered, the task
 * on platform 1.0.0, the build served and the task stopped; and a Windows template on Spot, which AWS would refuse,
 * stops at the engine with the reason in front of the waiting build.
 */
class WindowsAgentTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private final TestLabel windows = new TestLabel("windows");
    private RuntimeHarness cloud;

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    /** The seed template turned Windows Server 2022 Core, translated as a saved cloud translates it. */
    private static TemplatePlan windowsTemplate(CapacityMode capacity) {
        EcsCloud seed = SeedCloud.cloud();
        EcsAgentTemplate template = seed.getTemplates().get(0);
        template.setOperatingSystem(OperatingSystem.WINDOWS_SERVER_2022_CORE);
        template.setImage("");
        template.setLabelString("windows");
        return new TemplatePlan(
                template.getName(),
                template.getLabelString(),
                1,
                0,
                0,
                template.getAgentWorkDir(),
                EngineHarness.settings().withCapacity(capacity),
                TemplateSpecs.taskDefinition(seed, template),
                null);
    }

    @Test
    void aWindowsAgentServesItsBuildOnItsOwnPlatformAndLeavesNoTask() {
        cloud = new RuntimeHarness(aws, windowsTemplate(CapacityMode.FARGATE));
        EcsAgent agent = cloud.connectedAgent(cloud.runtime, windows);

        EmulatedTask task = cloud.liveTasks().get(0);
        TaskDefinition definition = aws.ecsClient()
                .describeTaskDefinition(r -> r.taskDefinition(task.taskDefinitionArn()))
                .taskDefinition();
        assertThat(definition.runtimePlatform().operatingSystemFamilyAsString()).isEqualTo("WINDOWS_SERVER_2022_CORE");
        assertThat(definition.containerDefinitions().get(0).image())
                .isEqualTo("jenkins/inbound-agent:jdk21-windowsservercore-ltsc2022");
        assertThat(aws.ecsClient()
                        .describeTasks(r -> r.cluster("default").tasks(task.taskArn()))
                        .tasks()
                        .get(0)
                        .platformVersion())
                .isEqualTo("1.0.0");
        assertThat(agent.getRemoteFS()).isEqualTo("C:/Users/jenkins/Work");

        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);
        OneShotRetentionStrategy retention = (OneShotRetentionStrategy) agent.getRetentionStrategy();
        Executor executor = new Executor(computer, 0);
        TestTask build = new TestTask("build", windows);
        retention.taskAccepted(executor, build);
        retention.taskCompleted(executor, build, 1000);
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));

        assertThat(cloud.jenkins.nodes()).isEmpty();
        assertThat(cloud.calls("StopTask")).isEqualTo(1);
    }

    @Test
    void aWindowsTemplateOnSpotTellsTheWaitingBuildToChooseOnDemand() {
        cloud = new RuntimeHarness(aws, windowsTemplate(CapacityMode.FARGATE_SPOT_THEN_FARGATE));
        EcsQueueTaskDispatcher dispatcher = new EcsQueueTaskDispatcher(cloud.jenkins);
        Queue.WaitingItem build = TestTask.waiting("windows-pipeline", windows);
        cloud.jenkins.queue.add(build);

        cloud.runtime.provision(windows, 1);
        cloud.runFor(Duration.ofSeconds(2));

        CauseOfBlockage blockage = dispatcher.canRun(build);
        assertThat(blockage).isInstanceOf(TemplateFailureBlockage.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blockage.print(() -> new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("capacity").contains("Windows");
        assertThat(cloud.calls("RunTask")).isZero();
        assertThat(cloud.liveTasks()).isEmpty();
    }
}
