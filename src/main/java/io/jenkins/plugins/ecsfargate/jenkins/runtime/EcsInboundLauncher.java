package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.TaskListener;
import hudson.slaves.ComputerLauncher;
import hudson.slaves.JNLPLauncher;
import hudson.slaves.SlaveComputer;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Launches nothing itself: the cloud started the task when it planned the agent. It writes each phase of the task
 * with its timing to the agent's log as the tracker reports it, and returns once the agent connected or its task
 * ended, so Jenkins counts the agent as connecting meanwhile. An inbound launcher, as Jenkins accepts inbound
 * connections only for agents whose launcher is a {@link JNLPLauncher}.
 */
public final class EcsInboundLauncher extends JNLPLauncher {
    private static final Logger LOGGER = Logger.getLogger(EcsInboundLauncher.class.getName());
    /** A bound on the wait should the tracker never settle the agent; its own timeouts normally end it sooner. */
    static final long MAX_WAIT_MINUTES = 30;

    public EcsInboundLauncher() {
        setWebSocket(true);
    }

    @Override
    public void launch(SlaveComputer computer, TaskListener listener) {
        if (!(computer instanceof EcsComputer ecs) || ecs.getNode() == null) {
            listener.error(Messages.format("EcsInboundLauncher.notOurs", computer.getName()));
            return;
        }
        EcsAgent agent = ecs.getNode();
        AgentStatus status = agent.status();
        listener.getLogger()
                .println(Messages.format("EcsInboundLauncher.waiting", agent.getNodeName(), agent.getTemplateName()));
        status.attachLog(listener.getLogger());
        try {
            status.settled().get(MAX_WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.getLogger().println(Messages.format("EcsInboundLauncher.interrupted"));
        } catch (ExecutionException | TimeoutException e) {
            LOGGER.log(Level.WARNING, e, () -> "Agent " + agent.getNodeName() + " did not settle");
            listener.error(Messages.format("EcsInboundLauncher.notConnected", e));
        }
    }

    /** Lets Jenkins render the agent's configuration page; agents are never configured by hand. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<ComputerLauncher> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("EcsInboundLauncher.displayName");
        }
    }
}
