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
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Agents connect by TCP to an instance of a Cloud Map service, looked up at each launch: the setup where the
 * controller runs as an ECS service registered in a private DNS namespace.
 */
public final class CloudMapConnection extends ControllerConnection {
    private final String namespace;
    private final String service;
    private int port;

    @DataBoundConstructor
    public CloudMapConnection(String namespace, String service) {
        this.namespace = Text.trimToNull(namespace);
        this.service = Text.trimToNull(service);
    }

    /** The Cloud Map namespace, for example {@code jenkins-for-ecs-with-agents}. */
    public String getNamespace() {
        return namespace;
    }

    /** The Cloud Map service the controller registers in, for example {@code jenkins}. */
    public String getService() {
        return service;
    }

    /** The agent port; 0 to use the port the instance registered ({@code AWS_INSTANCE_PORT}). */
    public int getPort() {
        return port;
    }

    @DataBoundSetter
    public void setPort(int port) {
        this.port = Math.max(0, port);
    }

    /** The Cloud Map tunnel; a missing name is a configuration problem naming it. */
    @Override
    public Transport toTransport() {
        if (namespace == null) {
            throw new CloudConfigurationException(Messages.format("CloudMapConnection.namespace.required"));
        }
        if (service == null) {
            throw new CloudConfigurationException(Messages.format("CloudMapConnection.service.required"));
        }
        return new Transport.CloudMapTunnel(namespace, service, port == 0 ? null : port);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CloudMapConnection that
                && Objects.equals(namespace, that.namespace)
                && Objects.equals(service, that.service)
                && port == that.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, service, port);
    }

    /** The Cloud Map option; checks names and port syntax only (the preflight check resolves the service). */
    @Extension(ordinal = 10)
    @Symbol("cloudMap")
    public static final class DescriptorImpl extends Descriptor<ControllerConnection> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("CloudMapConnection.displayName");
        }

        public FormValidation doCheckNamespace(@QueryParameter String value) {
            return FormRules.cloudMapName(value, "CloudMapConnection.namespace");
        }

        public FormValidation doCheckService(@QueryParameter String value) {
            return FormRules.cloudMapName(value, "CloudMapConnection.service");
        }

        public FormValidation doCheckPort(@QueryParameter String value) {
            return FormRules.port(value);
        }
    }
}
