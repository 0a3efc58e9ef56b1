package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * The least-privilege permission set of the plugin for one cloud, and the single source of truth for it: the
 * preflight simulates exactly these, the "required IAM policy" shown to administrators renders exactly these, and a
 * test proves they cover every AWS operation the engine performs and nothing more.
 */
public final class RequiredPermissions {
    private RequiredPermissions() {}

    public static List<Permission> of(PermissionScope scope) {
        List<String> definitions = scope.families().stream()
                .map(family -> scope.ecsArn("task-definition/" + family + ":*"))
                .toList();
        List<String> cluster = List.of(scope.clusterArn());
        List<String> tasks = List.of(scope.ecsArn("task/" + scope.clusterName() + "/*"));
        List<String> everything = List.of("*");
        List<Permission> permissions = new ArrayList<>();
        permissions.add(Permission.on("ecs:RegisterTaskDefinition", definitions));
        permissions.add(Permission.on("ecs:DeleteTaskDefinitions", definitions));
        permissions.add(Permission.on("ecs:DescribeTaskDefinition", everything));
        permissions.add(Permission.on("ecs:ListTaskDefinitions", everything));
        permissions.add(Permission.on("ecs:ListTaskDefinitionFamilies", everything));
        permissions.add(Permission.on("ecs:DeregisterTaskDefinition", everything));
        permissions.add(Permission.on("ecs:RunTask", definitions).when("ArnEquals", "ecs:cluster", cluster));
        permissions.add(Permission.on("ecs:DescribeTasks", tasks).when("ArnEquals", "ecs:cluster", cluster));
        permissions.add(Permission.on("ecs:StopTask", tasks).when("ArnEquals", "ecs:cluster", cluster));
        permissions.add(Permission.on("ecs:ListTasks", everything).when("ArnEquals", "ecs:cluster", cluster));
        permissions.add(Permission.on("ecs:DescribeClusters", cluster));
        List<String> tagged = new ArrayList<>(tasks);
        tagged.addAll(definitions);
        permissions.add(Permission.on("ecs:TagResource", tagged)
                .when("StringEquals", "ecs:CreateAction", List.of("RegisterTaskDefinition", "RunTask")));
        if (!scope.passedRoleArns().isEmpty()) {
            permissions.add(Permission.on("iam:PassRole", scope.passedRoleArns())
                    .when("StringEquals", "iam:PassedToService", List.of("ecs-tasks.amazonaws.com")));
        }
        List<String> readableRoles = new ArrayList<>(scope.passedRoleArns());
        if (scope.controllerRoleArn() != null) {
            readableRoles.add(scope.controllerRoleArn());
            permissions.add(Permission.on("iam:SimulatePrincipalPolicy", List.of(scope.controllerRoleArn())));
        }
        if (!readableRoles.isEmpty()) {
            permissions.add(Permission.on("iam:GetRole", readableRoles));
        }
        if (scope.cloudMap() != null) {
            permissions.add(Permission.on("servicediscovery:DiscoverInstances", everything)
                    .when(
                            "StringEquals",
                            "servicediscovery:NamespaceName",
                            List.of(scope.cloudMap().namespace()))
                    .when(
                            "StringEquals",
                            "servicediscovery:ServiceName",
                            List.of(scope.cloudMap().service())));
        }
        return List.copyOf(permissions);
    }
}
