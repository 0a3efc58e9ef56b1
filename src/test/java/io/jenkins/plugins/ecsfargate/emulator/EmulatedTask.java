package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only picture of one emulated task at one moment, for tests and benchmarks: what ECS would describe, plus
 * each container's effective command and environment (definition merged with RunTask overrides), so a test can
 * act as the agent inside it (read {@code JENKINS_AGENT_NAME} and {@code JENKINS_SECRET}).
 */
public record EmulatedTask(
        String taskArn,
        String clusterName,
        String taskDefinitionArn,
        String family,
        String capacityProvider,
        String lastStatus,
        String desiredStatus,
        String startedBy,
        int cpu,
        int memory,
        Map<String, String> tags,
        List<Container> containers,
        String stopCode,
        String stoppedReason,
        String privateIp,
        Instant createdAt,
        Instant startedAt) {

    /** One container as launched; {@code stopTimeout} is null when the definition leaves Fargate's default. */
    public record Container(
            String name,
            String image,
            boolean essential,
            Duration stopTimeout,
            List<String> command,
            Map<String, String> environment) {}

    /** An environment variable of the first container that sets it. */
    public Optional<String> env(String name) {
        return containers.stream()
                .map(c -> c.environment().get(name))
                .filter(v -> v != null)
                .findFirst();
    }

    /** The container of that name. */
    public Optional<Container> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The task id (last ARN segment). */
    public String taskId() {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}
