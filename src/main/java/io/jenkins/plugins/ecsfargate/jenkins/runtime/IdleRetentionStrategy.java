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
        retireWhenIdle(c, idleMinutes, Messages.format("IdleRetentionStrategy.reason", idleMinutes));
        return 1;
    }

    /**
     * Retires the computer's agent when it is connected and has had nothing to do for more than {@code minutes},
     * counted from its connection at the earliest; answers whether it did.
     */
    static boolean retireWhenIdle(EcsComputer c, int minutes, String reason) {
        EcsAgent agent = c.getNode();
        if (agent == null) {
            return false;
        }
        CloudRuntime runtime = agent.runtime();
        if (runtime == null || !agent.status().connected() || !c.isIdle()) {
            return false;
        }
        long connectedAt = agent.status().phases().get(TaskPhase.CONNECTED).toEpochMilli();
        long idleMillis = runtime.clock().millis() - Math.max(c.getIdleStartMilliseconds(), connectedAt);
        if (idleMillis <= minutes * 60_000L) {
            return false;
        }
        runtime.retire(agent, reason);
        return true;
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
