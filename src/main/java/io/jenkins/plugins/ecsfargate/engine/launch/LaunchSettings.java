package io.jenkins.plugins.ecsfargate.engine.launch;

import java.util.List;
import java.util.Objects;

/**
 * Where and how a cloud's agents run: cluster, network, capacity, platform version, ECS Exec, tag propagation.
 *
 * @param platformVersion a Fargate platform version or {@code LATEST}
 * @param propagateTags copy the task definition's tags (user tags included) onto each task
 */
public record LaunchSettings(
        String cluster,
        List<String> subnets,
        List<String> securityGroups,
        boolean assignPublicIp,
        CapacityMode capacity,
        String platformVersion,
        boolean enableExecuteCommand,
        boolean propagateTags) {
    public LaunchSettings {
        Objects.requireNonNull(cluster, "cluster");
        subnets = List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        capacity = capacity == null ? CapacityMode.FARGATE : capacity;
        platformVersion = platformVersion == null || platformVersion.isBlank() ? "LATEST" : platformVersion;
    }

    /** Private subnets, no public IP, on-demand Fargate, latest platform, no ECS Exec, tags propagated. */
    public static LaunchSettings of(String cluster, List<String> subnets, List<String> securityGroups) {
        return new LaunchSettings(cluster, subnets, securityGroups, false, CapacityMode.FARGATE, null, false, true);
    }

    public LaunchSettings withCapacity(CapacityMode mode) {
        return new LaunchSettings(
                cluster,
                subnets,
                securityGroups,
                assignPublicIp,
                mode,
                platformVersion,
                enableExecuteCommand,
                propagateTags);
    }

    public LaunchSettings withExecuteCommand(boolean enabled) {
        return new LaunchSettings(
                cluster, subnets, securityGroups, assignPublicIp, capacity, platformVersion, enabled, propagateTags);
    }

    public LaunchSettings withPlatformVersion(String version) {
        return new LaunchSettings(
                cluster,
                subnets,
                securityGroups,
                assignPublicIp,
                capacity,
                version,
                enableExecuteCommand,
                propagateTags);
    }
}
