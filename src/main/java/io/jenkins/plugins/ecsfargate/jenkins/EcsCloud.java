package io.jenkins.plugins.ecsfargate.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.slaves.Cloud;
import hudson.slaves.NodeProvisioner.PlannedNode;
import io.jenkins.plugins.ecsfargate.jenkins.config.ControllerConnection;
import io.jenkins.plugins.ecsfargate.jenkins.config.Text;
import io.jenkins.plugins.ecsfargate.jenkins.config.WebSocketConnection;
import io.jenkins.plugins.ecsfargate.jenkins.forms.CloudDescriptor;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudRuntimes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A cloud that runs Jenkins agents as Amazon ECS tasks on AWS Fargate.
 *
 * <p>This class holds the cloud's configuration and answers Jenkins' provisioning questions; it makes no AWS
 * call itself (the engine does). Its persisted state is Strings only, so that saved configurations load under
 * JEP-200 whatever SDK version the plugin bundles.
 */
public class EcsCloud extends Cloud {
    private String region;
    private String cluster;
    private String credentialsId;
    private String roleArn;
    private String externalId;
    private String endpoint;
    private String jenkinsUrl;
    private ControllerConnection connection = new WebSocketConnection();
    private volatile int maxAgents;
    private volatile int maxVcpus;
    private List<EcsAgentTemplate> templates = new ArrayList<>();
    private transient volatile boolean registered;

    @DataBoundConstructor
    public EcsCloud(String name) {
        super(name);
    }

    /** The cloud's name, as forms and Configuration as Code read it. */
    public String getName() {
        return name;
    }

    /** The AWS Region of the cluster, for example {@code us-east-1}. */
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Text.trimToNull(region);
    }

    /** The ECS cluster that runs the agent tasks: a name or a cluster ARN. */
    public String getCluster() {
        return cluster;
    }

    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = Text.trimToNull(cluster);
    }

    /**
     * The id of a username/password credential holding an access key (username: key id, password: secret key);
     * null to use the controller's default credentials chain (on ECS, its task role).
     */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Text.trimToNull(credentialsId);
    }

    /** A role to assume with the base credentials (for example in another account); null for none. */
    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Text.trimToNull(roleArn);
    }

    /** The external id the role's trust policy requires; null for none. */
    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = Text.trimToNull(externalId);
    }

    /** An endpoint override for every AWS call (a VPC endpoint or a test double); null for AWS's own. */
    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = Text.trimToNull(endpoint);
    }

    /**
     * The URL agents use to reach Jenkins; null for Jenkins' configured URL, read at each launch (never frozen
     * here), see {@link io.jenkins.plugins.ecsfargate.jenkins.TemplateSpecs#jenkinsUrl}.
     */
    public String getJenkinsUrl() {
        return jenkinsUrl;
    }

    @DataBoundSetter
    public void setJenkinsUrl(String jenkinsUrl) {
        this.jenkinsUrl = Text.trimToNull(jenkinsUrl);
    }

    /** How agents reach the controller: WebSocket (default) or a TCP tunnel. */
    public ControllerConnection getConnection() {
        return connection;
    }

    @DataBoundSetter
    public void setConnection(ControllerConnection connection) {
        this.connection = connection == null ? new WebSocketConnection() : connection;
    }

    /** At most this many agents of this cloud at once, starting ones included; 0 for no limit. */
    public int getMaxAgents() {
        return maxAgents;
    }

    @DataBoundSetter
    public void setMaxAgents(int maxAgents) {
        this.maxAgents = Math.max(0, maxAgents);
    }

    /** At most this many vCPUs in this cloud's agents at once, starting ones included; 0 for no limit. */
    public int getMaxVcpus() {
        return maxVcpus;
    }

    @DataBoundSetter
    public void setMaxVcpus(int maxVcpus) {
        this.maxVcpus = Math.max(0, maxVcpus);
    }

    /** The agent templates, in the order they are tried. */
    public List<EcsAgentTemplate> getTemplates() {
        return templates == null ? List.of() : List.copyOf(templates);
    }

    @DataBoundSetter
    public void setTemplates(List<EcsAgentTemplate> templates) {
        this.templates = templates == null ? new ArrayList<>() : new ArrayList<>(templates);
    }

    /** The template named {@code name}, or null. */
    public EcsAgentTemplate getTemplate(String name) {
        return getTemplates().stream()
                .filter(t -> t.getName() != null && t.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** Restores defaults for settings missing from configurations saved before they existed. */
    protected Object readResolve() {
        if (connection == null) {
            connection = new WebSocketConnection();
        }
        if (templates == null) {
            templates = new ArrayList<>();
        }
        return this;
    }

    /** Whether some template serves the state's label (a full label expression; null for unlabeled work). */
    @Override
    public boolean canProvision(CloudState state) {
        return !getTemplates().isEmpty() && runtime().canProvision(state.getLabel());
    }

    /** Plans agents under the caps and starts their tasks at once; see {@link CloudRuntime#provision}. */
    @Override
    public Collection<PlannedNode> provision(CloudState state, int excessWorkload) {
        if (getTemplates().isEmpty()) {
            return List.of();
        }
        return runtime().provision(state.getLabel(), excessWorkload);
    }

    /** This cloud's runtime in the running Jenkins; see {@link #runtime(JenkinsRuntime)}. */
    public CloudRuntime runtime() {
        return runtime(new LiveJenkinsRuntime());
    }

    /**
     * This cloud's runtime, from the registry that owns all of them: the runtime this cloud had if its setup is
     * unchanged, else a new one that takes over from it. A cloud object Jenkins no longer has (replaced by a save)
     * gets the current runtime of its name and never replaces it.
     */
    public CloudRuntime runtime(JenkinsRuntime jenkins) {
        if (registered) {
            CloudRuntime current = jenkins.cloudRuntimes().current(name);
            if (current != null) {
                return current;
            }
        }
        return refreshedRuntime(jenkins);
    }

    /**
     * Like {@link #runtime(JenkinsRuntime)}, but compares the setup as it reads now (a rotated access key, a
     * changed Jenkins URL) with the runtime's: the reconciliation calls this so such changes apply without a save.
     */
    public CloudRuntime refreshedRuntime(JenkinsRuntime jenkins) {
        CloudRuntimes all = jenkins.cloudRuntimes();
        Cloud configured = jenkins.cloudByName(name);
        if (configured != null && configured != this) {
            CloudRuntime existing = all.current(name);
            if (existing != null) {
                return existing;
            }
        }
        CloudRuntime current = all.runtimeFor(new EcsCloudSetup(this, jenkins));
        registered = true;
        return current;
    }

    /** The cloud type as Jenkins lists it; its form's checks, lists and buttons are in {@link CloudDescriptor}. */
    @Extension
    @Symbol("ecsFargate")
    public static final class DescriptorImpl extends CloudDescriptor {
        public DescriptorImpl() {
            this(new LiveJenkinsRuntime());
        }

        /** A descriptor that reaches Jenkins through {@code runtime} (tests pass a fake). */
        public DescriptorImpl(JenkinsRuntime runtime) {
            super(runtime);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.cloudDisplayName();
        }
    }
}
