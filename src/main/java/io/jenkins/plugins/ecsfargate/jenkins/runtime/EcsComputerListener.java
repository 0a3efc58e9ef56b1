package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.Extension;
import hudson.model.Computer;
import hudson.model.TaskListener;
import hudson.slaves.ComputerListener;

/** Tells an agent's cloud that the agent connected: its connect timeout ends and the launcher stops waiting. */
@Extension
public final class EcsComputerListener extends ComputerListener {
    @Override
    public void onOnline(Computer c, TaskListener listener) {
        if (c instanceof EcsComputer computer && computer.getNode() != null) {
            EcsAgent agent = computer.getNode();
            CloudRuntime runtime = agent.runtime();
            if (runtime != null) {
                runtime.agentConnected(agent);
            }
        }
    }
}
