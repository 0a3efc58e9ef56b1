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
 * A plain environment variable of a container. Stored in the task definition in clear text: put anything
 * sensitive in a {@link TaskSecret} instead.
 */
public final class EnvironmentVariable extends AbstractDescribableImpl<EnvironmentVariable> {
    private final String name;
    private final String value;

    @DataBoundConstructor
    public EnvironmentVariable(String name, String value) {
        this.name = Text.trimToNull(name);
        this.value = value == null ? "" : value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnvironmentVariable that
                && Objects.equals(name, that.name)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value);
    }

    /** Values are not shown: they may be sensitive even when they should not be. */
    @Override
    public String toString() {
        return "EnvironmentVariable[" + name + "]";
    }

    /** One variable; checks the name. */
    @Extension
    @Symbol("environmentVariable")
    public static final class DescriptorImpl extends Descriptor<EnvironmentVariable> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("EnvironmentVariable.displayName");
        }

        public FormValidation doCheckName(@QueryParameter String value) {
            return FormRules.environmentName(value);
        }
    }
}
