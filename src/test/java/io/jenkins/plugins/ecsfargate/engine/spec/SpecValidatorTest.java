package io.jenkins.plugins.ecsfargate.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecValidatorTest {

    @Test
    void minimalAndFullSpecsAreValid() {
        assertThat(SpecValidator.validate(Specs.minimal())).isEmpty();
        assertThat(SpecValidator.validate(Specs.full())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"300, 1024, cpu", "1024, 1024, memory", "256, 4096, memory", "8192, 18432, memory"})
    void namesCpuOrMemoryForInvalidSizes(int cpu, int memory, String field) {
        TaskDefinitionSpec spec =
                Specs.minimal().toBuilder().cpu(cpu).memory(memory).build();
        assertThat(SpecValidator.validate(spec)).extracting(SpecProblem::field).containsExactly(field);
    }

    @Test
    void rejectsEphemeralStorageOutsideFargateRange() {
        assertThat(fieldsOf(b -> b.ephemeralStorageGiB(19))).containsExactly("ephemeralStorageGiB");
        assertThat(fieldsOf(b -> b.ephemeralStorageGiB(201))).containsExactly("ephemeralStorageGiB");
    }

    @Test
    void rejectsMalformedRoleArns() {
        assertThat(fieldsOf(b -> b.taskRoleArn("jenkins-agent").executionRoleArn("arn:aws:iam::1:role/x")))
                .containsExactlyInAnyOrder("taskRoleArn", "executionRoleArn");
    }

    @Test
    void awslogsAndSecretsNeedAnExecutionRole() {
        TaskDefinitionSpec spec =
                Specs.full().toBuilder().executionRoleArn(null).build();
        assertThat(SpecValidator.validate(spec)).extracting(SpecProblem::field).containsExactly("executionRoleArn");
    }

    @Test
    void theAgentMustBeEssentialAndHaveAnImage() {
        TaskDefinitionSpec spec = TaskDefinitionSpec.builder(
                        ContainerSpec.builder("agent", " ").essential(false).build())
                .build();
        assertThat(SpecValidator.validate(spec))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder("agent.essential", "agent.image");
    }

    @Test
    void namesTheSidecarThatIsWrong() {
        ContainerSpec bad = ContainerSpec.builder("otel", "has space:1")
                .stopTimeoutSeconds(121)
                .build();
        TaskDefinitionSpec spec =
                Specs.minimal().toBuilder().sidecars(List.of(bad)).build();
        assertThat(SpecValidator.validate(spec))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder("sidecars[otel].image", "sidecars[otel].stopTimeoutSeconds");
    }

    @Test
    void rejectsDuplicateContainerNamesAndTooManyContainers() {
        ContainerSpec twin =
                ContainerSpec.builder("agent", "busybox").essential(false).build();
        assertThat(fieldsOf(b -> b.sidecars(List.of(twin)))).containsExactly("sidecars[agent].name");
        List<ContainerSpec> many = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> ContainerSpec.builder("s" + i, "busybox").build())
                .toList();
        assertThat(fieldsOf(b -> b.sidecars(many))).containsExactly("sidecars");
    }

    @Test
    void dependenciesMustNameExistingContainersWithoutCycles() {
        ContainerSpec a = ContainerSpec.builder("a", "busybox")
                .dependsOn(List.of(new ContainerDependency("b", null)))
                .build();
        ContainerSpec b = ContainerSpec.builder("b", "busybox")
                .dependsOn(List.of(new ContainerDependency("a", DependencyCondition.COMPLETE)))
                .build();
        ContainerSpec c = ContainerSpec.builder("c", "busybox")
                .dependsOn(List.of(new ContainerDependency("nope", DependencyCondition.SUCCESS)))
                .build();
        assertThat(SpecValidator.validate(
                        Specs.minimal().toBuilder().sidecars(List.of(a, b, c)).build()))
                .extracting(SpecProblem::toString)
                .containsExactlyInAnyOrder(
                        "sidecars[a].dependsOn: dependency cycle through b",
                        "sidecars[b].dependsOn: dependency cycle through a",
                        "sidecars[c].dependsOn: no container named nope");
    }

    @Test
    void mountPointsNeedAKnownVolumeAndAnAbsolutePath() {
        TaskDefinitionSpec spec = Specs.minimal().toBuilder()
                .volumes(List.of(VolumeSpec.shared("shared")))
                .build();
        ContainerSpec agent = spec.agent().toBuilder()
                .mountPoints(List.of(new MountPoint("missing", "/x", false), new MountPoint("shared", "rel", true)))
                .build();
        assertThat(SpecValidator.validate(rebuildWithAgent(spec, agent)))
                .extracting(SpecProblem::problem)
                .containsExactlyInAnyOrder("no volume named missing", "containerPath must be an absolute path");
    }

    @Test
    void efsAccessPointsNeedTransitEncryption() {
        VolumeSpec efs = new VolumeSpec(
                "cache", new EfsVolume("fs-0123456789abcdef0", "/data", "fsap-0123456789abcdef0", false, false));
        assertThat(fieldsOf(b -> b.volumes(List.of(efs))))
                .containsExactlyInAnyOrder("volumes[cache].efs.transitEncryption", "volumes[cache].efs.rootDirectory");
        VolumeSpec badId = new VolumeSpec("cache", new EfsVolume("efs-1", null, null, false, false));
        assertThat(fieldsOf(b -> b.volumes(List.of(badId)))).containsExactly("volumes[cache].efs.fileSystemId");
    }

    @Test
    void secretsNeedArnsAndNoClashWithVariables() {
        ContainerSpec agent = Specs.minimal().agent().toBuilder()
                .environment(Map.of("TOKEN", "x", "1BAD", "y"))
                .secrets(Map.of("TOKEN", Specs.SECRET, "OTHER", "plain-name"))
                .build();
        TaskDefinitionSpec spec = rebuildWithAgent(Specs.minimal(), agent).toBuilder()
                .executionRoleArn(Specs.EXECUTION_ROLE)
                .build();
        assertThat(SpecValidator.validate(spec))
                .extracting(SpecProblem::problem)
                .containsExactlyInAnyOrder(
                        "'1BAD' is not a valid environment variable name",
                        "TOKEN is set both as a variable and a secret",
                        "OTHER needs the ARN of a Secrets Manager secret or an SSM parameter as valueFrom");
    }

    @Test
    void awslogsNeedsGroupRegionAndPrefixAndDriversAreFargateOnes() {
        ContainerSpec agent = Specs.minimal().agent().toBuilder()
                .logSettings(new LogSettings("awslogs", Map.of("awslogs-group", "/g")))
                .build();
        TaskDefinitionSpec spec = rebuildWithAgent(Specs.minimal(), agent).toBuilder()
                .executionRoleArn(Specs.EXECUTION_ROLE)
                .build();
        assertThat(SpecValidator.validate(spec))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder(
                        "agent.logSettings.awslogs-region", "agent.logSettings.awslogs-stream-prefix");
        ContainerSpec gelf =
                agent.toBuilder().logSettings(new LogSettings("gelf", Map.of())).build();
        assertThat(SpecValidator.validate(rebuildWithAgent(Specs.minimal(), gelf)))
                .extracting(SpecProblem::field)
                .containsExactly("agent.logSettings.driver");
    }

    @Test
    void ulimitsMustBeKnownAndOrdered() {
        ContainerSpec agent = Specs.minimal().agent().toBuilder()
                .ulimits(List.of(new Ulimit("files", 1, 2), new Ulimit("nofile", 10, 5)))
                .build();
        assertThat(SpecValidator.validate(rebuildWithAgent(Specs.minimal(), agent)))
                .extracting(SpecProblem::problem)
                .containsExactlyInAnyOrder(
                        "unknown ulimit files", "nofile: soft limit must be between 0 and the hard limit");
    }

    @Test
    void tagsLeaveRoomForOwnershipTagsAndAvoidReservedPrefixes() {
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 46; i++) {
            many.put("k" + i, "v");
        }
        assertThat(fieldsOf(b -> b.tags(many))).containsExactly("tags");
        assertThat(fieldsOf(b -> b.tags(Map.of("aws:x", "1", "ecs-fargate:cloud", "2"))))
                .containsExactly("tags", "tags");
    }

    @Test
    void overridesAreCheckedAgainstTheDefinition() {
        TaskDefinitionSpec spec = Specs.minimal();
        assertThat(SpecValidator.validate(LaunchOverrides.NONE.withSize(1024, 4096), spec))
                .isEmpty();
        assertThat(SpecValidator.validate(new LaunchOverrides(4096, null, null, null, null, null, null), spec))
                .extracting(SpecProblem::field)
                .containsExactly("overrides.memory");
        assertThat(SpecValidator.validate(LaunchOverrides.NONE.withEphemeralStorageGiB(500), spec))
                .extracting(SpecProblem::field)
                .containsExactly("overrides.ephemeralStorageGiB");
        assertThat(SpecValidator.validate(LaunchOverrides.NONE.withRoles("nope", null), spec))
                .extracting(SpecProblem::field)
                .containsExactly("overrides.taskRoleArn");
    }

    @Test
    void requireValidListsEveryProblem() {
        TaskDefinitionSpec spec =
                Specs.minimal().toBuilder().cpu(3).ephemeralStorageGiB(1).build();
        assertThatThrownBy(() -> SpecValidator.requireValid(spec))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems())
                        .extracting(SpecProblem::field)
                        .containsExactlyInAnyOrder("cpu", "ephemeralStorageGiB"));
    }

    private static List<String> fieldsOf(UnaryOperator<TaskDefinitionSpec.Builder> change) {
        return SpecValidator.validate(change.apply(Specs.minimal().toBuilder()).build()).stream()
                .map(SpecProblem::field)
                .toList();
    }

    private static TaskDefinitionSpec rebuildWithAgent(TaskDefinitionSpec spec, ContainerSpec agent) {
        return spec.toBuilder().agent(agent).build();
    }
}
