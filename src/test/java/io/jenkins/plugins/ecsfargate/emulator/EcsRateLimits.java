package io.jenkins.plugins.ecsfargate.emulator;

/**
 * ECS's documented API throttling buckets (per account and Region; burst, then refill per second), and the separate
 * Fargate RunTask bucket. The Fargate task-launch buckets count tasks, not calls, so {@code EcsService} keeps them.
 */
public final class EcsRateLimits {
    private EcsRateLimits() {}

    /** Defines every ECS bucket on {@code limits}. */
    public static void applyDefaults(RateLimits limits) {
        limits.define("ecs.cluster-read", 50, 20, "ecs:DescribeClusters", "ecs:ListClusters");
        limits.define(
                "ecs.task-definition-modify", 20, 1, "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition");
        limits.define(
                "ecs.task-definition-read",
                50,
                20,
                "ecs:DescribeTaskDefinition",
                "ecs:ListTaskDefinitions",
                "ecs:ListTaskDefinitionFamilies");
        limits.define("ecs.task-definition-delete", 5, 1, "ecs:DeleteTaskDefinitions");
        limits.define("ecs.tag-modify", 20, 10, "ecs:TagResource", "ecs:UntagResource");
        limits.define("ecs.tag-read", 50, 20, "ecs:ListTagsForResource");
        limits.define("ecs.cluster-resource-modify", 100, 40, "ecs:RunTask", "ecs:StopTask", "ecs:StartTask");
        limits.define("ecs.cluster-resource-read", 100, 20, "ecs:DescribeTasks", "ecs:ListTasks");
        limits.define("ecs.fargate-run-task", 20, 20, "ecs:RunTask");
    }
}
