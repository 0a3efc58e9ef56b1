package io.jenkins.plugins.ecsfargate.engine.retry;

import java.util.Map;

/**
 * The ECS request-throttling buckets the engine's calls fall into, with AWS's default burst and refill rate
 * (per account and Region). RunTask on Fargate draws from {@link #FARGATE_RUN_TASK} as well as
 * {@link #CLUSTER_RESOURCE_MODIFY}.
 */
public enum EcsBucket {
    CLUSTER_READ(50, 20),
    TASK_DEFINITION_MODIFY(20, 1),
    TASK_DEFINITION_READ(50, 20),
    TASK_DEFINITION_DELETE(5, 1),
    TAG_MODIFY(20, 10),
    TAG_READ(50, 20),
    CLUSTER_RESOURCE_MODIFY(100, 40),
    CLUSTER_RESOURCE_READ(100, 20),
    FARGATE_RUN_TASK(20, 20),
    /** Not ECS: Cloud Map's DiscoverInstances, 2,000 burst and 1,000/s. */
    CLOUD_MAP_DISCOVER(2000, 1000);

    private static final Map<String, EcsBucket[]> BY_OPERATION = Map.ofEntries(
            Map.entry("DescribeClusters", new EcsBucket[] {CLUSTER_READ}),
            Map.entry("RegisterTaskDefinition", new EcsBucket[] {TASK_DEFINITION_MODIFY}),
            Map.entry("DeregisterTaskDefinition", new EcsBucket[] {TASK_DEFINITION_MODIFY}),
            Map.entry("DescribeTaskDefinition", new EcsBucket[] {TASK_DEFINITION_READ}),
            Map.entry("ListTaskDefinitions", new EcsBucket[] {TASK_DEFINITION_READ}),
            Map.entry("ListTaskDefinitionFamilies", new EcsBucket[] {TASK_DEFINITION_READ}),
            Map.entry("DeleteTaskDefinitions", new EcsBucket[] {TASK_DEFINITION_DELETE}),
            Map.entry("TagResource", new EcsBucket[] {TAG_MODIFY}),
            Map.entry("ListTagsForResource", new EcsBucket[] {TAG_READ}),
            Map.entry("RunTask", new EcsBucket[] {CLUSTER_RESOURCE_MODIFY, FARGATE_RUN_TASK}),
            Map.entry("StopTask", new EcsBucket[] {CLUSTER_RESOURCE_MODIFY}),
            Map.entry("DescribeTasks", new EcsBucket[] {CLUSTER_RESOURCE_READ}),
            Map.entry("ListTasks", new EcsBucket[] {CLUSTER_RESOURCE_READ}),
            Map.entry("DiscoverInstances", new EcsBucket[] {CLOUD_MAP_DISCOVER}));

    private final int burst;
    private final int refillPerSecond;

    EcsBucket(int burst, int refillPerSecond) {
        this.burst = burst;
        this.refillPerSecond = refillPerSecond;
    }

    public int burst() {
        return burst;
    }

    public int refillPerSecond() {
        return refillPerSecond;
    }

    /** The buckets an operation draws from; an unknown operation is a programming error. */
    public static EcsBucket[] forOperation(String operation) {
        EcsBucket[] buckets = BY_OPERATION.get(operation);
        if (buckets == null) {
            throw new IllegalArgumentException("no throttling bucket known for " + operation);
        }
        return buckets.clone();
    }
}
