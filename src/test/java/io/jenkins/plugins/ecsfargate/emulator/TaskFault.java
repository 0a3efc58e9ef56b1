package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Duration;

/**
 * A scripted misfortune for one launched task. Start failures end in STOPPED with {@code TaskFailedToStart};
 * faults after RUNNING ({@code after} the task started) stop it as Fargate does: spot interruption, the essential
 * container exiting with a code, or being killed for memory.
 */
public record TaskFault(Kind kind, Duration after, int exitCode, String reason) {

    public enum Kind {
        CANNOT_PULL,
        RESOURCE_INITIALIZATION,
        STUCK_PENDING,
        SPOT_INTERRUPTION,
        ESSENTIAL_CONTAINER_EXITED,
        OUT_OF_MEMORY
    }

    public static final String OUT_OF_MEMORY_REASON = "OutOfMemoryError: Container killed due to memory usage";
    public static final String SPOT_REASON = "Your Spot Task was interrupted.";
    public static final String ESSENTIAL_EXITED_REASON = "Essential container in task exited";

    /** The image pull fails (PENDING → STOPPED, TaskFailedToStart). */
    public static TaskFault cannotPullContainer() {
        return cannotPullContainer("jenkins/inbound-agent:latest");
    }

    /** The pull of {@code image} fails, with the reference as the container runtime resolves it. */
    public static TaskFault cannotPullContainer(String image) {
        return new TaskFault(
                Kind.CANNOT_PULL,
                Duration.ZERO,
                0,
                "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                        + resolvedReference(image) + ": not found");
    }

    /** This fault as it strikes a task whose agent container runs {@code image}: a failed pull names it. */
    TaskFault striking(String image) {
        return kind == Kind.CANNOT_PULL && image != null ? cannotPullContainer(image) : this;
    }

    /** {@code alpine:3} is {@code docker.io/library/alpine:3}, {@code jenkins/agent} is on docker.io too. */
    static String resolvedReference(String image) {
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        if (hasRegistry) {
            return image;
        }
        return slash < 0 ? "docker.io/library/" + image : "docker.io/" + image;
    }

    /** Secrets or registry auth cannot be fetched before the pull (TaskFailedToStart). */
    public static TaskFault resourceInitializationError() {
        return new TaskFault(
                Kind.RESOURCE_INITIALIZATION,
                Duration.ZERO,
                0,
                "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval"
                        + " failed: unable to retrieve secret from asm: service call has been retried 5 time(s):"
                        + " failed to fetch secret");
    }

    /** The task stays PENDING until Fargate's start timeout ({@code timeout}) stops it (TaskFailedToStart). */
    public static TaskFault stuckPending(Duration timeout) {
        return new TaskFault(
                Kind.STUCK_PENDING,
                timeout,
                0,
                "Task failed to start: unable to transition to RUNNING; timed out after waiting " + timeout.toSeconds()
                        + "s");
    }

    /** Fargate's 3-minute start timeout. */
    public static TaskFault stuckPending() {
        return stuckPending(Duration.ofMinutes(3));
    }

    /** Fargate Spot reclaims the capacity {@code after} the task reached RUNNING. */
    public static TaskFault spotInterruption(Duration after) {
        return new TaskFault(Kind.SPOT_INTERRUPTION, after, 143, SPOT_REASON);
    }

    /** The essential container exits with {@code exitCode} {@code after} the task reached RUNNING. */
    public static TaskFault essentialContainerExited(Duration after, int exitCode) {
        return new TaskFault(Kind.ESSENTIAL_CONTAINER_EXITED, after, exitCode, ESSENTIAL_EXITED_REASON);
    }

    /** The container is killed for memory (exit 137) {@code after} the task reached RUNNING. */
    public static TaskFault outOfMemory(Duration after) {
        return new TaskFault(Kind.OUT_OF_MEMORY, after, 137, OUT_OF_MEMORY_REASON);
    }

    boolean failsToStart() {
        return kind == Kind.CANNOT_PULL || kind == Kind.RESOURCE_INITIALIZATION || kind == Kind.STUCK_PENDING;
    }
}
