package io.jenkins.plugins.ecsfargate.engine.tracking;

/**
 * Receives every tracked task's events, on the scheduler's thread. Must return quickly and never block: one
 * listener delays the whole tracker. An exception is logged and does not stop other listeners.
 */
@FunctionalInterface
public interface TaskListener {
    void onEvent(TaskEvent event);
}
