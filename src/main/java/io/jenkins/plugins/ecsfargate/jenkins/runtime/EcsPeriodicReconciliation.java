package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.LiveJenkinsRuntime;

/** Reconciles every few minutes, so a task or node lost in any way is cleaned up without a restart. */
@Extension
public final class EcsPeriodicReconciliation extends AsyncPeriodicWork {
    static final long PERIOD_MILLIS = 5 * MIN;

    private final JenkinsRuntime jenkins;

    public EcsPeriodicReconciliation() {
        this(new LiveJenkinsRuntime());
    }

    EcsPeriodicReconciliation(JenkinsRuntime jenkins) {
        super("ECS Fargate reconciliation");
        this.jenkins = jenkins;
    }

    @Override
    public long getRecurrencePeriod() {
        return PERIOD_MILLIS;
    }

    @Override
    protected void execute(TaskListener listener) {
        Reconciliation.run(jenkins);
    }
}
