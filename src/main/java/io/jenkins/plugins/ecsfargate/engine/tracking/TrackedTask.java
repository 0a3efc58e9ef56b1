package io.jenkins.plugins.ecsfargate.engine.tracking;

import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The tracker's mutable record of one task: folds each ECS description into phase, phase times and stop details,
 * and turns what it sees into events. Not thread-safe; the tracker guards it.
 */
final class TrackedTask {
    final TaskHandle handle;
    final Instant requestedAt;
    final TaskTimeouts timeouts;
    final CompletableFuture<TaskState> stopped = new CompletableFuture<>();
    private final EnumMap<TaskPhase, Instant> times = new EnumMap<>(TaskPhase.class);
    private TaskPhase phase = TaskPhase.REQUESTED;
    private String lastStatus;
    private String desiredStatus;
    private String stopCode;
    private String stoppedReason;
    private List<ContainerExit> containers = List.of();
    private boolean seen;
    private TaskFailure failure;
    private boolean vanished;
    private String stopReason;
    boolean stopInFlight;
    Instant stopRetryAt;
    boolean stopFailureReported;

    TrackedTask(TaskHandle handle, Instant requestedAt, TaskTimeouts timeouts) {
        this.handle = handle;
        this.requestedAt = requestedAt;
        this.timeouts = timeouts;
        times.put(TaskPhase.REQUESTED, requestedAt);
    }

    TaskPhase phase() {
        return phase;
    }

    boolean isStopWanted() {
        return stopReason != null;
    }

    String stopReason() {
        return stopReason;
    }

    /** ECS has been told (or has decided) to stop the task. */
    boolean isStopping() {
        return "STOPPED".equals(desiredStatus) || !phase.isBefore(TaskPhase.STOPPING);
    }

    boolean isStarting() {
        return phase.isBefore(TaskPhase.RUNNING) && !isStopping();
    }

    /**
     * Whether ECS has yet to describe the task as running although it is not stopping: true while it starts, and
     * also when its agent connected before a description showed RUNNING (an agent can dial in between two polls).
     * Such a task is polled at the starting pace, so that its status catches up instead of showing a starting
     * state until the next slow round.
     */
    boolean awaitsRunningDescription() {
        return isStarting() || (!times.containsKey(TaskPhase.RUNNING) && !isStopping() && !vanished);
    }

    /** Marks the stop as ours; from now on a stop is no failure. Returns false if it already was. */
    boolean wantStop(String reason) {
        if (stopReason != null) {
            return false;
        }
        stopReason = Objects.requireNonNull(reason, "reason");
        return true;
    }

    /** Folds in ECS's description of the task; returns the events it causes, in order. */
    List<TaskEvent> observe(Task task, Instant now) {
        seen = true;
        lastStatus = task.lastStatus();
        desiredStatus = task.desiredStatus();
        stopCode = task.stopCodeAsString();
        stoppedReason = task.stoppedReason();
        containers = task.containers().stream().map(TrackedTask::exitOf).toList();
        Instant created = task.createdAt();
        if (created != null && created.isBefore(times.get(TaskPhase.REQUESTED))) {
            // Adopted after a restart: the request happened before ECS created the task, not when tracking began.
            times.put(TaskPhase.REQUESTED, created);
        }
        record(TaskPhase.PROVISIONING, created);
        record(TaskPhase.PENDING, firstNonNull(task.connectivityAt(), task.pullStartedAt()));
        record(TaskPhase.RUNNING, task.startedAt());
        record(TaskPhase.STOPPING, task.stoppingAt());
        record(TaskPhase.STOPPED, task.stoppedAt());
        TaskPhase observed = TaskPhase.ofLastStatus(lastStatus);
        if ("STOPPED".equals(desiredStatus) && observed.isBefore(TaskPhase.STOPPING)) {
            observed = TaskPhase.STOPPING;
        }
        if (observed == TaskPhase.RUNNING && phase == TaskPhase.CONNECTED) {
            observed = TaskPhase.CONNECTED;
        }
        List<TaskEvent> events = advanceTo(observed, now);
        if (isStopping() && !isStopWanted() && failure == null) {
            LaunchFailure classified =
                    FailureClassifier.fromStoppedTask(launchPhase(), stopCode, stoppedReason, containerReasons());
            report(TaskFailure.Kind.STOPPED_ON_ITS_OWN, classified, events, now);
        }
        return events;
    }

    /** ECS does not know the task. Returns the final event if that means it is gone, else nothing. */
    List<TaskEvent> missing(Instant now, Duration grace) {
        if (!seen && now.isBefore(requestedAt.plus(grace))) {
            return List.of();
        }
        vanished = true;
        List<TaskEvent> events = new ArrayList<>();
        if (!isStopWanted() && failure == null) {
            report(
                    TaskFailure.Kind.VANISHED,
                    FailureClassifier.of(
                            launchPhase(),
                            FailureCause.TASK_MISSING,
                            seen
                                    ? "ECS no longer knows the task: it stopped over an hour ago"
                                    : "ECS never described the task within " + grace + " of RunTask"),
                    events,
                    now);
        }
        events.addAll(advanceTo(TaskPhase.STOPPED, now));
        return events;
    }

    /** The agent connected; returns its event, or nothing if the task is already past that. */
    List<TaskEvent> connected(Instant now) {
        return phase.isBefore(TaskPhase.CONNECTED) ? advanceTo(TaskPhase.CONNECTED, now) : List.of();
    }

    /** A failure the tracker found itself (timeout, stop refused); returns its event. */
    List<TaskEvent> fail(TaskFailure.Kind kind, LaunchFailure classified, Instant now) {
        List<TaskEvent> events = new ArrayList<>();
        report(kind, classified, events, now);
        return events;
    }

    /** The start or connect timeout struck: reports it and marks the task to be stopped. */
    List<TaskEvent> timeOut(TaskFailure.Kind kind, Instant now) {
        boolean start = kind == TaskFailure.Kind.START_TIMEOUT;
        Duration timeout = start ? timeouts.start() : timeouts.connect();
        String status = lastStatus == null ? "not yet described by ECS" : lastStatus;
        LaunchFailure failure = FailureClassifier.of(
                start ? LaunchPhase.START : LaunchPhase.CONNECT,
                start ? FailureCause.START_TIMED_OUT : FailureCause.CONNECT_TIMED_OUT,
                (start ? "the task was still " : "the agent had not connected; the task was ") + status + " after "
                        + timeout);
        List<TaskEvent> events = fail(kind, failure, now);
        wantStop(
                start
                        ? "ecs-fargate: did not start within " + timeout
                        : "ecs-fargate: agent did not connect within " + timeout);
        return events;
    }

    /** Whether a StopTask should go out now; if so, marks it in flight. */
    boolean claimStopCall(Instant now) {
        if (!isStopWanted() || stopInFlight || isStopping()) {
            return false;
        }
        if (stopRetryAt != null && now.isBefore(stopRetryAt)) {
            return false;
        }
        stopInFlight = true;
        return true;
    }

    /** When the start timeout strikes, or null if it no longer applies. */
    Instant startDeadline() {
        return isStarting() && !isStopWanted() ? requestedAt.plus(timeouts.start()) : null;
    }

    /**
     * When the connect timeout strikes, or null if it does not apply (yet or any more). It counts from RUNNING,
     * or from when tracking began if that is later: a task adopted after a restart gets the full timeout for its
     * agent to reconnect.
     */
    Instant connectDeadline() {
        Instant running = times.get(TaskPhase.RUNNING);
        if (phase != TaskPhase.RUNNING || running == null || isStopping() || isStopWanted()) {
            return null;
        }
        return (running.isAfter(requestedAt) ? running : requestedAt).plus(timeouts.connect());
    }

    /** Where the task's life was when it failed, in the failure table's terms. */
    LaunchPhase launchPhase() {
        if (times.containsKey(TaskPhase.CONNECTED)) {
            return LaunchPhase.RUNNING;
        }
        return times.containsKey(TaskPhase.RUNNING) ? LaunchPhase.CONNECT : LaunchPhase.START;
    }

    String lastStatus() {
        return lastStatus;
    }

    TaskState snapshot() {
        return new TaskState(
                handle,
                phase,
                times,
                lastStatus,
                desiredStatus,
                stopCode,
                stoppedReason,
                containers,
                failure,
                isStopWanted(),
                vanished);
    }

    private void report(TaskFailure.Kind kind, LaunchFailure classified, List<TaskEvent> events, Instant now) {
        TaskFailure reported = new TaskFailure(
                handle,
                kind,
                classified,
                lastStatus,
                stopCode,
                stoppedReason,
                ContainerExit.telling(containers).orElse(null));
        if (failure == null) {
            failure = reported;
        }
        if (events.isEmpty()) {
            events.add(new TaskEvent(phase, now, snapshot(), reported));
        } else {
            TaskEvent last = events.remove(events.size() - 1);
            events.add(new TaskEvent(last.phase(), last.at(), snapshot(), reported));
        }
    }

    private List<TaskEvent> advanceTo(TaskPhase target, Instant now) {
        List<TaskEvent> events = new ArrayList<>();
        for (TaskPhase next : TaskPhase.values()) {
            if (!phase.isBefore(next) || target.isBefore(next)) {
                continue;
            }
            if (next == TaskPhase.CONNECTED && target != TaskPhase.CONNECTED) {
                continue;
            }
            if (next != target && !times.containsKey(next)) {
                continue;
            }
            times.putIfAbsent(next, now);
            phase = next;
            events.add(new TaskEvent(next, times.get(next), snapshot(), null));
        }
        return events;
    }

    private void record(TaskPhase at, Instant when) {
        if (when != null) {
            times.putIfAbsent(at, when);
        }
    }

    private List<String> containerReasons() {
        return containers.stream()
                .map(ContainerExit::reason)
                .filter(Objects::nonNull)
                .toList();
    }

    private static ContainerExit exitOf(Container container) {
        return new ContainerExit(container.name(), container.exitCode(), container.reason());
    }

    private static Instant firstNonNull(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
