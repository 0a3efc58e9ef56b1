package io.jenkins.plugins.ecsfargate.engine.launch;

import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.Objects;

/**
 * One agent to start: its template (whose spec becomes the task definition), its name and inbound secret, and the
 * per-run overrides. The secret goes only into the RunTask container override, never into a task definition, a
 * log line or {@link #toString()}.
 */
public record AgentLaunch(
        String template, String agentName, String secret, TaskDefinitionSpec spec, LaunchOverrides overrides) {
    public AgentLaunch {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(spec, "spec");
        overrides = overrides == null ? LaunchOverrides.NONE : overrides;
    }

    @Override
    public String toString() {
        return "AgentLaunch[template=" + template + ", agentName=" + agentName + ", secret=****, overrides=" + overrides
                + "]";
    }
}
