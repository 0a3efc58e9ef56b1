package io.jenkins.plugins.ecsfargate.engine.launch;

import java.util.List;
import java.util.Objects;

/**
 * How every agent of a cloud connects back, as the {@code jenkins/inbound-agent} entrypoint reads it from its
 * environment.
 *
 * @param workDir the agent's work directory ({@code JENKINS_AGENT_WORKDIR}), or null for the image's default
 * @param remotingOptions extra agent.jar options ({@code REMOTING_OPTS}), e.g. {@code -noReconnectAfter 1m}
 */
public record AgentConnection(String jenkinsUrl, Transport transport, String workDir, List<String> remotingOptions) {
    public AgentConnection {
        Objects.requireNonNull(jenkinsUrl, "jenkinsUrl");
        transport = transport == null ? Transport.webSocket() : transport;
        remotingOptions = remotingOptions == null ? List.of() : List.copyOf(remotingOptions);
    }

    public static AgentConnection webSocket(String jenkinsUrl) {
        return new AgentConnection(jenkinsUrl, null, null, null);
    }
}
