package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One launched task: what it runs (definition, size, containers with their effective command and environment),
 * where (cluster, capacity provider, subnet, address) and its {@link TaskTimeline}. Mutable parts (tags, stop plan,
 * announcements, held containers) change only under the ECS state lock.
 */
final class EcsTask {

    /** A container as launched: the definition merged with the RunTask overrides. */
    record Container(
            String name,
            String image,
            String arn,
            String runtimeId,
            String imageDigest,
            boolean essential,
            Duration stopTimeout,
            List<String> command,
            Map<String, String> environment) {}

    final String id;
    final String arn;
    final String clusterName;
    final String clusterArn;
    final TaskDefinitions.Revision definition;
    final int cpu;
    final int memory;
    final String capacityProvider;
    final boolean launchedByStrategy;
    final String startedBy;
    final String group;
    final String platformVersion;
    final boolean enableExecuteCommand;
    final ObjectNode overrides;
    final Map<String, String> tags;
    final List<Container> containers;
    final Network network;
    final TaskTimeline timeline;
    boolean announcedRunning;
    boolean announcedStopRequest;
    boolean announcedStopped;
    /** A {@link ContainerRuntime} runs the containers: a stop waits in STOPPING until they exit. */
    boolean containersHeld;

    /** The task's ENI. */
    record Network(
            String subnet, String availabilityZone, String privateIp, String eniId, String attachmentId, String mac) {}

    EcsTask(
            String id,
            String arn,
            String clusterName,
            String clusterArn,
            TaskDefinitions.Revision definition,
            int cpu,
            int memory,
            String capacityProvider,
            boolean launchedByStrategy,
            String startedBy,
            String group,
            String platformVersion,
            boolean enableExecuteCommand,
            ObjectNode overrides,
            Map<String, String> tags,
            List<Container> containers,
            Network network,
            TaskTimeline timeline) {
        this.id = id;
        this.arn = arn;
        this.clusterName = clusterName;
        this.clusterArn = clusterArn;
        this.definition = definition;
        this.cpu = cpu;
        this.memory = memory;
        this.capacityProvider = capacityProvider;
        this.launchedByStrategy = launchedByStrategy;
        this.startedBy = startedBy;
        this.group = group;
        this.platformVersion = platformVersion;
        this.enableExecuteCommand = enableExecuteCommand;
        this.overrides = overrides;
        this.tags = tags;
        this.containers = containers;
        this.network = network;
        this.timeline = timeline;
    }

    boolean stopped(Instant now) {
        return timeline.status(now).equals("STOPPED");
    }

    /** A read-only view for tests and hooks. */
    EmulatedTask snapshot(Instant now) {
        TaskTimeline.StopPlan stop = timeline.stopAt(now);
        return new EmulatedTask(
                arn,
                clusterName,
                definition.arn,
                definition.family,
                capacityProvider,
                timeline.status(now),
                timeline.desiredStatus(now),
                startedBy,
                cpu,
                memory,
                Map.copyOf(tags),
                containers.stream()
                        .map(c -> new EmulatedTask.Container(
                                c.name(), c.image(), c.essential(), c.stopTimeout(), c.command(), c.environment()))
                        .toList(),
                timeline.stopCode(now),
                stop == null ? null : stop.reason(),
                network.privateIp(),
                timeline.createdAt,
                timeline.startedAt(now));
    }
}
