package io.jenkins.plugins.ecsfargate.engine.launch;

import java.util.Objects;

/** How the agent reaches the controller: WebSocket over the Jenkins URL, or TCP through a tunnel. */
public sealed interface Transport {
    /** WebSocket over {@code JENKINS_URL}: no extra port, the default. */
    record WebSocket() implements Transport {}

    /** TCP to a fixed {@code host:port}, e.g. an internal load balancer in front of the agent port. */
    record FixedTunnel(String hostPort) implements Transport {
        public FixedTunnel {
            Objects.requireNonNull(hostPort, "hostPort");
            if (!hostPort.matches("[^\\s:]*:\\d{1,5}")) {
                throw new IllegalArgumentException("tunnel must be [host]:port, got " + hostPort);
            }
        }
    }

    /**
     * TCP to an instance of a Cloud Map service, looked up when the agent is launched (a controller running as an
     * ECS service registers there).
     *
     * @param port the agent port; null to use the instance's registered {@code AWS_INSTANCE_PORT}
     */
    record CloudMapTunnel(String namespace, String service, Integer port) implements Transport {
        public CloudMapTunnel {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(service, "service");
        }
    }

    static Transport webSocket() {
        return new WebSocket();
    }
}
