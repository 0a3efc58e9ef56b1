package io.jenkins.plugins.ecsfargate.engine.launch;

import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.Objects;

/**
 * One agent to start: its template (whose spec becomes the task definition), its name and inbound secret, the
 * per-run overrides, and where it runs and how it connects back. The secret goes only into the RunTask container
 * override, never into a task definition, a log line or {@link #toString()}.
 *
 * <p>Templates of one cloud differ in network, capacity and work directory, and Jenkins' URL is read at each
 * launch, so these travel with each launch and one engine serves the whole cloud.
 *
 * @param settings where the task runs; null for the engine's {@link
 *     io.jenkins.plugins.ecsfargate.engine.EngineConfig#launch() default}
 * @param connection how the agent connects back; null for the engine's {@link
 *     io.jenkins.plugins.ecsfargate.engine.EngineConfig#connection() default}
 */
public record AgentLaunch(
        String template,
        String agentName,
        String secret,
        TaskDefinitionSpec spec,
        LaunchOverrides overrides,
        LaunchSettings settings,
        AgentConnection connection) {
    public AgentLaunch {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(spec, "spec");
        overrides = overrides == null ? LaunchOverrides.NONE : overrides;
    }

    /** A launch with the engine's default launch settings and connection. */
    public AgentLaunch(
            String template, String agentName, String secret, TaskDefinitionSpec spec, LaunchOverrides overrides) {
        this(template, agentName, secret, spec, overrides, null, null);
    }

    @Override
    public String toString() {
        return "AgentLaunch[template=" + template + ", agentName=" + agentName + ", secret=****, overrides=" + overrides
                + ", settings=" + settings + "]";
    }
}
