package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.slaves.RetentionStrategy;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;

/**
 * Keeps a connected agent while it is busy or idle for less than a number of minutes, then retires it and stops its
 * task. An agent that has not connected yet is left alone: the tracker's start and connect timeouts govern it.
 */
public final class IdleRetentionStrategy extends RetentionStrategy<EcsComputer> {
    private final int idleMinutes;

    public IdleRetentionStrategy(int idleMinutes) {
        this.idleMinutes = Math.max(1, idleMinutes);
    }

    public int getIdleMinutes() {
        return idleMinutes;
    }

    @Override
    public void start(EcsComputer c) {
        c.connect(false);
    }

    @Override
    public long check(EcsComputer c) {
        EcsAgent agent = c.getNode();
        if (agent == null || agent.runtime() == null || !agent.status().connected()) {
            return 1;
        }
        CloudRuntime runtime = agent.runtime();
        long connectedAt = agent.status().phases().get(TaskPhase.CONNECTED).toEpochMilli();
        long idleSince = Math.max(c.getIdleStartMilliseconds(), connectedAt);
        long idleMillis = runtime.clock().millis() - idleSince;
        if (c.isIdle() && idleMillis > idleMinutes * 60_000L) {
            runtime.retire(agent, Messages.format("IdleRetentionStrategy.reason", idleMinutes));
        }
        return 1;
    }

    /** Lets Jenkins render the agent's configuration page. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<RetentionStrategy<?>> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("IdleRetentionStrategy.displayName");
        }
    }
}
