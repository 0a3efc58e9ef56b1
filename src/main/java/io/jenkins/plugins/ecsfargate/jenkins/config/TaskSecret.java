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
 * An environment variable that Fargate fills from a Secrets Manager secret or an SSM parameter when the task
 * starts: Jenkins holds only the ARN, never the value (the execution role reads it).
 */
public final class TaskSecret extends AbstractDescribableImpl<TaskSecret> {
    private final String name;
    private final String valueFrom;

    @DataBoundConstructor
    public TaskSecret(String name, String valueFrom) {
        this.name = Text.trimToNull(name);
        this.valueFrom = Text.trimToNull(valueFrom);
    }

    /** The environment variable's name. */
    public String getName() {
        return name;
    }

    /** The ARN of the secret or parameter. */
    public String getValueFrom() {
        return valueFrom;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaskSecret that
                && Objects.equals(name, that.name)
                && Objects.equals(valueFrom, that.valueFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, valueFrom);
    }

    /** One secret; checks the name and the ARN's syntax. */
    @Extension
    @Symbol("taskSecret")
    public static final class DescriptorImpl extends Descriptor<TaskSecret> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("TaskSecret.displayName");
        }

        public FormValidation doCheckName(@QueryParameter String value) {
            return FormRules.environmentName(value);
        }

        public FormValidation doCheckValueFrom(@QueryParameter String value) {
            return FormRules.secretArn(value);
        }
    }
}
