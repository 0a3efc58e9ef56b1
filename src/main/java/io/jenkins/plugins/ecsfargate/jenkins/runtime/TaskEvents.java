package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Computer;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskEvent;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskFailure;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the tracker's events into what Jenkins shows: each phase goes to the agent's status and log; a task that
 * fails or stops without being asked to takes its node offline at once with the stop code and reason, and the node
 * is removed (after a short grace when it failed, so its page still shows why). Runs on the tracker's thread, so
 * anything touching Jenkins' node list is handed to the timer.
 */
final class TaskEvents {
    private static final Logger LOGGER = Logger.getLogger(TaskEvents.class.getName());
    /** How long the node of a failed agent stays (offline) so that its page can be read. */
    static final Duration FAILED_NODE_GRACE = Duration.ofMinutes(2);

    private final CloudRuntime cloud;

    TaskEvents(CloudRuntime cloud) {
        this.cloud = cloud;
    }

    void onEvent(TaskEvent event) {
        EcsAgent agent = cloud.agents().get(event.handle().agentName());
        if (agent == null || !event.handle().taskArn().equals(agent.getTaskArn())) {
            LOGGER.log(Level.FINE, "No current agent for {0}", event.handle());
            return;
        }
        agent.status().phase(event.phase(), event.at(), event.state().lastStatus());
        Optional<TemplatePlan> template = cloud.templates().find(agent.getTemplateName());
        if (event.phase() == TaskPhase.RUNNING) {
            template.ifPresent(t -> cloud.engine().reportStarted(t.name()));
        }
        TaskFailure failure = event.failure();
        if (failure != null) {
            failed(agent, template, failure);
        } else if (event.isFinal()) {
            takeDown(
                    agent,
                    event.state().stopCode(),
                    Messages.format("TaskEvents.stopped", event.state().stoppedReason()),
                    null);
        }
    }

    private void failed(EcsAgent agent, Optional<TemplatePlan> template, TaskFailure failure) {
        if (failure.kind() == TaskFailure.Kind.STOP_FAILED) {
            agent.status().line(Messages.format("TaskEvents.stopFailed", failure.describe()));
            template.ifPresent(t -> cloud.failures().failed(t.name(), agent.getNodeName(), failure.failure()));
            return;
        }
        if (failure.isNormalEnd()) {
            takeDown(agent, failure.stopCode(), Messages.format("TaskEvents.agentEnded"), null);
            return;
        }
        boolean connected = agent.status().connected();
        template.ifPresent(t -> {
            if (!connected) {
                cloud.engine().reportFailure(t.name(), failure.failure());
            }
            cloud.failures().failed(t.name(), agent.getNodeName(), failure.failure());
        });
        takeDown(agent, failure.stopCode(), failure.describe(), failure.failure());
    }

    /** The reaper found the agent's task gone: the node goes, with whatever ECS still said about the stop. */
    void gone(EcsAgent agent, String stopCode, String stoppedReason) {
        String reason = stoppedReason == null ? Messages.format("TaskEvents.unknownToEcs") : stoppedReason;
        agent.status().line(Messages.format("TaskEvents.gone", reason));
        LaunchPhase phase = agent.status().connected() ? LaunchPhase.RUNNING : LaunchPhase.START;
        LaunchFailure cause = stopCode == null
                ? FailureClassifier.of(phase, FailureCause.TASK_MISSING, reason)
                : FailureClassifier.fromStoppedTask(phase, stopCode, stoppedReason, List.of());
        takeDown(agent, stopCode, reason, cause);
    }

    /** Takes the agent's node down; {@code failure} is null when the task ended as it should. */
    private void takeDown(EcsAgent agent, String stopCode, String reason, LaunchFailure failure) {
        boolean failed = failure != null;
        if (failed) {
            agent.status().failed(failure, reason);
        } else {
            agent.status().stopped(reason, false);
        }
        cloud.agents().remove(agent.getNodeName(), agent);
        TaskStoppedCause cause = new TaskStoppedCause(stopCode, reason);
        cloud.scheduler().schedule(Duration.ZERO, () -> {
            Computer computer = cloud.jenkins().computer(agent);
            if (computer != null) {
                computer.setTemporarilyOffline(true, cause);
                computer.disconnect(cause);
            }
            if (!failed) {
                cloud.removeNode(agent);
            }
        });
        if (failed) {
            cloud.scheduler().schedule(FAILED_NODE_GRACE, () -> cloud.removeNode(agent));
        }
    }
}
