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
        if (idleMillis(c) > idleMinutes * 60_000L) {
            c.getNode().runtime().retire(c.getNode(), Messages.format("IdleRetentionStrategy.reason", idleMinutes));
        }
        return 1;
    }

    /**
     * How long a connected agent has had nothing to do, counted from its connection at the earliest; -1 while it
     * is busy, not connected, or not part of a running cloud.
     */
    static long idleMillis(EcsComputer c) {
        EcsAgent agent = c.getNode();
        if (agent == null || agent.runtime() == null || !agent.status().connected() || !c.isIdle()) {
            return -1;
        }
        long connectedAt = agent.status().phases().get(TaskPhase.CONNECTED).toEpochMilli();
        return agent.runtime().clock().millis() - Math.max(c.getIdleStartMilliseconds(), connectedAt);
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
