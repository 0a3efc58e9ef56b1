package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.Extension;
import hudson.model.listeners.ItemListener;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.LiveJenkinsRuntime;

/**
 * Reconciles once Jenkins has loaded everything at start-up: agents saved before a restart are followed again,
 * agents without a task are removed, and tasks nobody wants are stopped. An item listener rather than an
 * initializer, whose annotation index cannot be generated in this build.
 */
@Extension
public final class EcsStartupReconciliation extends ItemListener {
    private final JenkinsRuntime jenkins;

    public EcsStartupReconciliation() {
        this(new LiveJenkinsRuntime());
    }

    EcsStartupReconciliation(JenkinsRuntime jenkins) {
        this.jenkins = jenkins;
    }

    @Override
    public void onLoaded() {
        Reconciliation.run(jenkins);
    }
}
