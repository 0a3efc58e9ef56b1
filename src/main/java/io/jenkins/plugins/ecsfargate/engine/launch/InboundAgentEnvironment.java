package io.jenkins.plugins.ecsfargate.engine.launch;

import java.util.Map;
import java.util.TreeMap;

/**
 * The environment the {@code jenkins/inbound-agent} entrypoint turns into agent.jar arguments. The engine's
 * variables win over a user's per-run variables of the same name, so a template cannot point an agent elsewhere
 * by accident.
 */
public final class InboundAgentEnvironment {
    public static final String URL = "JENKINS_URL";
    public static final String SECRET = "JENKINS_SECRET";
    public static final String AGENT_NAME = "JENKINS_AGENT_NAME";
    public static final String WEB_SOCKET = "JENKINS_WEB_SOCKET";
    public static final String TUNNEL = "JENKINS_TUNNEL";
    public static final String WORKDIR = "JENKINS_AGENT_WORKDIR";
    public static final String REMOTING_OPTS = "REMOTING_OPTS";

    private InboundAgentEnvironment() {}

    /**
     * The agent container's environment for one launch.
     *
     * @param tunnel the resolved {@code host:port} for TCP, or null for WebSocket
     */
    public static Map<String, String> of(
            AgentConnection connection, String agentName, String secret, String tunnel, Map<String, String> extra) {
        Map<String, String> env = new TreeMap<>(extra);
        env.put(URL, connection.jenkinsUrl());
        env.put(SECRET, secret);
        env.put(AGENT_NAME, agentName);
        if (tunnel == null) {
            env.put(WEB_SOCKET, "true");
            env.remove(TUNNEL);
        } else {
            env.put(TUNNEL, tunnel);
            env.remove(WEB_SOCKET);
        }
        if (connection.workDir() != null) {
            env.put(WORKDIR, connection.workDir());
        }
        if (!connection.remotingOptions().isEmpty()) {
            env.put(REMOTING_OPTS, String.join(" ", connection.remotingOptions()));
        }
        return env;
    }
}
