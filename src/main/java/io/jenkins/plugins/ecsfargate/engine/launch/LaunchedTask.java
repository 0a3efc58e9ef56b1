package io.jenkins.plugins.ecsfargate.engine.launch;

import java.time.Instant;

/** The handle of a started agent task: what the tracker follows and StopTask needs. */
public record LaunchedTask(
        String agentName,
        String template,
        String clusterArn,
        String taskArn,
        String taskDefinitionArn,
        String capacityProvider,
        String lastStatus,
        Instant requestedAt) {}
