package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.slaves.AbstractCloudSlave;
import hudson.slaves.EphemeralNode;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskHandle;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Jenkins agent that runs as one ECS task. It exists from the moment it is planned (so that its inbound secret
 * is known before RunTask, and an agent dialling in early finds it) until its task stopped. Ephemeral: Jenkins
 * removes it rather than keeping it offline.
 *
 * <p>Persisted state is Strings and numbers only (JEP-200): the cloud and template names, and the cluster and task
 * ARN, saved the moment RunTask answers so that a restart finds and stops the task. Everything else is runtime
 * state, rebuilt by the cloud when it adopts the agent.
 */
public final class EcsAgent extends AbstractCloudSlave implements EphemeralNode {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(EcsAgent.class.getName());
    static final String TERMINATED_BY_JENKINS = Messages.format("EcsAgent.removedInJenkins");

    private final String cloudName;
    private final String templateName;
    private final int cpuUnits;
    private volatile String cluster;
    private volatile String taskArn;
    private volatile String logsUrl;

    private transient volatile CloudRuntime runtime;
    private transient volatile AgentStatus status;
    private transient volatile String retireReason;
    private transient String stopOnceStarted;

    EcsAgent(String name, String cloudName, TemplatePlan template, CloudRuntime runtime, Instant plannedAt)
            throws Descriptor.FormException, IOException {
        super(name, template.agentWorkDir(), new EcsInboundLauncher());
        this.cloudName = cloudName;
        this.templateName = template.name();
        this.cpuUnits = (int) Math.round(template.vcpus() * 1024);
        this.runtime = runtime;
        this.status = new AgentStatus(plannedAt);
        setNodeDescription(Messages.format("EcsAgent.description", template.name(), cloudName));
        setNumExecutors(template.numExecutors());
        setLabelString(template.labelString());
        setMode(template.labelString().isEmpty() ? Mode.NORMAL : Mode.EXCLUSIVE);
        setRetentionStrategy(
                template.isOneShot()
                        ? new OneShotRetentionStrategy()
                        : new IdleRetentionStrategy(template.idleMinutes()));
    }

    @Override
    protected Object readResolve() {
        status = new AgentStatus(Instant.now());
        return super.readResolve();
    }

    @Override
    public EcsComputer createComputer() {
        return new EcsComputer(this);
    }

    @Override
    public Node asNode() {
        return this;
    }

    public String getCloudName() {
        return cloudName;
    }

    public String getTemplateName() {
        return templateName;
    }

    /** The task's size in vCPU, as counted against the cloud's cap. */
    public double vcpus() {
        return cpuUnits / 1024.0;
    }

    /** The cluster the task runs in, or null before RunTask answered. */
    public String getCluster() {
        return cluster;
    }

    /** The task's ARN, or null before RunTask answered. */
    public String getTaskArn() {
        return taskArn;
    }

    /** The CloudWatch Logs console link of the agent container, or null. */
    public String getLogsUrl() {
        return logsUrl;
    }

    /** The handle the engine follows and stops the task by, or null before RunTask answered. */
    public TaskHandle handle() {
        return taskArn == null ? null : new TaskHandle(cluster, taskArn, getNodeName());
    }

    /** Runtime status for the agent page and log. */
    AgentStatus status() {
        return status;
    }

    /**
     * RunTask answered: records the task (to be saved). Returns the reason to stop it at once if the agent was
     * retired while RunTask was in flight, else null.
     */
    synchronized String taskStarted(String clusterArn, String arn, String logs) {
        this.cluster = clusterArn;
        this.taskArn = arn;
        this.logsUrl = logs;
        String reason = stopOnceStarted;
        stopOnceStarted = null;
        return reason;
    }

    /**
     * The agent was retired: if RunTask has not answered yet, its task is to be stopped as soon as it is known and
     * this returns true; if the task is known already, this returns false and the caller stops it.
     */
    synchronized boolean stopOnceStarted(String reason) {
        if (taskArn != null) {
            return false;
        }
        stopOnceStarted = reason;
        return true;
    }

    CloudRuntime runtime() {
        return runtime;
    }

    void attach(CloudRuntime cloudRuntime) {
        this.runtime = cloudRuntime;
    }

    /** Sets the reason the next {@link #_terminate} gives ECS; without one, the agent was removed in Jenkins. */
    void retireWith(String reason) {
        this.retireReason = reason;
    }

    /** Stops the task (without waiting for ECS to confirm); Jenkins removes the node afterwards. */
    @Override
    protected void _terminate(TaskListener listener) throws IOException, InterruptedException {
        String reason = retireReason == null ? TERMINATED_BY_JENKINS : retireReason;
        CloudRuntime cloud = runtime;
        if (cloud == null) {
            LOGGER.log(Level.WARNING, "Agent {0}: cloud {1} is gone; its task {2} is left to the reaper", new Object[] {
                getNodeName(), cloudName, taskArn
            });
            return;
        }
        listener.getLogger().println(Messages.format("EcsAgent.stopping", reason));
        cloud.agentRetired(this, reason);
    }

    /** The node type as Jenkins lists it; agents are only ever created by their cloud. */
    @Extension
    public static final class DescriptorImpl extends SlaveDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("EcsAgent.displayName");
        }

        @Override
        public boolean isInstantiable() {
            return false;
        }
    }
}
