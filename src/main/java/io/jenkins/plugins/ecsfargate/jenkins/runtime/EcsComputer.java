package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.slaves.AbstractCloudComputer;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** ECS's last status of the task, as the tracker knows it now, or null before the tracker described it. */
    public String getTaskStatus() {
        Optional<TaskState> live = liveState();
        if (live.isPresent() && live.get().lastStatus() != null) {
            return live.get().lastStatus();
        }
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
        Map<TaskPhase, Instant> ecsTimes =
                liveState().map(TaskState::phaseTimes).orElse(Map.of());
        for (TaskPhase phase : TaskPhase.values()) {
            Duration since = status.sincePlanned(phase);
            if (since == null && ecsTimes.containsKey(phase)) {
                // reached in ECS without an event of its own: the agent connected before the tracker saw it
                since = Duration.between(status.plannedAt(), ecsTimes.get(phase));
            }
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

    private Optional<TaskState> liveState() {
        EcsAgent agent = getNode();
        CloudRuntime runtime = agent == null ? null : agent.runtime();
        return runtime == null ? Optional.empty() : runtime.liveState(agent.getTaskArn());
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
