package io.jenkins.plugins.ecsfargate.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** One build per agent: the task stops as soon as its build ends, so every build starts on a clean task. */
public final class OneShotRetention extends AgentRetention {
    @DataBoundConstructor
    public OneShotRetention() {}

    @Override
    public boolean equals(Object other) {
        return other instanceof OneShotRetention;
    }

    @Override
    public int hashCode() {
        return OneShotRetention.class.hashCode();
    }

    /** Listed first, as the default. */
    @Extension(ordinal = 100)
    @Symbol("oneShot")
    public static final class DescriptorImpl extends Descriptor<AgentRetention> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("OneShotRetention.displayName");
        }
    }
}
