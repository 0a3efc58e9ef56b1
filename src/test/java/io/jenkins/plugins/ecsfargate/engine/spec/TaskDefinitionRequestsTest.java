package io.jenkins.plugins.ecsfargate.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;

class TaskDefinitionRequestsTest {
    private static final OwnershipTags.Owner OWNER = new OwnershipTags.Owner("controller-1", "prod");

    @Test
    void mapsEveryFieldForFargate() {
        TaskDefinitionSpec spec = Specs.full();
        RegisterTaskDefinitionRequest request = TaskDefinitionRequests.register("fam", "maven", spec, OWNER);
        assertThat(request.family()).isEqualTo("fam");
        assertThat(request.requiresCompatibilities()).containsExactly(Compatibility.FARGATE);
        assertThat(request.networkMode()).isEqualTo(NetworkMode.AWSVPC);
        assertThat(request.cpu()).isEqualTo("2048");
        assertThat(request.memory()).isEqualTo("8192");
        assertThat(request.runtimePlatform().cpuArchitectureAsString()).isEqualTo("ARM64");
        assertThat(request.runtimePlatform().operatingSystemFamilyAsString()).isEqualTo("LINUX");
        assertThat(request.ephemeralStorage().sizeInGiB()).isEqualTo(50);
        assertThat(request.executionRoleArn()).isEqualTo(Specs.EXECUTION_ROLE);
        assertThat(request.taskRoleArn()).isEqualTo(Specs.TASK_ROLE);
        assertThat(request.containerDefinitions())
                .extracting(ContainerDefinition::name)
                .containsExactly("agent", "docker");
        ContainerDefinition agent = request.containerDefinitions().get(0);
        assertThat(agent.essential()).isTrue();
        assertThat(agent.environment())
                .extracting(kv -> kv.name() + "=" + kv.value())
                .containsExactly("A_VAR=1", "B_VAR=2");
        assertThat(agent.secrets())
                .extracting(s -> s.name(), s -> s.valueFrom())
                .containsExactly(tuple("MAVEN_TOKEN", Specs.SECRET));
        assertThat(agent.linuxParameters().initProcessEnabled()).isTrue();
        assertThat(agent.stopTimeout()).isEqualTo(60);
        assertThat(agent.ulimits()).extracting(u -> u.nameAsString()).containsExactly("nofile", "nproc");
        assertThat(agent.mountPoints()).extracting(m -> m.sourceVolume()).containsExactly("cache", "shared");
        assertThat(agent.dependsOn())
                .extracting(d -> d.containerName() + ":" + d.conditionAsString())
                .containsExactly("docker:START");
        assertThat(agent.logConfiguration().logDriverAsString()).isEqualTo("awslogs");
        assertThat(agent.logConfiguration().options()).containsEntry("awslogs-stream-prefix", "agent");
        assertThat(agent.workingDirectory()).isEqualTo("/home/jenkins/agent");
        assertThat(agent.user()).isEqualTo("1000:1000");
        assertThat(request.containerDefinitions().get(1).essential()).isFalse();
        assertThat(request.volumes()).extracting(v -> v.name()).containsExactly("cache", "shared");
        var efs = request.volumes().get(0).efsVolumeConfiguration();
        assertThat(efs.fileSystemId()).isEqualTo("fs-0123456789abcdef0");
        assertThat(efs.transitEncryptionAsString()).isEqualTo("ENABLED");
        assertThat(efs.authorizationConfig().accessPointId()).isEqualTo("fsap-0123456789abcdef0");
        assertThat(efs.authorizationConfig().iamAsString()).isEqualTo("ENABLED");
        assertThat(request.volumes().get(1).efsVolumeConfiguration()).isNull();
    }

    @Test
    void tagsCarryOwnershipAndTheHash() {
        TaskDefinitionSpec spec = Specs.full();
        RegisterTaskDefinitionRequest request = TaskDefinitionRequests.register("fam", "maven", spec, OWNER);
        assertThat(request.tags())
                .extracting(Tag::key, Tag::value)
                .contains(
                        tuple("team", "build"),
                        tuple(OwnershipTags.CONTROLLER, "controller-1"),
                        tuple(OwnershipTags.CLOUD, "prod"),
                        tuple(OwnershipTags.TEMPLATE, "maven"),
                        tuple(OwnershipTags.SPEC_HASH, SpecHash.of(spec)))
                .hasSize(5);
    }

    @Test
    void defaultsAreLeftToEcsWhereEcsHasThem() {
        RegisterTaskDefinitionRequest request = TaskDefinitionRequests.register("fam", "t", Specs.minimal(), OWNER);
        assertThat(request.ephemeralStorage()).isNull();
        ContainerDefinition agent = request.containerDefinitions().get(0);
        assertThat(agent.linuxParameters()).isNull();
        assertThat(agent.logConfiguration()).isNull();
        assertThat(agent.hasCommand()).isFalse();
        assertThat(agent.stopTimeout()).isEqualTo(30);
    }
}
