package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.slaves.AbstractCloudComputer;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The computer of an {@link EcsAgent}: what its page shows about the ECS task (ARN, cluster, status, how long each
 * phase took, why it stopped, where its logs are).
 */
public final class EcsComputer extends AbstractCloudComputer<EcsAgent> {
    public EcsComputer(EcsAgent agent) {
        super(agent);
    }

    public String getTaskArn() {
        EcsAgent agent = getNode();
        return agent == null ? null : agent.getTaskArn();
    }

    public String getCluster() {
        EcsAgent agent = getNode();
        return agent == null ? null : agent.getCluster();
    }

    public String getLogsUrl() {
        EcsAgent agent = getNode();
        return agent == null ? null : agent.getLogsUrl();
    }

    /** ECS's last status of the task, or null before the tracker described it. */
    public String getTaskStatus() {
        AgentStatus status = status();
        return status == null ? null : status.lastStatus();
    }

    /** Why the task stopped or could not start, or null while it runs. */
    public String getStopReason() {
        AgentStatus status = status();
        return status == null ? null : status.stopReason();
    }

    /** Each phase reached so far with the time since the agent was planned, in order. */
    public List<PhaseTiming> getPhaseTimings() {
        AgentStatus status = status();
        List<PhaseTiming> timings = new ArrayList<>();
        if (status == null) {
            return timings;
        }
        for (TaskPhase phase : TaskPhase.values()) {
            Duration since = status.sincePlanned(phase);
            if (since != null) {
                timings.add(new PhaseTiming(phase.name(), AgentStatus.format(since)));
            }
        }
        return timings;
    }

    private AgentStatus status() {
        EcsAgent agent = getNode();
        return agent == null ? null : agent.status();
    }

    /** One row of the agent page's timing table. */
    public static final class PhaseTiming {
        private final String phase;
        private final String sincePlanned;

        PhaseTiming(String phase, String sincePlanned) {
            this.phase = phase;
            this.sincePlanned = sincePlanned;
        }

        public String getPhase() {
            return phase;
        }

        public String getSincePlanned() {
            return sincePlanned;
        }
    }
}
