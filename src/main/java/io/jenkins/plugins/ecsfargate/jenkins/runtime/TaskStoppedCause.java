package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.slaves.OfflineCause;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;

/**
 * Why an agent went offline because its ECS task stopped without being asked to (spot interruption, out of memory,
 * image pull failure, timeouts): the stop code and reason as ECS gave them, shown on the agent's page.
 */
public final class TaskStoppedCause extends OfflineCause {
    private final String stopCode;
    private final String reason;

    public TaskStoppedCause(String stopCode, String reason) {
        this.stopCode = stopCode;
        this.reason = reason;
    }

    public String getStopCode() {
        return stopCode;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        String why = reason == null ? "" : reason;
        return stopCode == null
                ? Messages.format("TaskStoppedCause.description", why)
                : Messages.format("TaskStoppedCause.descriptionWithCode", stopCode, why);
    }
}
