package io.jenkins.plugins.ecsfargate.engine.tracking;

/**
 * Where an agent's task is in its life, in order. ECS's finer statuses fold into these: ACTIVATING into
 * {@link #PENDING}, DEACTIVATING, STOPPING and DEPROVISIONING into {@link #STOPPING}. A task only moves forward;
 * {@link #CONNECTED} is the one phase ECS cannot see, so the caller reports it.
 */
public enum TaskPhase {
    /** RunTask returned the task; ECS has not been asked about it yet. */
    REQUESTED,
    /** ECS is preparing the task's network interface. */
    PROVISIONING,
    /** The image is being pulled and the containers started. */
    PENDING,
    /** The containers run; the agent has not connected yet. */
    RUNNING,
    /** The agent connected to Jenkins (reported by the caller). */
    CONNECTED,
    /** ECS is stopping the task (desired status STOPPED). */
    STOPPING,
    /** The task stopped, or ECS no longer knows it. Final. */
    STOPPED;

    /** The phase ECS's {@code lastStatus} means; unknown statuses count as the earliest phase. */
    static TaskPhase ofLastStatus(String lastStatus) {
        if (lastStatus == null) {
            return REQUESTED;
        }
        return switch (lastStatus) {
            case "PROVISIONING" -> PROVISIONING;
            case "PENDING", "ACTIVATING" -> PENDING;
            case "RUNNING" -> RUNNING;
            case "DEACTIVATING", "STOPPING", "DEPROVISIONING" -> STOPPING;
            case "STOPPED", "DELETED" -> STOPPED;
            default -> REQUESTED;
        };
    }

    boolean isBefore(TaskPhase other) {
        return compareTo(other) < 0;
    }
}
