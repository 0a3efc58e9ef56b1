package io.jenkins.plugins.ecsfargate.emulator;

import static io.jenkins.plugins.ecsfargate.emulator.EcsAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.LinuxParameters;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.Ulimit;
import software.amazon.awssdk.services.ecs.model.UlimitName;
import software.amazon.awssdk.services.ecs.model.Volume;

/** RegisterTaskDefinition of Windows tasks for Fargate, through the real SDK: what ECS accepts and refuses. */
class EcsWindowsTaskDefinitionContractTest {
    private static final String NO_CONFIGURATION = "No Fargate configuration exists for given values";

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private EcsClient ecs;

    @BeforeEach
    void connect() {
        ecs = aws.ecsClientWithoutRetries();
    }

    private TaskDefinition register(RegisterTaskDefinitionRequest.Builder request) {
        return ecs.registerTaskDefinition(request.build()).taskDefinition();
    }

    private static RegisterTaskDefinitionRequest.Builder windows(OSFamily family) {
        return EcsRequests.windowsTaskDefinition("windows")
                .runtimePlatform(
                        RuntimePlatform.builder().operatingSystemFamily(family).build());
    }

    private static RegisterTaskDefinitionRequest.Builder windowsAgent(
            UnaryOperator<ContainerDefinition.Builder> change) {
        return EcsRequests.windowsTaskDefinition("windows")
                .containerDefinitions(change.apply(EcsRequests.windowsAgent()).build());
    }

    private void assertRefused(RegisterTaskDefinitionRequest.Builder request, String messagePart) {
        assertRejected(() -> ecs.registerTaskDefinition(request.build()), "ClientException", messagePart);
    }

    @Test
    void windowsServer2022CoreRegistersAtOneTwoAndFourVcpuAndKeepsItsRuntimePlatform() {
        TaskDefinition small = register(EcsRequests.windowsTaskDefinition("windows"));
        TaskDefinition medium = register(
                EcsRequests.windowsTaskDefinition("windows").cpu("2 vCPU").memory("4GB"));
        TaskDefinition large = register(
                EcsRequests.windowsTaskDefinition("windows").cpu("4096").memory("30720"));

        assertThat(small.cpu()).isEqualTo("1024");
        assertThat(small.memory()).isEqualTo("2048");
        assertThat(medium.cpu()).isEqualTo("2048");
        assertThat(medium.memory()).isEqualTo("4096");
        assertThat(large.revision()).isEqualTo(3);
        RuntimePlatform described = ecs.describeTaskDefinition(r -> r.taskDefinition("windows:1"))
                .taskDefinition()
                .runtimePlatform();
        assertThat(described.operatingSystemFamily()).isEqualTo(OSFamily.WINDOWS_SERVER_2022_CORE);
        assertThat(described.cpuArchitecture()).isEqualTo(CPUArchitecture.X86_64);
    }

    @Test
    void windowsNeedsOneToFourVcpuWithLinuxMemoryRanges() {
        assertRefused(
                EcsRequests.windowsTaskDefinition("windows").cpu("512").memory("1024"),
                NO_CONFIGURATION + ": 512 CPU, 1024 memory");
        assertRefused(EcsRequests.windowsTaskDefinition("windows").cpu("256").memory("512"), NO_CONFIGURATION);
        assertRefused(EcsRequests.windowsTaskDefinition("windows").cpu("8192").memory("16384"), NO_CONFIGURATION);
        assertRefused(EcsRequests.windowsTaskDefinition("windows").cpu("16384").memory("32768"), NO_CONFIGURATION);
        assertRefused(EcsRequests.windowsTaskDefinition("windows").cpu("1024").memory("1024"), NO_CONFIGURATION);
        assertRefused(EcsRequests.windowsTaskDefinition("windows").cpu("2048").memory("17408"), NO_CONFIGURATION);

        assertThat(register(EcsRequests.taskDefinition("linux").cpu("512").memory("1024"))
                        .cpu())
                .isEqualTo("512");
        assertThat(register(EcsRequests.taskDefinition("linux").cpu("8192").memory("16384"))
                        .cpu())
                .isEqualTo("8192");
    }

    @Test
    void onlyWindowsServer2019And2022RunOnFargate() {
        for (OSFamily family : List.of(
                OSFamily.WINDOWS_SERVER_2019_FULL,
                OSFamily.WINDOWS_SERVER_2019_CORE,
                OSFamily.WINDOWS_SERVER_2022_FULL,
                OSFamily.WINDOWS_SERVER_2022_CORE)) {
            assertThat(register(windows(family)).runtimePlatform().operatingSystemFamily())
                    .isEqualTo(family);
        }
        for (OSFamily family : List.of(
                OSFamily.WINDOWS_SERVER_2016_FULL,
                OSFamily.WINDOWS_SERVER_2004_CORE,
                OSFamily.WINDOWS_SERVER_20_H2_CORE,
                OSFamily.WINDOWS_SERVER_2025_CORE,
                OSFamily.WINDOWS_SERVER_2025_FULL)) {
            assertRefused(windows(family), "Fargate does not support operatingSystemFamily " + family);
        }
        assertThat(register(windows(OSFamily.WINDOWS_SERVER_2016_FULL).requiresCompatibilities(Compatibility.EC2))
                        .revision())
                .isEqualTo(5);
    }

    @Test
    void valuesOutsideTheRuntimePlatformEnumsAreClientExceptions() {
        assertRefused(
                EcsRequests.windowsTaskDefinition("windows")
                        .runtimePlatform(r -> r.operatingSystemFamily("WINDOWS_SERVER_1999")),
                "operatingSystemFamily 'WINDOWS_SERVER_1999'");
        assertRefused(
                EcsRequests.taskDefinition("linux").runtimePlatform(r -> r.cpuArchitecture("RISCV64")),
                "cpuArchitecture 'RISCV64'");
        assertRefused(
                EcsRequests.taskDefinition("linux")
                        .requiresCompatibilities(Compatibility.EC2)
                        .runtimePlatform(r -> r.operatingSystemFamily("linux")),
                "operatingSystemFamily 'linux'");
    }

    @Test
    void theRuntimePlatformEnumsAreEcsOwn() {
        ServiceModel model = BotocoreConformance.load().models().service("ecs");
        assertThat(WindowsFargateRules.OS_FAMILIES)
                .containsExactlyInAnyOrderElementsOf(model.enumValues(model.shape("OSFamily")));
        assertThat(WindowsFargateRules.CPU_ARCHITECTURES)
                .containsExactlyInAnyOrderElementsOf(model.enumValues(model.shape("CPUArchitecture")));
    }

    @Test
    void windowsRunsOnlyOnX86() {
        assertRefused(
                EcsRequests.windowsTaskDefinition("windows")
                        .runtimePlatform(r -> r.operatingSystemFamily(OSFamily.WINDOWS_SERVER_2022_CORE)
                                .cpuArchitecture(CPUArchitecture.ARM64)),
                "cpuArchitecture X86_64");

        assertThat(register(EcsRequests.taskDefinition("linux")
                                .runtimePlatform(r ->
                                        r.operatingSystemFamily(OSFamily.LINUX).cpuArchitecture(CPUArchitecture.ARM64)))
                        .runtimePlatform()
                        .cpuArchitecture())
                .isEqualTo(CPUArchitecture.ARM64);
    }

    @Test
    void linuxOnlyContainerParametersAreRefusedByName() {
        assertRefused(windowsAgent(c -> c.user("jenkins")), "'user'");
        assertRefused(
                windowsAgent(c -> c.linuxParameters(
                        LinuxParameters.builder().initProcessEnabled(true).build())),
                "'linuxParameters'");
        assertRefused(
                windowsAgent(c -> c.ulimits(Ulimit.builder()
                        .name(UlimitName.NOFILE)
                        .softLimit(1024)
                        .hardLimit(4096)
                        .build())),
                "'ulimits'");
        assertRefused(windowsAgent(c -> c.readonlyRootFilesystem(true)), "'readonlyRootFilesystem'");
        assertRefused(windowsAgent(c -> c.privileged(true)), "Privileged containers are not supported on Fargate.");

        assertThat(register(EcsRequests.taskDefinition("linux")
                                .containerDefinitions(EcsRequests.windowsAgent()
                                        .image("jenkins/inbound-agent:latest-jdk21")
                                        .user("jenkins")
                                        .readonlyRootFilesystem(true)
                                        .linuxParameters(l -> l.initProcessEnabled(true))
                                        .build()))
                        .containerDefinitions()
                        .get(0)
                        .user())
                .isEqualTo("jenkins");
    }

    @Test
    void efsVolumesAndFirelensAreRefusedButEphemeralStorageIsNot() {
        Volume efs = Volume.builder()
                .name("workspace")
                .efsVolumeConfiguration(EFSVolumeConfiguration.builder()
                        .fileSystemId("fs-0123456789abcdef0")
                        .build())
                .build();
        assertRefused(EcsRequests.windowsTaskDefinition("windows").volumes(efs), "'efsVolumeConfiguration'");
        assertRefused(
                windowsAgent(c -> c.logConfiguration(LogConfiguration.builder()
                        .logDriver(LogDriver.AWSFIRELENS)
                        .build())),
                "'awsfirelens'");

        assertThat(register(EcsRequests.taskDefinition("linux").volumes(efs)).volumes())
                .hasSize(1);
        assertThat(register(EcsRequests.windowsTaskDefinition("windows")
                                .ephemeralStorage(
                                        EphemeralStorage.builder().sizeInGiB(50).build()))
                        .ephemeralStorage()
                        .sizeInGiB())
                .isEqualTo(50);
        assertThat(register(EcsRequests.windowsTaskDefinition("windows")
                                .volumes(Volume.builder().name("scratch").build()))
                        .volumes())
                .hasSize(1);
    }
}
