package io.jenkins.plugins.ecsfargate.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.slaves.Cloud;
import hudson.slaves.NodeProvisioner.PlannedNode;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsfargate.engine.AwsNames;
import java.util.Collection;
import java.util.List;
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

    /** No template can serve any label yet; provisioning arrives with agent templates. */
    @Override
    public boolean canProvision(CloudState state) {
        return false;
    }

    @Override
    public Collection<PlannedNode> provision(CloudState state, int excessWorkload) {
        return List.of();
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
