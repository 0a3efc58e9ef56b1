package io.jenkins.plugins.ecsfargate.engine.tracking;

import java.util.Objects;

/**
 * Names one agent's ECS task: everything the engine needs to follow or stop it, and all the adapter has to keep
 * (as Strings) to find it again after a restart.
 *
 * @param cluster the cluster name or ARN the task was started in
 * @param taskArn the ARN RunTask returned
 * @param agentName the Jenkins agent the task runs, as in its agent-name tag
 */
public record TaskHandle(String cluster, String taskArn, String agentName) {
    public TaskHandle {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(agentName, "agentName");
    }
}
