package io.jenkins.plugins.ecsfargate.emulator;

import static io.jenkins.plugins.ecsfargate.emulator.EcsAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

class EcsTaskDefinitionContractTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private EcsClient client;

    @BeforeEach
    void connect() {
        client = aws.ecsClientWithoutRetries();
    }

    private EcsClient ecs() {
        return client;
    }

    private TaskDefinition register(String family) {
        return ecs().registerTaskDefinition(EcsRequests.taskDefinition(family).build())
                .taskDefinition();
    }

    @Test
    void registerNumbersRevisionsAndNormalizesSizes() {
        TaskDefinition first = register("agent");
        TaskDefinition second = ecs().registerTaskDefinition(EcsRequests.taskDefinition("agent")
                        .cpu("1 vCPU")
                        .memory("2GB")
                        .build())
                .taskDefinition();

        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/agent:1");
        assertThat(first.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(first.registeredAt()).isEqualTo(aws.clock().instant());
        assertThat(first.containerDefinitions().get(0).essential()).isTrue();
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.cpu()).isEqualTo("1024");
        assertThat(second.memory()).isEqualTo("2048");
    }

    @Test
    void describeByFamilyRevisionOrArnWithTags() {
        ecs().registerTaskDefinition(EcsRequests.taskDefinition("agent")
                .tags(Tag.builder().key("jenkins.template").value("fargate").build())
                .build());
        register("agent");

        assertThat(ecs().describeTaskDefinition(r -> r.taskDefinition("agent"))
                        .taskDefinition()
                        .revision())
                .isEqualTo(2);
        DescribeTaskDefinitionResponse withTags =
                ecs().describeTaskDefinition(r -> r.taskDefinition("agent:1").include(TaskDefinitionField.TAGS));
        assertThat(withTags.tags())
                .containsExactly(
                        Tag.builder().key("jenkins.template").value("fargate").build());
        assertThat(ecs().describeTaskDefinition(r -> r.taskDefinition("agent:1"))
                        .hasTags())
                .isFalse();
        assertThat(ecs().describeTaskDefinition(
                                r -> r.taskDefinition("arn:aws:ecs:us-east-1:123456789012:task-definition/agent:2"))
                        .taskDefinition()
                        .revision())
                .isEqualTo(2);
    }

    @Test
    void describeUnknownIsClientException() {
        assertRejected(() -> ecs().describeTaskDefinition(r -> r.taskDefinition("nope")), "ClientException");
        register("agent");
        assertRejected(() -> ecs().describeTaskDefinition(r -> r.taskDefinition("agent:9")), "ClientException");
    }

    @Test
    void listFiltersSortsAndPages() {
        register("a");
        register("a");
        register("b");
        ecs().deregisterTaskDefinition(r -> r.taskDefinition("a:1"));

        assertThat(ecs().listTaskDefinitions(r -> {}).taskDefinitionArns())
                .extracting(arn -> arn.substring(arn.lastIndexOf('/') + 1))
                .containsExactly("a:2", "b:1");
        assertThat(ecs().listTaskDefinitions(r -> r.sort(SortOrder.DESC)).taskDefinitionArns())
                .extracting(arn -> arn.substring(arn.lastIndexOf('/') + 1))
                .containsExactly("b:1", "a:2");
        assertThat(ecs().listTaskDefinitions(r -> r.status(TaskDefinitionStatus.INACTIVE))
                        .taskDefinitionArns())
                .singleElement()
                .asString()
                .endsWith("a:1");
        assertThat(ecs().listTaskDefinitions(r -> r.familyPrefix("b")).taskDefinitionArns())
                .hasSize(1);

        var page = ecs().listTaskDefinitions(r -> r.maxResults(1));
        assertThat(page.taskDefinitionArns()).hasSize(1);
        assertThat(page.nextToken()).isNotNull();
        var rest = ecs().listTaskDefinitions(r -> r.maxResults(1).nextToken(page.nextToken()));
        assertThat(rest.taskDefinitionArns()).hasSize(1);
        assertThat(rest.nextToken()).isNull();
        assertThat(ecs().listTaskDefinitionsPaginator(r -> r.maxResults(1)).taskDefinitionArns())
                .hasSize(2);
        assertRejected(() -> ecs().listTaskDefinitions(r -> r.maxResults(101)), "InvalidParameterException");
    }

    @Test
    void familiesByPrefixAndStatus() {
        register("jenkins-a");
        register("jenkins-b");
        register("other");
        ecs().deregisterTaskDefinition(r -> r.taskDefinition("jenkins-b:1"));

        assertThat(ecs().listTaskDefinitionFamilies(r -> r.familyPrefix("jenkins"))
                        .families())
                .containsExactly("jenkins-a", "jenkins-b");
        assertThat(ecs().listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.ACTIVE))
                        .families())
                .containsExactly("jenkins-a", "other");
        assertThat(ecs().listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.INACTIVE))
                        .families())
                .containsExactly("jenkins-b");
    }

    @Test
    void deregisterNeedsARevisionAndMakesItInactive() {
        register("agent");

        assertRejected(() -> ecs().deregisterTaskDefinition(r -> r.taskDefinition("agent")), "ClientException");
        TaskDefinition inactive =
                ecs().deregisterTaskDefinition(r -> r.taskDefinition("agent:1")).taskDefinition();

        assertThat(inactive.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(inactive.deregisteredAt()).isNotNull();
        assertRejected(() -> ecs().describeTaskDefinition(r -> r.taskDefinition("agent")), "ClientException");
        assertThat(ecs().describeTaskDefinition(r -> r.taskDefinition("agent:1"))
                        .taskDefinition()
                        .status())
                .isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(register("agent").revision()).isEqualTo(2);
    }

    @Test
    void deleteOnlyInactiveRevisions() {
        register("agent");
        register("agent");
        ecs().deregisterTaskDefinition(r -> r.taskDefinition("agent:1"));

        var answer = ecs().deleteTaskDefinitions(r -> r.taskDefinitions("agent:1", "agent:2", "ghost:1"));

        assertThat(answer.taskDefinitions()).singleElement().satisfies(td -> {
            assertThat(td.revision()).isEqualTo(1);
            assertThat(td.status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
            assertThat(td.deleteRequestedAt()).isNotNull();
        });
        assertThat(answer.failures()).hasSize(2);
        assertRejected(
                () -> ecs().deleteTaskDefinitions(r -> r.taskDefinitions(
                        "a:1", "a:2", "a:3", "a:4", "a:5", "a:6", "a:7", "a:8", "a:9", "a:10", "a:11")),
                "InvalidParameterException");
    }

    @Test
    void rejectsSizesFargateDoesNotOffer() {
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .cpu("256")
                        .memory("4096")
                        .build()),
                "ClientException");
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .cpu("8192")
                        .memory("18432")
                        .build()),
                "ClientException");
        assertThat(ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                                .cpu("8192")
                                .memory("20480")
                                .build())
                        .taskDefinition()
                        .memory())
                .isEqualTo("20480");
    }

    @Test
    void fargateNeedsAwsvpcTaskSizeAndExecutionRoleForAwslogs() {
        assertThat(FargateSizes.valid(512, 3072)).isTrue();
        assertThat(FargateSizes.valid(512, 5120)).isFalse();
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .networkMode(NetworkMode.BRIDGE)
                        .build()),
                "ClientException");
        assertRejected(
                () -> ecs().registerTaskDefinition(
                                EcsRequests.taskDefinition("x").cpu(null).build()),
                "ClientException");
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("agent")
                                .image("i")
                                .logConfiguration(LogConfiguration.builder()
                                        .logDriver(LogDriver.AWSLOGS)
                                        .build())
                                .build())
                        .build()),
                "ClientException");
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .ephemeralStorage(
                                EphemeralStorage.builder().sizeInGiB(201).build())
                        .build()),
                "ClientException");
    }

    @Test
    void rejectsBadFamiliesAndContainers() {
        assertRejected(
                () -> ecs().registerTaskDefinition(
                                EcsRequests.taskDefinition("bad name").build()),
                "ClientException");
        List<ContainerDefinition> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(ContainerDefinition.builder().name("c" + i).image("i").build());
        }
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .containerDefinitions(eleven)
                        .build()),
                "ClientException");
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .containerDefinitions(
                                ContainerDefinition.builder().name("agent").build())
                        .build()),
                "ClientException");
    }

    @Test
    void rejectsTagsBreakingTheRules() {
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .tags(Tag.builder().key("aws:reserved").value("v").build())
                        .build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .tags(Tag.builder().key("k".repeat(129)).value("v").build())
                        .build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs().registerTaskDefinition(EcsRequests.taskDefinition("x")
                        .tags(Tag.builder().key("k").value("v".repeat(257)).build())
                        .build()),
                "InvalidParameterException");
    }
}
