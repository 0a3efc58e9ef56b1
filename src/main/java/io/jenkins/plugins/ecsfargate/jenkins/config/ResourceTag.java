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

/** A user tag on the template's task definition and, propagated, on every agent task (for cost allocation). */
public final class ResourceTag extends AbstractDescribableImpl<ResourceTag> {
    private final String key;
    private final String value;

    @DataBoundConstructor
    public ResourceTag(String key, String value) {
        this.key = Text.trimToNull(key);
        this.value = value == null ? "" : value.trim();
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceTag that && Objects.equals(key, that.key) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    /** One tag; checks the key against ECS's and the plugin's reserved prefixes. */
    @Extension
    @Symbol("resourceTag")
    public static final class DescriptorImpl extends Descriptor<ResourceTag> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("ResourceTag.displayName");
        }

        public FormValidation doCheckKey(@QueryParameter String value) {
            return FormRules.tagKey(value);
        }

        public FormValidation doCheckValue(@QueryParameter String value) {
            return FormRules.tagValue(value);
        }
    }
}
