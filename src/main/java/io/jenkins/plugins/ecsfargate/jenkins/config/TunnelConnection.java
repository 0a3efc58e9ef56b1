package io.jenkins.plugins.ecsfargate.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsfargate.engine.launch.Transport;
import io.jenkins.plugins.ecsfargate.jenkins.CloudConfigurationException;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import io.jenkins.plugins.ecsfargate.jenkins.forms.FormRules;
import java.util.Objects;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;

/** Agents connect by TCP to a fixed {@code host:port}, such as an internal load balancer in front of the agent port. */
public final class TunnelConnection extends ControllerConnection {
    private final String hostPort;

    @DataBoundConstructor
    public TunnelConnection(String hostPort) {
        this.hostPort = Text.trimToNull(hostPort);
    }

    /** The tunnel as {@code host:port}. */
    public String getHostPort() {
        return hostPort;
    }

    /** The fixed tunnel; a missing or malformed address is a configuration problem naming it. */
    @Override
    public Transport toTransport() {
        if (hostPort == null) {
            throw new CloudConfigurationException(Messages.format("TunnelConnection.hostPort.required"));
        }
        try {
            return new Transport.FixedTunnel(hostPort);
        } catch (IllegalArgumentException e) {
            throw new CloudConfigurationException(Messages.format("TunnelConnection.hostPort.invalid", hostPort), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TunnelConnection that && Objects.equals(hostPort, that.hostPort);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(hostPort);
    }

    /** The fixed tunnel option; checks the address's syntax only. */
    @Extension(ordinal = 50)
    @Symbol("tunnel")
    public static final class DescriptorImpl extends Descriptor<ControllerConnection> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("TunnelConnection.displayName");
        }

        public FormValidation doCheckHostPort(@QueryParameter String value) {
            return FormRules.hostPort(value);
        }
    }
}
