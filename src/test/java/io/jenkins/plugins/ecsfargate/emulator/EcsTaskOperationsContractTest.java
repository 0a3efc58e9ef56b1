package io.jenkins.plugins.ecsfargate.emulator;

import static io.jenkins.plugins.ecsfargate.emulator.EcsAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

class EcsTaskOperationsContractTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private EcsClient ecs;
    private String definition;

    @BeforeEach
    void setUp() {
        ecs = aws.ecsClientWithoutRetries();
        aws.ecs().quotas().setOnDemandVcpu(4000);
        definition = ecs.registerTaskDefinition(
                        EcsRequests.taskDefinition("agent").build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private List<Task> run(int count, String startedBy) {
        return ecs.runTask(EcsRequests.runTask(definition)
                        .count(count)
                        .startedBy(startedBy)
                        .tags(Tag.builder().key("k").value("v").build())
                        .build())
                .tasks();
    }

    @Test
    void describeTasksByArnOrIdWithTagsAndMissing() {
        Task task = run(1, null).get(0);
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);

        var answer = ecs.describeTasks(r ->
                r.tasks(task.taskArn(), id, "0123456789abcdef0123456789abcdef").include(TaskField.TAGS));

        assertThat(answer.tasks()).hasSize(2).allSatisfy(t -> assertThat(t.tags())
                .hasSize(1));
        assertThat(answer.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .isEqualTo("MISSING"));
        assertThat(ecs.describeTasks(r -> r.tasks(id)).tasks().get(0).hasTags()).isFalse();
    }

    @Test
    void describeTasksLimitsAndUnknownCluster() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(String.format("%032x", i));
        }
        assertRejected(() -> ecs.describeTasks(r -> r.tasks(ids)), "InvalidParameterException");
        assertThat(ecs.describeTasks(r -> r.tasks(ids.subList(0, 100))).failures())
                .hasSize(100);
        assertRejected(() -> ecs.describeTasks(r -> r.tasks(List.of())), "InvalidParameterException");
        assertRejected(() -> ecs.describeTasks(r -> r.cluster("nope").tasks(ids.get(0))), "ClusterNotFoundException");
    }

    @Test
    void listTasksFiltersByFamilyStartedByAndDesiredStatus() {
        List<Task> mine = run(3, "controller-a");
        run(2, "controller-b");
        String other = ecs.registerTaskDefinition(
                        EcsRequests.taskDefinition("other").build())
                .taskDefinition()
                .taskDefinitionArn();
        ecs.runTask(EcsRequests.runTask(other).build());
        ecs.stopTask(r -> r.task(mine.get(0).taskArn()));

        assertThat(ecs.listTasks(r -> {}).taskArns()).hasSize(5);
        assertThat(ecs.listTasks(r -> r.startedBy("controller-a")).taskArns()).hasSize(2);
        assertThat(ecs.listTasks(r -> r.family("other")).taskArns()).hasSize(1);
        assertThat(ecs.listTasks(r -> r.desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(mine.get(0).taskArn());
        assertThat(ecs.listTasks(r -> r.desiredStatus(DesiredStatus.PENDING)).taskArns())
                .isEmpty();
        assertRejected(() -> ecs.listTasks(r -> r.cluster("nope")), "ClusterNotFoundException");
        assertRejected(() -> ecs.listTasks(r -> r.serviceName("svc")), "ServiceNotFoundException");
    }

    @Test
    void listTasksPages() {
        for (int i = 0; i < 3; i++) {
            run(10, "bulk");
        }
        ListTasksResponse first = ecs.listTasks(r -> r.maxResults(25));
        assertThat(first.taskArns()).hasSize(25);
        ListTasksResponse second = ecs.listTasks(r -> r.maxResults(25).nextToken(first.nextToken()));
        assertThat(second.taskArns()).hasSize(5);
        assertThat(second.nextToken()).isNull();
        assertThat(ecs.listTasksPaginator(r -> r.maxResults(7)).taskArns()).hasSize(30);
        assertRejected(() -> ecs.listTasks(r -> r.maxResults(0)), "InvalidParameterException");
        assertRejected(() -> ecs.listTasks(r -> r.nextToken("garbage!")), "InvalidParameterException");
    }

    @Test
    void stopTaskWithReasonAndUnknownTask() {
        Task task = run(1, null).get(0);

        Task stopped = ecs.stopTask(r -> r.task(task.taskArn()).reason("agent retired"))
                .task();

        assertThat(stopped.stoppedReason()).isEqualTo("agent retired");
        assertRejected(
                () -> ecs.stopTask(r -> r.task("0123456789abcdef0123456789abcdef")), "InvalidParameterException");
        assertRejected(() -> ecs.stopTask(r -> r.cluster("nope").task(task.taskArn())), "ClusterNotFoundException");
        Task again = ecs.stopTask(r -> r.task(task.taskArn()).reason("second")).task();
        assertThat(again.stoppedReason()).isEqualTo("agent retired");
    }

    @Test
    void describeClustersCountsTasksAndReportsMissing() {
        run(2, null);
        aws.clock().advance(Duration.ofMinutes(2));
        run(1, null);

        var answer = ecs.describeClusters(r -> r.clusters("default", "ghost")
                .include(ClusterField.STATISTICS, ClusterField.TAGS, ClusterField.SETTINGS));

        Cluster cluster = answer.clusters().get(0);
        assertThat(cluster.clusterName()).isEqualTo("default");
        assertThat(cluster.status()).isEqualTo("ACTIVE");
        assertThat(cluster.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(cluster.runningTasksCount()).isEqualTo(2);
        assertThat(cluster.pendingTasksCount()).isEqualTo(1);
        assertThat(cluster.statistics()).isNotEmpty();
        assertThat(answer.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/ghost");
        });
        assertThat(ecs.describeClusters(r -> {}).clusters())
                .extracting(Cluster::clusterName)
                .containsExactly("default");
    }

    @Test
    void listClustersPagesEveryClusterArn() {
        aws.ecs().createCluster("build", "FARGATE");
        aws.ecs().createCluster("release", "FARGATE");

        var first = ecs.listClusters(r -> r.maxResults(2));
        var second = ecs.listClusters(r -> r.maxResults(2).nextToken(first.nextToken()));

        assertThat(first.clusterArns())
                .containsExactly(
                        "arn:aws:ecs:us-east-1:123456789012:cluster/default",
                        "arn:aws:ecs:us-east-1:123456789012:cluster/build");
        assertThat(second.clusterArns()).containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/release");
        assertThat(second.nextToken()).isNull();
        assertRejected(() -> ecs.listClusters(r -> r.maxResults(101)), "InvalidParameterException");
    }

    @Test
    void tagsOnTasksDefinitionsAndClusters() {
        Task task = run(1, null).get(0);
        String cluster = aws.ecs().clusterArn("default");

        for (String arn : List.of(task.taskArn(), definition, cluster)) {
            ecs.tagResource(r ->
                    r.resourceArn(arn).tags(Tag.builder().key("a").value("1").build()));
            ecs.tagResource(r ->
                    r.resourceArn(arn).tags(Tag.builder().key("a").value("2").build()));
            ecs.tagResource(r ->
                    r.resourceArn(arn).tags(Tag.builder().key("b").value("3").build()));
            ecs.untagResource(r -> r.resourceArn(arn).tagKeys("b"));
            assertThat(ecs.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .contains(Tag.builder().key("a").value("2").build())
                    .extracting(Tag::key)
                    .doesNotContain("b");
        }
    }

    @Test
    void tagErrors() {
        Task task = run(1, null).get(0);
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Tag.builder().key("t" + i).value("v").build());
        }
        assertRejected(() -> ecs.tagResource(r -> r.resourceArn(task.taskArn()).tags(fifty)), "LimitExceededException");
        assertRejected(
                () -> ecs.tagResource(r -> r.resourceArn(task.taskArn())
                        .tags(Tag.builder().key("aws:x").value("v").build())),
                "InvalidParameterException");
        assertRejected(
                () -> ecs.tagResource(r -> r.resourceArn("arn:aws:ecs:us-east-1:123456789012:task-definition/no:1")
                        .tags(Tag.builder().key("a").value("v").build())),
                "ResourceNotFoundException");
        assertRejected(
                () -> ecs.tagResource(r -> r.resourceArn("arn:aws:ecs:us-east-1:123456789012:cluster/nope")
                        .tags(Tag.builder().key("a").value("v").build())),
                "ClusterNotFoundException");
        assertRejected(() -> ecs.listTagsForResource(r -> r.resourceArn("not-an-arn")), "InvalidParameterException");
    }

    @Test
    void unknownOperationIsAnsweredAsAwsDoes() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(
                java.net.http.HttpRequest.newBuilder(aws.endpoint())
                        .header("X-Amz-Target", EcsService.TARGET_PREFIX + "MakeCoffee")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownOperationException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }
}
