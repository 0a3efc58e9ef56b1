package io.jenkins.plugins.ecsfargate.emulator;

import static io.jenkins.plugins.ecsfargate.emulator.EcsAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/** RunTask and DescribeTasks of Windows task definitions on Fargate, through the real SDK. */
class EcsWindowsRunTaskContractTest {
    private static final String NOT_FOR_WINDOWS = "is not available for operatingSystemFamily WINDOWS_SERVER_2022_CORE";
    private static final String NO_SPOT = "The FARGATE_SPOT capacity provider is not supported for Windows tasks";

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private EcsClient ecs;
    private String windows;

    @BeforeEach
    void setUp() {
        ecs = aws.ecsClientWithoutRetries();
        aws.ecs().quotas().setOnDemandVcpu(4000).setSpotVcpu(4000);
        windows = ecs.registerTaskDefinition(
                        EcsRequests.windowsTaskDefinition("windows").build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private RunTaskRequest.Builder run() {
        return EcsRequests.runTask(windows);
    }

    private Task launch(RunTaskRequest.Builder request) {
        var answer = ecs.runTask(request.build());
        assertThat(answer.failures()).isEmpty();
        return answer.tasks().get(0);
    }

    private Task describe(Task task) {
        return ecs.describeTasks(r -> r.cluster("default").tasks(task.taskArn()))
                .tasks()
                .get(0);
    }

    private void assertNoTaskStarted() {
        assertThat(ecs.listTasks(r -> r.cluster("default")).taskArns()).isEmpty();
    }

    @Test
    void runsOnPlatformVersion100AndReportsItsOperatingSystemFamily() {
        Task task = launch(run());

        assertThat(task.platformVersion()).isEqualTo("1.0.0");
        assertThat(task.platformFamily()).isEqualTo("WINDOWS_SERVER_2022_CORE");
        assertThat(task.cpu()).isEqualTo("1024");
        assertThat(task.memory()).isEqualTo("2048");
        Task described = describe(task);
        assertThat(described.platformVersion()).isEqualTo("1.0.0");
        assertThat(described.platformFamily()).isEqualTo("WINDOWS_SERVER_2022_CORE");
        assertThat(launch(run().platformVersion("LATEST")).platformVersion()).isEqualTo("1.0.0");
        assertThat(launch(run().platformVersion("1.0.0")).platformVersion()).isEqualTo("1.0.0");

        String larger = ecs.registerTaskDefinition(EcsRequests.windowsTaskDefinition("windows")
                        .cpu("2048")
                        .memory("4096")
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
        Task onTwoVcpu = launch(EcsRequests.runTask(larger)
                .launchType((LaunchType) null)
                .capacityProviderStrategy(EcsRequests.strategyItem(FargateQuotas.FARGATE, 1, 0)));
        assertThat(onTwoVcpu.cpu()).isEqualTo("2048");
        assertThat(onTwoVcpu.capacityProviderName()).isEqualTo("FARGATE");
        assertThat(onTwoVcpu.platformVersion()).isEqualTo("1.0.0");
    }

    @Test
    void linuxTasksKeepTheirPlatformVersionAndFamily() {
        String linux = ecs.registerTaskDefinition(EcsRequests.taskDefinition("linux")
                        .runtimePlatform(r -> r.operatingSystemFamily(OSFamily.LINUX))
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
        Task task = describe(launch(EcsRequests.runTask(linux)));

        assertThat(task.platformVersion()).isEqualTo("1.4.0");
        assertThat(task.platformFamily()).isEqualTo("Linux");
        assertRejected(
                () -> ecs.runTask(
                        EcsRequests.runTask(linux).platformVersion("1.0.0").build()),
                "PlatformUnknownException");
    }

    @Test
    void linuxPlatformVersionsAreInvalidForWindows() {
        assertRejected(
                () -> ecs.runTask(run().platformVersion("1.4.0").build()),
                "InvalidParameterException",
                "Platform version 1.4.0 " + NOT_FOR_WINDOWS);
        assertRejected(
                () -> ecs.runTask(run().platformVersion("1.3.0").build()),
                "InvalidParameterException",
                "Platform version 1.3.0 " + NOT_FOR_WINDOWS);
        assertRejected(() -> ecs.runTask(run().platformVersion("9.9.9").build()), "PlatformUnknownException");
        assertNoTaskStarted();
    }

    @Test
    void fargateSpotIsNotOfferedForWindows() {
        assertRejected(
                () -> ecs.runTask(run().launchType((LaunchType) null)
                        .capacityProviderStrategy(EcsRequests.strategyItem(FargateQuotas.FARGATE_SPOT, 1, 0))
                        .build()),
                "InvalidParameterException",
                NO_SPOT);
        assertRejected(
                () -> ecs.runTask(run().launchType((LaunchType) null)
                        .capacityProviderStrategy(
                                EcsRequests.strategyItem(FargateQuotas.FARGATE, 1, 1),
                                EcsRequests.strategyItem(FargateQuotas.FARGATE_SPOT, 0, 0))
                        .build()),
                "InvalidParameterException",
                NO_SPOT);
        aws.ecs()
                .createCluster(
                        "spot-first",
                        List.of(FargateQuotas.FARGATE, FargateQuotas.FARGATE_SPOT),
                        Map.of(FargateQuotas.FARGATE_SPOT, 1));
        assertRejected(
                () -> ecs.runTask(run().cluster("spot-first")
                        .launchType((LaunchType) null)
                        .build()),
                "InvalidParameterException",
                NO_SPOT);
        assertNoTaskStarted();

        assertThat(launch(run().cluster("spot-first")).launchType()).isEqualTo(LaunchType.FARGATE);
    }

    @Test
    void sizeOverridesFollowTheWindowsSizes() {
        assertRejected(
                () -> ecs.runTask(
                        run().overrides(o -> o.cpu("512").memory("1024")).build()),
                "ClientException",
                "No Fargate configuration exists for given values: 512 CPU, 1024 memory");
        assertNoTaskStarted();

        assertThat(launch(run().overrides(o -> o.cpu("4096").memory("8192"))).cpu())
                .isEqualTo("4096");
    }

    @Test
    void aWindowsFamilyFargateDoesNotRunIsRefusedAtRunTask() {
        String server2016 = ecs.registerTaskDefinition(EcsRequests.windowsTaskDefinition("server-2016")
                        .requiresCompatibilities(Compatibility.EC2)
                        .runtimePlatform(r -> r.operatingSystemFamily(OSFamily.WINDOWS_SERVER_2016_FULL))
                        .build())
                .taskDefinition()
                .taskDefinitionArn();

        assertRejected(
                () -> ecs.runTask(EcsRequests.runTask(server2016).build()),
                "InvalidParameterException",
                "Fargate does not support operatingSystemFamily WINDOWS_SERVER_2016_FULL");
        assertNoTaskStarted();
    }
}
