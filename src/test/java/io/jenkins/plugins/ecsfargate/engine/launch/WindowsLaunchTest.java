package io.jenkins.plugins.ecsfargate.engine.launch;

import static io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** A Windows agent through the wire: its platform registered, its task run on demand, never on Spot. */
class WindowsLaunchTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withSeed(5);

    private EngineHarness harness;

    @BeforeEach
    void start() {
        harness = new EngineHarness(aws);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aWindowsAgentRegistersItsPlatformAndRunsOnDemand() {
        FargateEngine engine = harness.engine(EngineHarness.settings());
        LaunchedTask launched =
                harness.await(engine.launch(agent("windows", 1, Specs.windows(), LaunchOverrides.NONE)));

        TaskDefinition definition = aws.ecsClient()
                .describeTaskDefinition(r -> r.taskDefinition(launched.taskDefinitionArn()))
                .taskDefinition();
        assertThat(definition.runtimePlatform().operatingSystemFamilyAsString()).isEqualTo("WINDOWS_SERVER_2022_CORE");
        assertThat(definition.runtimePlatform().cpuArchitectureAsString()).isEqualTo("X86_64");
        Task task = aws.ecsClient()
                .describeTasks(r -> r.cluster("default").tasks(launched.taskArn()))
                .tasks()
                .get(0);
        assertThat(task.launchTypeAsString()).isEqualTo("FARGATE");
        assertThat(task.platformVersion()).isEqualTo("1.0.0");
    }

    @Test
    void spotCapacityForAWindowsAgentFailsOnItsFieldBeforeAnyAwsCall() {
        FargateEngine engine =
                harness.engine(EngineHarness.settings().withCapacity(CapacityMode.FARGATE_SPOT_THEN_FARGATE));
        LaunchFailure failure =
                harness.failureOf(engine.launch(agent("windows", 1, Specs.windows(), LaunchOverrides.NONE)));
        assertThat(failure.cause()).isEqualTo(FailureCause.INVALID_SPEC);
        assertThat(failure.fieldToFix()).isEqualTo("capacity");
        assertThat(aws.stats().totalCalls()).isZero();
    }

    @Test
    void aLinuxPlatformVersionForAWindowsAgentFailsOnItsField() {
        FargateEngine engine = harness.engine(EngineHarness.settings().withPlatformVersion("1.4.0"));
        LaunchFailure failure =
                harness.failureOf(engine.launch(agent("windows", 1, Specs.windows(), LaunchOverrides.NONE)));
        assertThat(failure.fieldToFix()).isEqualTo("platformVersion");
        assertThat(aws.stats().totalCalls()).isZero();
    }
}
