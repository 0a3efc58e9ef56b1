package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Executor;
import hudson.model.ExecutorListener;
import hudson.model.Queue;
import hudson.slaves.RetentionStrategy;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;

/**
 * One build per agent: the agent takes one task, and when that task ends the agent is retired and its ECS task
 * stopped. Core has no such strategy; Jenkins tells it about tasks because it is also an {@link ExecutorListener}.
 * An agent that connects after the build it was started for went away (cancelled, or its job deleted) and takes no
 * other within {@link #UNUSED_MINUTES} is retired too, so that its task does not run on for nothing.
 */
public final class OneShotRetentionStrategy extends RetentionStrategy<EcsComputer> implements ExecutorListener {
    static final String REASON = Messages.format("OneShotRetentionStrategy.reason");
    static final int UNUSED_MINUTES = 1;

    private transient volatile boolean used;

    /** Jenkins only calls {@code check} from its own start; the launch must be asked for explicitly. */
    @Override
    public void start(EcsComputer c) {
        c.connect(false);
    }

    @Override
    public long check(EcsComputer c) {
        if (!used
                && IdleRetentionStrategy.retireWhenIdle(
                        c, UNUSED_MINUTES, Messages.format("OneShotRetentionStrategy.unused", UNUSED_MINUTES))) {
            used = true;
            c.setAcceptingTasks(false);
        }
        return 1;
    }

    @Override
    public boolean isAcceptingTasks(EcsComputer c) {
        return !used;
    }

    @Override
    public void taskAccepted(Executor executor, Queue.Task task) {
        used = true;
    }

    @Override
    public void taskCompleted(Executor executor, Queue.Task task, long durationMS) {
        done(executor);
    }

    @Override
    public void taskCompletedWithProblems(Executor executor, Queue.Task task, long durationMS, Throwable problems) {
        done(executor);
    }

    private void done(Executor executor) {
        used = true;
        if (executor.getOwner() instanceof EcsComputer computer && computer.getNode() != null) {
            computer.setAcceptingTasks(false);
            EcsAgent agent = computer.getNode();
            CloudRuntime runtime = agent.runtime();
            if (runtime != null) {
                runtime.retire(agent, REASON);
            }
        }
    }

    /** Lets Jenkins render the agent's configuration page. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<RetentionStrategy<?>> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("OneShotRetentionStrategy.displayName");
        }
    }
}
