package io.jenkins.plugins.ecsfargate.emulator;

import static io.jenkins.plugins.ecsfargate.emulator.EcsAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

class EcsRunTaskContractTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private EcsClient ecs;
    private String definition;

    @BeforeEach
    void setUp() {
        ecs = aws.ecsClientWithoutRetries();
        aws.ecs().quotas().setOnDemandVcpu(4000).setSpotVcpu(4000);
        definition = ecs.registerTaskDefinition(EcsRequests.taskDefinition("agent")
                        .tags(Tag.builder().key("from").value("definition").build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private RunTaskRequest.Builder run() {
        return EcsRequests.runTask(definition);
    }

    private static NetworkConfiguration vpc(List<String> subnets, List<String> groups) {
        return NetworkConfiguration.builder()
                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                        .subnets(subnets)
                        .securityGroups(groups)
                        .build())
                .build();
    }

    @Test
    void launchesTheShapeAwsReturns() {
        RunTaskResponse answer = ecs.runTask(run().count(2)
                .startedBy("jenkins/controller-1")
                .tags(Tag.builder().key("jenkins.agent").value("a-1").build())
                .build());

        assertThat(answer.failures()).isEmpty();
        assertThat(answer.tasks()).hasSize(2);
        Task task = answer.tasks().get(0);
        assertThat(task.taskArn()).matches("arn:aws:ecs:us-east-1:123456789012:task/default/[0-9a-f]{32}");
        assertThat(task.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/default");
        assertThat(task.taskDefinitionArn()).isEqualTo(definition);
        assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(task.group()).isEqualTo("family:agent");
        assertThat(task.startedBy()).isEqualTo("jenkins/controller-1");
        assertThat(task.platformVersion()).isEqualTo("1.4.0");
        assertThat(task.cpu()).isEqualTo("256");
        assertThat(task.tags())
                .containsExactly(Tag.builder().key("jenkins.agent").value("a-1").build());
        assertThat(task.attachments()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("ElasticNetworkInterface");
            assertThat(a.status()).isEqualTo("PRECREATED");
        });
        assertThat(task.containers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("agent");
            assertThat(c.lastStatus()).isEqualTo("PENDING");
        });
        assertThat(aws.stats().calls("ecs:RunTask")).isEqualTo(1);
    }

    @Test
    void capacityProviderStrategyNamesTheProvider() {
        Task task = ecs.runTask(run().launchType((LaunchType) null)
                        .capacityProviderStrategy(EcsRequests.strategyItem("FARGATE_SPOT", 1, 0))
                        .build())
                .tasks()
                .get(0);
        assertThat(task.capacityProviderName()).isEqualTo("FARGATE_SPOT");

        List<String> providers = new ArrayList<>();
        ecs.runTask(run().launchType((LaunchType) null)
                        .count(10)
                        .capacityProviderStrategy(
                                EcsRequests.strategyItem("FARGATE", 1, 2),
                                EcsRequests.strategyItem("FARGATE_SPOT", 3, 0))
                        .build())
                .tasks()
                .forEach(t -> providers.add(t.capacityProviderName()));
        assertThat(Collections.frequency(providers, "FARGATE")).isEqualTo(4);
        assertThat(Collections.frequency(providers, "FARGATE_SPOT")).isEqualTo(6);
    }

    @Test
    void withoutLaunchTypeTheClusterDefaultStrategyApplies() {
        Task task =
                ecs.runTask(run().launchType((LaunchType) null).build()).tasks().get(0);
        assertThat(task.capacityProviderName()).isEqualTo("FARGATE");

        aws.ecs().createCluster("bare", "FARGATE");
        assertRejected(
                () -> ecs.runTask(
                        run().cluster("bare").launchType((LaunchType) null).build()),
                "InvalidParameterException");
    }

    @Test
    void unknownClusterOrDefinition() {
        assertRejected(() -> ecs.runTask(run().cluster("nope").build()), "ClusterNotFoundException");
        assertRejected(() -> ecs.runTask(run().taskDefinition("ghost:1").build()), "ClientException");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(definition));
        assertRejected(() -> ecs.runTask(run().build()), "InvalidParameterException");
    }

    @Test
    void countMustBeOneToTen() {
        assertRejected(() -> ecs.runTask(run().count(0).build()), "InvalidParameterException");
        assertRejected(() -> ecs.runTask(run().count(11).build()), "InvalidParameterException");
        assertThat(ecs.runTask(run().count(10).build()).tasks()).hasSize(10);
    }

    @Test
    void launchTypeAndStrategyAreExclusiveAndStrategiesFollowTheRules() {
        assertRejected(
                () -> ecs.runTask(run().capacityProviderStrategy(EcsRequests.strategyItem("FARGATE", 1, 0))
                        .build()),
                "InvalidParameterException");
        assertRejected(() -> ecs.runTask(run().launchType(LaunchType.EC2).build()), "InvalidParameterException");
        aws.ecs().createCluster("spotless", "FARGATE");
        assertRejected(
                () -> ecs.runTask(run().cluster("spotless")
                        .launchType((LaunchType) null)
                        .capacityProviderStrategy(EcsRequests.strategyItem("FARGATE_SPOT", 1, 0))
                        .build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs.runTask(run().launchType((LaunchType) null)
                        .capacityProviderStrategy(
                                EcsRequests.strategyItem("FARGATE", 1, 1),
                                EcsRequests.strategyItem("FARGATE_SPOT", 1, 1))
                        .build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs.runTask(run().launchType((LaunchType) null)
                        .capacityProviderStrategy(
                                EcsRequests.strategyItem("FARGATE", 0, 0),
                                EcsRequests.strategyItem("FARGATE_SPOT", 0, 0))
                        .build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs.runTask(run().launchType((LaunchType) null)
                        .capacityProviderStrategy(EcsRequests.strategyItem("FARGATE", 1001, 0))
                        .build()),
                "InvalidParameterException");
    }

    @Test
    void awsvpcNeedsAValidNetworkConfiguration() {
        assertRejected(
                () -> ecs.runTask(
                        run().networkConfiguration((NetworkConfiguration) null).build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs.runTask(
                        run().networkConfiguration(vpc(List.of(), List.of())).build()),
                "InvalidParameterException");
        List<String> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeen.add(String.format("subnet-%017x", i));
        }
        assertRejected(
                () -> ecs.runTask(
                        run().networkConfiguration(vpc(seventeen, List.of())).build()),
                "InvalidParameterException");
        assertThat(ecs.runTask(run().networkConfiguration(vpc(seventeen.subList(0, 16), List.of()))
                                .build())
                        .tasks())
                .hasSize(1);
        List<String> sixGroups =
                List.of("sg-00000001", "sg-00000002", "sg-00000003", "sg-00000004", "sg-00000005", "sg-00000006");
        assertRejected(
                () -> ecs.runTask(run().networkConfiguration(vpc(List.of(EcsRequests.SUBNET), sixGroups))
                        .build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs.runTask(run().networkConfiguration(vpc(List.of("subnet-xyz"), List.of()))
                        .build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs.runTask(run().networkConfiguration(vpc(List.of(EcsRequests.SUBNET), List.of("group-1")))
                        .build()),
                "InvalidParameterException");
    }

    @Test
    void startedByAndOverridesLimits() {
        assertRejected(() -> ecs.runTask(run().startedBy("a".repeat(129)).build()), "InvalidParameterException");
        assertRejected(() -> ecs.runTask(run().startedBy("has space").build()), "InvalidParameterException");
        assertThat(ecs.runTask(run().startedBy("a".repeat(128)).build()).tasks())
                .hasSize(1);

        TaskOverride big = TaskOverride.builder()
                .containerOverrides(ContainerOverride.builder()
                        .name("agent")
                        .environment(KeyValuePair.builder()
                                .name("BIG")
                                .value("x".repeat(8200))
                                .build())
                        .build())
                .build();
        assertRejected(() -> ecs.runTask(run().overrides(big).build()), "InvalidParameterException");
        TaskOverride stranger = TaskOverride.builder()
                .containerOverrides(ContainerOverride.builder().name("sidecar").build())
                .build();
        assertRejected(() -> ecs.runTask(run().overrides(stranger).build()), "InvalidParameterException");
        TaskOverride badSize = TaskOverride.builder().cpu("256").memory("8192").build();
        assertRejected(() -> ecs.runTask(run().overrides(badSize).build()), "ClientException");
    }

    @Test
    void tagRulesAndPropagation() {
        List<Tag> fiftyOne = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertRejected(() -> ecs.runTask(run().tags(fiftyOne).build()), "InvalidParameterException");
        assertRejected(
                () -> ecs.runTask(
                        run().tags(Tag.builder().key("aws:x").value("v").build())
                                .build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs.runTask(
                        run().tags(Tag.builder().key("").value("v").build()).build()),
                "InvalidParameterException");
        assertRejected(
                () -> ecs.runTask(run().propagateTags(PropagateTags.SERVICE).build()), "InvalidParameterException");

        Task task = ecs.runTask(run().propagateTags(PropagateTags.TASK_DEFINITION)
                        .tags(Tag.builder().key("own").value("1").build())
                        .build())
                .tasks()
                .get(0);
        assertThat(task.tags()).extracting(Tag::key).containsExactlyInAnyOrder("from", "own");
    }

    @Test
    void platformVersionAndExecuteCommand() {
        assertRejected(() -> ecs.runTask(run().platformVersion("9.9.9").build()), "PlatformUnknownException");
        assertThat(ecs.runTask(run().platformVersion("LATEST").build())
                        .tasks()
                        .get(0)
                        .platformVersion())
                .isEqualTo("1.4.0");
        assertRejected(() -> ecs.runTask(run().enableExecuteCommand(true).build()), "InvalidParameterException");
    }

    @Test
    void clientTokenMakesRunTaskIdempotent() {
        RunTaskResponse first =
                ecs.runTask(run().count(2).clientToken("token-1").build());
        RunTaskResponse again =
                ecs.runTask(run().count(2).clientToken("token-1").build());

        assertThat(again.tasks())
                .extracting(Task::taskArn)
                .containsExactlyElementsOf(
                        first.tasks().stream().map(Task::taskArn).toList());
        assertThat(aws.ecs().liveTasks()).hasSize(2);

        assertThatThrownBy(
                        () -> ecs.runTask(run().count(3).clientToken("token-1").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConflictException");
                    assertThat(e.resourceIds())
                            .containsExactlyElementsOf(
                                    first.tasks().stream().map(Task::taskArn).toList());
                });
        assertRejected(() -> ecs.runTask(run().clientToken("x".repeat(65)).build()), "InvalidParameterException");
    }
}
