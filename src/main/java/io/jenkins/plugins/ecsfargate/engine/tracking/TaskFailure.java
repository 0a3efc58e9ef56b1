package io.jenkins.plugins.ecsfargate.engine.tracking;

import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;

/**
 * Why an agent's task failed, typed for the caller: what happened ({@link Kind}), the classified
 * {@link LaunchFailure} (phase, cause, fix) and what ECS last said about the task, so the user sees the stop code,
 * the reason and the container's exit code where they look.
 *
 * @param lastStatus the task's ECS {@code lastStatus} when the failure was noticed, or null if never described
 * @param container the container whose exit explains the stop best (non-zero exit or a reason), or null
 */
public record TaskFailure(
        TaskHandle handle,
        Kind kind,
        LaunchFailure failure,
        String lastStatus,
        String stopCode,
        String stoppedReason,
        ContainerExit container) {

    /** What went wrong. */
    public enum Kind {
        /** The task did not reach RUNNING within the start timeout; the tracker stopped it. */
        START_TIMEOUT,
        /** The agent did not connect within the connect timeout after RUNNING; the tracker stopped it. */
        CONNECT_TIMEOUT,
        /** ECS or the containers stopped the task without being asked (pull failure, OOM, spot, exit). */
        STOPPED_ON_ITS_OWN,
        /** ECS no longer knows the task, and nobody asked for it to stop. */
        VANISHED,
        /** StopTask failed for a reason retrying does not fix; the tracker keeps trying, slowly. */
        STOP_FAILED
    }

    /**
     * The agent's normal end: its essential container exited with code 0 after it had connected (a one-shot agent
     * after its build). Reported like any stop so the node goes away, but not an error.
     */
    public boolean isNormalEnd() {
        return kind == Kind.STOPPED_ON_ITS_OWN
                && "EssentialContainerExited".equals(stopCode)
                && failure.phase() == LaunchPhase.RUNNING
                && container != null
                && Integer.valueOf(0).equals(container.exitCode());
    }

    /** One line for the agent's log: the classified failure plus the stop code, status and exit code. */
    public String describe() {
        StringBuilder text = new StringBuilder(failure.describe());
        text.append(" [task ").append(handle.taskArn());
        if (lastStatus != null) {
            text.append(", last status ").append(lastStatus);
        }
        if (stopCode != null) {
            text.append(", stop code ").append(stopCode);
        }
        if (container != null && container.exitCode() != null) {
            text.append(", container ")
                    .append(container.name())
                    .append(" exit code ")
                    .append(container.exitCode());
        }
        if (container != null && container.reason() != null) {
            text.append(" (").append(container.reason()).append(')');
        }
        return text.append(']').toString();
    }
}
