package io.jenkins.plugins.ecsfargate.engine.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class RequiredPermissionsTest {
    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/jenkins-execution";
    private static final String CONTROLLER = "arn:aws:iam::123456789012:role/JenkinsRole";

    private static Map<String, Permission> byAction(PermissionScope scope) {
        return RequiredPermissions.of(scope).stream()
                .collect(Collectors.toMap(Permission::action, Function.identity()));
    }

    private static PermissionScope scope(String region, PreflightTarget.CloudMapName cloudMap) {
        return new PermissionScope(
                PermissionScope.partitionOf(region),
                region,
                "123456789012",
                "default-cluster",
                List.of("jenkins_ecs-cloud_jenkins-agent"),
                List.of(EXECUTION_ROLE),
                CONTROLLER,
                cloudMap);
    }

    @Test
    void scopesTaskActionsToTheClusterAndTheFamilies() {
        Map<String, Permission> permissions = byAction(scope("us-east-1", null));
        Permission runTask = permissions.get("ecs:RunTask");
        assertThat(runTask.resources())
                .containsExactly(
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/jenkins_ecs-cloud_jenkins-agent:*");
        assertThat(runTask.conditions())
                .containsEntry(
                        "ArnEquals",
                        Map.of("ecs:cluster", List.of("arn:aws:ecs:us-east-1:123456789012:cluster/default-cluster")));
        assertThat(permissions.get("ecs:StopTask").resources())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:task/default-cluster/*");
        assertThat(permissions.get("iam:PassRole").resources()).containsExactly(EXECUTION_ROLE);
        assertThat(permissions.get("iam:PassRole").conditions())
                .containsEntry("StringEquals", Map.of("iam:PassedToService", List.of("ecs-tasks.amazonaws.com")));
        assertThat(permissions.get("iam:GetRole").resources()).containsExactly(EXECUTION_ROLE, CONTROLLER);
        assertThat(permissions).doesNotContainKey("servicediscovery:DiscoverInstances");
        assertThat(permissions.keySet()).allSatisfy(action -> assertThat(action).doesNotContain("*"));
    }

    @Test
    void addsCloudMapOnlyWhenTheTunnelIsResolvedThere() {
        Map<String, Permission> permissions =
                byAction(scope("us-east-1", new PreflightTarget.CloudMapName("jenkins-ns", "jenkins")));
        assertThat(permissions.get("servicediscovery:DiscoverInstances").conditions())
                .containsEntry(
                        "StringEquals",
                        Map.of(
                                "servicediscovery:NamespaceName", List.of("jenkins-ns"),
                                "servicediscovery:ServiceName", List.of("jenkins")));
    }

    @Test
    void usesThePartitionOfTheRegion() {
        assertThat(byAction(scope("cn-north-1", null))
                        .get("ecs:DescribeClusters")
                        .resources())
                .containsExactly("arn:aws-cn:ecs:cn-north-1:123456789012:cluster/default-cluster");
        assertThat(PermissionScope.partitionOf("us-gov-west-1")).isEqualTo("aws-us-gov");
    }

    @Test
    void rendersAValidPolicyDocumentWithEveryPermission() {
        List<Permission> permissions =
                RequiredPermissions.of(scope("us-east-1", new PreflightTarget.CloudMapName("ns", "jenkins")));
        JsonNode document = JsonNode.parser().parse(PolicyDocument.render(permissions));
        List<JsonNode> statements = document.asObject().get("Statement").asArray();
        assertThat(document.asObject().get("Version").asString()).isEqualTo("2012-10-17");
        assertThat(statements).hasSameSizeAs(permissions);
        assertThat(statements.stream()
                        .map(s -> s.asObject().get("Action").asString())
                        .toList())
                .containsExactlyElementsOf(
                        permissions.stream().map(Permission::action).toList());
        JsonNode runTask = statements.stream()
                .filter(s -> s.asObject().get("Action").asString().equals("ecs:RunTask"))
                .findFirst()
                .orElseThrow();
        assertThat(runTask.asObject()
                        .get("Condition")
                        .asObject()
                        .get("ArnEquals")
                        .asObject()
                        .get("ecs:cluster")
                        .asString())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/default-cluster");
    }
}
