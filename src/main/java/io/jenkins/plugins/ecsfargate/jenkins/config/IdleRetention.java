package io.jenkins.plugins.ecsfargate.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import io.jenkins.plugins.ecsfargate.jenkins.forms.FormRules;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;

/** The agent serves builds until it has been idle for some minutes, trading cost for faster follow-up builds. */
public final class IdleRetention extends AgentRetention {
    /** Used when a configuration asks for less than one minute. */
    public static final int DEFAULT_IDLE_MINUTES = 10;

    private final int idleMinutes;

    @DataBoundConstructor
    public IdleRetention(int idleMinutes) {
        this.idleMinutes = idleMinutes < 1 ? DEFAULT_IDLE_MINUTES : idleMinutes;
    }

    /** Minutes without a build after which the agent's task stops. */
    public int getIdleMinutes() {
        return idleMinutes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdleRetention that && idleMinutes == that.idleMinutes;
    }

    @Override
    public int hashCode() {
        return idleMinutes;
    }

    /** The idle option. */
    @Extension
    @Symbol("idle")
    public static final class DescriptorImpl extends Descriptor<AgentRetention> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("IdleRetention.displayName");
        }

        public FormValidation doCheckIdleMinutes(@QueryParameter String value) {
            return FormRules.intInRange(value, 1, 7 * 24 * 60, "IdleRetention.idleMinutes");
        }
    }
}
