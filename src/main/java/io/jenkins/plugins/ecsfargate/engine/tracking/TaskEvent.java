package io.jenkins.plugins.ecsfargate.engine.tracking;

import java.time.Instant;

/**
 * One thing that happened to a tracked task: it entered {@code phase} at {@code at}, and/or it failed. Events of
 * one task arrive in order; {@link TaskPhase#STOPPED} is the last one for that task.
 *
 * @param failure the failure this event reports for the first time, or null (later events keep it in
 *     {@link TaskState#failure()})
 */
public record TaskEvent(TaskPhase phase, Instant at, TaskState state, TaskFailure failure) {
    public TaskHandle handle() {
        return state.handle();
    }

    /** The last event for this task: it stopped or vanished, the tracker forgets it. */
    public boolean isFinal() {
        return phase == TaskPhase.STOPPED;
    }
}
