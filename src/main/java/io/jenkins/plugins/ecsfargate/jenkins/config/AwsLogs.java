package io.jenkins.plugins.ecsfargate.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import io.jenkins.plugins.ecsfargate.jenkins.forms.FormRules;
import java.util.Objects;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;

/**
 * Sends the agent container's output to CloudWatch Logs with the {@code awslogs} driver. Without it a template
 * sends no logs, and an agent that fails before connecting leaves nothing to read.
 */
public final class AwsLogs extends AbstractDescribableImpl<AwsLogs> {
    private final String group;
    private final String region;
    private final String streamPrefix;

    @DataBoundConstructor
    public AwsLogs(String group, String region, String streamPrefix) {
        this.group = Text.trimToNull(group);
        this.region = Text.trimToNull(region);
        this.streamPrefix = Text.trimToNull(streamPrefix);
    }

    /** The log group, which must exist (the plugin does not create it). */
    public String getGroup() {
        return group;
    }

    /** The log group's Region; null for the cloud's Region. */
    public String getRegion() {
        return region;
    }

    /** The stream prefix; null for the template's name. */
    public String getStreamPrefix() {
        return streamPrefix;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AwsLogs that
                && Objects.equals(group, that.group)
                && Objects.equals(region, that.region)
                && Objects.equals(streamPrefix, that.streamPrefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, region, streamPrefix);
    }

    /** The CloudWatch Logs settings and their syntax checks. */
    @Extension
    @Symbol("awsLogs")
    public static final class DescriptorImpl extends Descriptor<AwsLogs> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("AwsLogs.displayName");
        }

        public FormValidation doCheckGroup(@QueryParameter String value) {
            return FormRules.logGroup(value);
        }

        public FormValidation doCheckRegion(@QueryParameter String value) {
            return FormRules.optionalRegion(value);
        }

        public FormValidation doCheckStreamPrefix(@QueryParameter String value) {
            return FormRules.logStreamPrefix(value);
        }
    }
}
