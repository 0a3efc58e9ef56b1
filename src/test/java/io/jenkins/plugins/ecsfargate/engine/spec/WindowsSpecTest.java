package io.jenkins.plugins.ecsfargate.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/** Windows task definitions: what Fargate accepts, what it refuses, and how the request names the platform. */
class WindowsSpecTest {

    @ParameterizedTest
    @EnumSource(
            value = OperatingSystemFamily.class,
            names = {"LINUX"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyWindowsFamilyIsRegisteredAsItsOwnPlatform(OperatingSystemFamily os) {
        TaskDefinitionSpec spec =
                Specs.windows().toBuilder().operatingSystem(os).build();
        assertThat(SpecValidator.validate(spec)).isEmpty();
        RegisterTaskDefinitionRequest request =
                TaskDefinitionRequests.register("jenkins_c_win", "win", spec, new OwnershipTags.Owner("ctl", "c"));
        assertThat(request.runtimePlatform().operatingSystemFamilyAsString()).isEqualTo(os.name());
        assertThat(request.runtimePlatform().cpuArchitectureAsString()).isEqualTo("X86_64");
    }

    @ParameterizedTest
    @CsvSource({"256, 512, cpu", "512, 1024, cpu", "8192, 16384, cpu", "16384, 32768, cpu", "2048, 2048, memory"})
    void windowsTasksTakeTheOneToFourVcpuSizesOnly(int cpu, int memory, String field) {
        TaskDefinitionSpec spec =
                Specs.windows().toBuilder().cpu(cpu).memory(memory).build();
        List<SpecProblem> problems = SpecValidator.validate(spec);
        assertThat(problems).extracting(SpecProblem::field).containsExactly(field);
        if (field.equals("cpu")) {
            assertThat(problems.get(0).problem()).contains("1024, 2048 or 4096");
        }
    }

    @ParameterizedTest
    @CsvSource({"1024, 8192", "2048, 4096", "4096, 30720"})
    void windowsSizesWithinTheTableAreValid(int cpu, int memory) {
        assertThat(SpecValidator.validate(
                        Specs.windows().toBuilder().cpu(cpu).memory(memory).build()))
                .isEmpty();
    }

    @Test
    void aLinuxSizeThatWindowsLacksStaysValidForLinux() {
        assertThat(SpecValidator.validate(
                        Specs.minimal().toBuilder().cpu(512).memory(1024).build()))
                .isEmpty();
    }

    @Test
    void windowsRunsOnX86Only() {
        assertThat(SpecValidator.validate(Specs.windows().toBuilder()
                        .architecture(CpuArchitecture.ARM64)
                        .build()))
                .extracting(SpecProblem::field)
                .containsExactly("architecture");
    }

    @Test
    void windowsContainersTakeNoLinuxParameters() {
        ContainerSpec agent = Specs.windows().agent().toBuilder()
                .user("jenkins")
                .initProcessEnabled(true)
                .ulimits(List.of(new Ulimit("nofile", 1024, 4096)))
                .build();
        ContainerSpec sidecar = ContainerSpec.builder("otel", "otel/collector:1")
                .essential(false)
                .logSettings(new LogSettings("awsfirelens", Map.of()))
                .build();
        TaskDefinitionSpec spec = Specs.windows().toBuilder()
                .agent(agent)
                .sidecars(List.of(sidecar))
                .build();
        assertThat(SpecValidator.validate(spec))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder(
                        "agent.user", "agent.initProcessEnabled", "agent.ulimits", "sidecars[otel].logSettings.driver");
    }

    @Test
    void windowsTasksMountNoEfsVolumes() {
        TaskDefinitionSpec spec = Specs.windows().toBuilder()
                .volumes(List.of(
                        VolumeSpec.shared("scratch"),
                        new VolumeSpec("cache", new EfsVolume("fs-0123456789abcdef0", "/", null, true, false))))
                .build();
        assertThat(SpecValidator.validate(spec)).extracting(SpecProblem::field).containsExactly("volumes[cache].efs");
    }

    @Test
    void pathsAreAbsoluteTheWayTheTaskOperatingSystemSaysSo() {
        ContainerSpec backslash = Specs.windows().agent().toBuilder()
                .workingDirectory("C:\\\\Users\\\\jenkins\\\\Work")
                .build();
        assertThat(SpecValidator.validate(
                        Specs.windows().toBuilder().agent(backslash).build()))
                .isEmpty();
        ContainerSpec unix = Specs.windows().agent().toBuilder()
                .workingDirectory("/home/jenkins/agent")
                .build();
        assertThat(SpecValidator.validate(
                        Specs.windows().toBuilder().agent(unix).build()))
                .extracting(SpecProblem::field)
                .containsExactly("agent.workingDirectory");
        ContainerSpec drive =
                Specs.minimal().agent().toBuilder().workingDirectory("C:/work").build();
        assertThat(SpecValidator.validate(
                        Specs.minimal().toBuilder().agent(drive).build()))
                .extracting(SpecProblem::field)
                .containsExactly("agent.workingDirectory");
    }
}
