package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * Every ECS operation the emulator speaks, driven through the real EcsClient over a task's whole life, successes
 * and errors, with each answer checked against ECS's own model (botocore).
 */
class EcsConformanceTest {
    private final EmulatorClock clock = EmulatorClock.manual();
    private final EcsService ecs = new EcsService(clock, "us-east-1", "123456789012", 3L);
    private final AnswerRecorder recorder = new AnswerRecorder();
    private final EcsEmulator emulator = new EcsEmulator(clock);
    private EcsClient client;

    @BeforeEach
    void start() {
        ecs.createCluster(
                "default",
                List.of(FargateQuotas.FARGATE, FargateQuotas.FARGATE_SPOT),
                Map.of(FargateQuotas.FARGATE, 1));
        emulator.register(recorder.wrap(ecs));
        client = AwsClients.ecsWithoutRetries(emulator.start());
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
        assertThat(emulator.stats().internalErrors()).isEmpty();
    }

    @Test
    void everyEcsAnswerConformsToTheModel() {
        Tag tag = Tag.builder().key("jenkins.io/cloud").value("ecs").build();
        String taskDefinition = client.registerTaskDefinition(
                        EcsRequests.taskDefinition("jenkins-agent").tags(tag).build())
                .taskDefinition()
                .taskDefinitionArn();
        client.describeTaskDefinition(r -> r.taskDefinition(taskDefinition).include(TaskDefinitionField.TAGS));
        client.listTaskDefinitions(r -> r.familyPrefix("jenkins"));
        client.listTaskDefinitionFamilies();
        List<String> tasks = client
                .runTask(EcsRequests.runTask(taskDefinition)
                        .count(2)
                        .startedBy("jenkins")
                        .tags(tag)
                        .build())
                .tasks()
                .stream()
                .map(t -> t.taskArn())
                .toList();
        client.runTask(EcsRequests.runTask(taskDefinition)
                .launchType((String) null)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                        .capacityProvider(FargateQuotas.FARGATE_SPOT)
                        .weight(1)
                        .build())
                .build());
        describe(tasks);
        clock.advance(Duration.ofMinutes(2));
        ecs.tick();
        describe(tasks);
        client.listTasks(r -> r.cluster("default").family("jenkins-agent").maxResults(1));
        client.listTasks(r -> r.cluster("default").startedBy("jenkins").desiredStatus(DesiredStatus.RUNNING));
        client.describeClusters(r -> r.clusters("default", "missing").include(ClusterField.STATISTICS));
        client.listClusters(r -> r.maxResults(1));
        client.tagResource(r -> r.resourceArn(tasks.get(0))
                .tags(Tag.builder().key("k").value("v").build()));
        client.untagResource(r -> r.resourceArn(tasks.get(0)).tagKeys("k"));
        client.listTagsForResource(r -> r.resourceArn(tasks.get(0)));
        client.stopTask(r -> r.cluster("default").task(tasks.get(0)).reason("Agent finished"));
        ecs.containerExited(tasks.get(1), 137);
        clock.advance(Duration.ofMinutes(2));
        ecs.tick();
        describe(tasks);
        errors(
                () -> client.runTask(
                        EcsRequests.runTask(taskDefinition).cluster("missing").build()),
                () -> client.runTask(EcsRequests.runTask("jenkins-agent:99").build()),
                () -> client.registerTaskDefinition(
                        EcsRequests.taskDefinition("bad").cpu("3").build()),
                () -> client.runTask(EcsRequests.runTask(taskDefinition)
                        .capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                                .capacityProvider(FargateQuotas.FARGATE)
                                .build())
                        .build()),
                () -> client.describeTasks(r -> r.cluster("missing").tasks(tasks)),
                () -> client.stopTask(r -> r.cluster("default").task("not-a-task")),
                () -> client.listTagsForResource(r -> r.resourceArn("arn:aws:ecs:us-east-1:123456789012:task/x")));

        client.deregisterTaskDefinition(r -> r.taskDefinition(taskDefinition));
        client.deleteTaskDefinitions(r -> r.taskDefinitions(taskDefinition));
        assertThat(catchThrowable(
                        () -> client.runTask(EcsRequests.runTask(taskDefinition).build())))
                .as("RunTask on an inactive revision")
                .isNotNull();

        recorder.assertAllConform(BotocoreConformance.load());
        assertThat(recorder.operations())
                .contains(
                        "ecs:RegisterTaskDefinition",
                        "ecs:DescribeTaskDefinition",
                        "ecs:ListTaskDefinitions",
                        "ecs:ListTaskDefinitionFamilies",
                        "ecs:DeregisterTaskDefinition",
                        "ecs:DeleteTaskDefinitions",
                        "ecs:RunTask",
                        "ecs:DescribeTasks",
                        "ecs:StopTask",
                        "ecs:ListTasks",
                        "ecs:DescribeClusters",
                        "ecs:ListClusters",
                        "ecs:TagResource",
                        "ecs:UntagResource",
                        "ecs:ListTagsForResource");
    }

    @Test
    void windowsAnswersConformToTheModel() {
        String windows = client.registerTaskDefinition(
                        EcsRequests.windowsTaskDefinition("windows-agent").build())
                .taskDefinition()
                .taskDefinitionArn();
        client.describeTaskDefinition(r -> r.taskDefinition(windows));
        String task = client.runTask(EcsRequests.runTask(windows).build())
                .tasks()
                .get(0)
                .taskArn();
        clock.advance(Duration.ofMinutes(2));
        ecs.tick();
        client.describeTasks(r -> r.cluster("default").tasks(task));
        errors(
                () -> client.runTask(
                        EcsRequests.runTask(windows).platformVersion("1.4.0").build()),
                () -> client.runTask(EcsRequests.runTask(windows)
                        .launchType((String) null)
                        .capacityProviderStrategy(EcsRequests.strategyItem(FargateQuotas.FARGATE_SPOT, 1, 0))
                        .build()),
                () -> client.registerTaskDefinition(EcsRequests.windowsTaskDefinition("small")
                        .cpu("512")
                        .memory("1024")
                        .build()));

        recorder.assertAllConform(BotocoreConformance.load());
        assertThat(recorder.operations()).contains("ecs:RegisterTaskDefinition", "ecs:RunTask", "ecs:DescribeTasks");
    }

    private void describe(List<String> tasks) {
        client.describeTasks(r -> r.cluster("default")
                .tasks(tasks.get(0), tasks.get(1), "arn:aws:ecs:us-east-1:123456789012:task/default/0000")
                .include(TaskField.TAGS));
    }

    private static void errors(Runnable... calls) {
        for (Runnable call : calls) {
            assertThat(catchThrowable(call::run)).as("an error answer").isNotNull();
        }
    }
}
