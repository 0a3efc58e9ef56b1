package io.jenkins.plugins.ecsfargate.jenkins.config;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.ecsfargate.engine.launch.Transport;

/**
 * How agents reach the controller: WebSocket over the Jenkins URL (the default, no extra port), or TCP through a
 * tunnel given as a fixed {@code host:port} or resolved from Cloud Map when each agent launches.
 */
public abstract class ControllerConnection extends AbstractDescribableImpl<ControllerConnection> {
    /** The engine's view of this choice. */
    public abstract Transport toTransport();
}
