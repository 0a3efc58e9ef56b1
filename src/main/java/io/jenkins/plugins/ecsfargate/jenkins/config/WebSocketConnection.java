package io.jenkins.plugins.ecsfargate.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.ecsfargate.engine.launch.Transport;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Agents connect by WebSocket to the Jenkins URL: needs no agent port and no inbound rule on the controller. */
public final class WebSocketConnection extends ControllerConnection {
    @DataBoundConstructor
    public WebSocketConnection() {}

    @Override
    public Transport toTransport() {
        return Transport.webSocket();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebSocketConnection;
    }

    @Override
    public int hashCode() {
        return WebSocketConnection.class.hashCode();
    }

    /** Listed first, as the default. */
    @Extension(ordinal = 100)
    @Symbol("webSocket")
    public static final class DescriptorImpl extends Descriptor<ControllerConnection> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("WebSocketConnection.displayName");
        }
    }
}
