package io.jenkins.plugins.ecsfargate.engine.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tracker knows about one task at one moment: its phase, when it entered each phase so far (ECS's own
 * timestamps where ECS gives them), ECS's statuses, and once it stops, the stop code, reason and each container's
 * exit. Immutable.
 *
 * @param lastStatus ECS's {@code lastStatus}, or null before ECS described the task
 * @param desiredStatus ECS's {@code desiredStatus}, or null before ECS described the task
 * @param failure the first failure reported for this task, or null
 * @param stopRequested whether this controller asked for the stop (then the stop is no failure)
 * @param vanished ECS no longer knows the task (it never saw STOPPED, or the stopped task expired)
 */
public record TaskState(
        TaskHandle handle,
        TaskPhase phase,
        Map<TaskPhase, Instant> phaseTimes,
        String lastStatus,
        String desiredStatus,
        String stopCode,
        String stoppedReason,
        List<ContainerExit> containers,
        TaskFailure failure,
        boolean stopRequested,
        boolean vanished) {

    public TaskState {
        EnumMap<TaskPhase, Instant> copy = new EnumMap<>(TaskPhase.class);
        copy.putAll(phaseTimes);
        phaseTimes = Collections.unmodifiableMap(copy);
        containers = List.copyOf(containers);
    }

    /** When the task entered {@code phase}, if it did and the moment is known. */
    public Optional<Instant> timeOf(TaskPhase phase) {
        return Optional.ofNullable(phaseTimes.get(phase));
    }

    /** Time from one phase to another (e.g. REQUESTED → RUNNING), if both are known. */
    public Optional<Duration> between(TaskPhase from, TaskPhase to) {
        Instant start = phaseTimes.get(from);
        Instant end = phaseTimes.get(to);
        return start == null || end == null ? Optional.empty() : Optional.of(Duration.between(start, end));
    }

    public boolean isStopped() {
        return phase == TaskPhase.STOPPED;
    }

    /** The container whose exit explains the stop best: a non-zero exit or a reason first, else any exit. */
    public Optional<ContainerExit> telling() {
        return ContainerExit.telling(containers);
    }
}
