package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskTimeouts;
import java.util.Objects;

/**
 * One agent template as provisioning sees it: plain data built from the configuration at use time, so that the
 * provisioning rules can be tested without forms and a changed configuration takes effect on the next launch.
 *
 * @param labelString the template's labels, space separated; empty for a template that serves unlabeled builds
 * @param maxAgents the template's cap on agents, 0 for none
 * @param idleMinutes minutes an idle agent is kept; 0 for one-shot agents (one build, then the task stops)
 * @param agentWorkDir the agent's remote root on the node, never null
 * @param timeouts the template's start and connect timeouts; null for the cloud's tracker defaults
 */
public record TemplatePlan(
        String name,
        String labelString,
        int numExecutors,
        int maxAgents,
        int idleMinutes,
        String agentWorkDir,
        LaunchSettings launch,
        TaskDefinitionSpec spec,
        LaunchOverrides overrides,
        TaskTimeouts timeouts) {

    public static final String DEFAULT_WORK_DIR = "/home/jenkins/agent";

    /** A template whose agents get the cloud's default start and connect timeouts. */
    public TemplatePlan(
            String name,
            String labelString,
            int numExecutors,
            int maxAgents,
            int idleMinutes,
            String agentWorkDir,
            LaunchSettings launch,
            TaskDefinitionSpec spec,
            LaunchOverrides overrides) {
        this(name, labelString, numExecutors, maxAgents, idleMinutes, agentWorkDir, launch, spec, overrides, null);
    }

    public TemplatePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(spec, "spec");
        labelString = labelString == null ? "" : labelString.trim();
        numExecutors = Math.max(1, numExecutors);
        maxAgents = Math.max(0, maxAgents);
        idleMinutes = Math.max(0, idleMinutes);
        agentWorkDir = agentWorkDir == null || agentWorkDir.isBlank() ? DEFAULT_WORK_DIR : agentWorkDir;
        overrides = overrides == null ? LaunchOverrides.NONE : overrides;
    }

    /** The task's size in vCPU, as Fargate counts it against the account's quota (1024 CPU units = 1 vCPU). */
    public double vcpus() {
        int units = overrides.cpu() != null ? overrides.cpu() : spec.cpu();
        return units / 1024.0;
    }

    public boolean isOneShot() {
        return idleMinutes == 0;
    }
}
