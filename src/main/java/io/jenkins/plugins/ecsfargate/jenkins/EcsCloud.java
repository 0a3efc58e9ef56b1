package io.jenkins.plugins.ecsfargate.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.slaves.Cloud;
import hudson.slaves.NodeProvisioner.PlannedNode;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsfargate.engine.AwsNames;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudRuntime;
import java.time.Clock;
import java.util.Collection;
import java.util.random.RandomGenerator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

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
    private transient volatile CloudRuntime runtime;

    @DataBoundConstructor
    public EcsCloud(String name) {
        super(name);
    }

    /** The AWS Region of the cluster, for example {@code us-east-1}. */
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = trimToNull(region);
    }

    /** The ECS cluster that runs the agent tasks: a name or a cluster ARN. */
    public String getCluster() {
        return cluster;
    }

    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = trimToNull(cluster);
    }

    /** Whether some template serves the state's label (a full label expression; null for unlabeled work). */
    @Override
    public boolean canProvision(CloudState state) {
        return runtime().canProvision(state.getLabel());
    }

    /** Plans agents under the caps and starts their tasks at once; see {@link CloudRuntime#provision}. */
    @Override
    public Collection<PlannedNode> provision(CloudState state, int excessWorkload) {
        return runtime().provision(state.getLabel(), excessWorkload);
    }

    /**
     * This cloud's runtime, built on first use from the configuration (a saved configuration is a new cloud object
     * and so gets a new runtime, which adopts the agents already running).
     */
    public CloudRuntime runtime() {
        CloudRuntime current = runtime;
        if (current == null) {
            synchronized (this) {
                current = runtime;
                if (current == null) {
                    JenkinsRuntime jenkins = new LiveJenkinsRuntime();
                    current = new CloudRuntime(
                            new EcsCloudSetup(this, jenkins),
                            jenkins,
                            (delay, task) -> jenkins.scheduler().schedule(delay, task),
                            Clock.systemUTC(),
                            RandomGenerator.getDefault());
                    runtime = current;
                }
            }
        }
        return current;
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The cloud type as Jenkins lists it, and the checks of its form. */
    @Extension
    @Symbol("ecsFargate")
    public static final class DescriptorImpl extends Descriptor<Cloud> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.cloudDisplayName();
        }

        /** Checks the cloud name's syntax; it reads no credentials and calls nothing. */
        public FormValidation doCheckName(@QueryParameter String value) {
            String name = trimToNull(value);
            if (name == null) {
                return FormValidation.error(Messages.format("EcsCloud.name.required"));
            }
            return AwsNames.isCloudName(name)
                    ? FormValidation.ok()
                    : FormValidation.error(Messages.format("EcsCloud.name.invalid"));
        }

        /** Checks the Region's syntax; whether the Region answers is the preflight check's job. */
        public FormValidation doCheckRegion(@QueryParameter String value) {
            String region = trimToNull(value);
            if (region == null) {
                return FormValidation.error(Messages.format("EcsCloud.region.required"));
            }
            return AwsNames.isRegion(region)
                    ? FormValidation.ok()
                    : FormValidation.error(Messages.format("EcsCloud.region.invalid", region));
        }

        /** Checks the cluster reference's syntax; whether it exists is the preflight check's job. */
        public FormValidation doCheckCluster(@QueryParameter String value) {
            String cluster = trimToNull(value);
            if (cluster == null) {
                return FormValidation.error(Messages.format("EcsCloud.cluster.required"));
            }
            return AwsNames.isClusterReference(cluster)
                    ? FormValidation.ok()
                    : FormValidation.error(Messages.format("EcsCloud.cluster.invalid", cluster));
        }
    }
}
