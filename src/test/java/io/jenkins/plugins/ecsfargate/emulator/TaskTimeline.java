package io.jenkins.plugins.ecsfargate.emulator;

import io.jenkins.plugins.ecsfargate.emulator.LatencyModel.Phase;
import java.time.Duration;
import java.time.Instant;

/**
 * One task's lifecycle as instants planned in advance, read against the clock: nothing runs per task, the status
 * at any moment is computed from the plan. The start plan (PROVISIONING → PENDING → RUNNING, with connectivity and
 * pull instants) may be cut short by a stop plan (desired STOPPED at {@code requestedAt}, then DEACTIVATING when
 * the task had been RUNNING, STOPPING, DEPROVISIONING, STOPPED). A stop plan may lie in the future (a fault that
 * strikes later); a new stop replaces it only if it comes earlier.
 */
final class TaskTimeline {

    /** How and why the task stops, and when each stop step happens. */
    record StopPlan(
            Instant requestedAt,
            Instant deactivatingAt,
            Instant stoppingAt,
            Instant executionStoppedAt,
            Instant deprovisioningAt,
            Instant stoppedAt,
            String stopCode,
            String reason,
            Integer exitCode,
            String containerReason) {}

    final Instant createdAt;
    private final Instant pendingAt;
    private final Instant pullStartedAt;
    private final Instant pullStoppedAt;
    private final Instant startedAt;
    private StopPlan stop;

    TaskTimeline(
            Instant createdAt, Instant pendingAt, Instant pullStartedAt, Instant pullStoppedAt, Instant startedAt) {
        this.createdAt = createdAt;
        this.pendingAt = pendingAt;
        this.pullStartedAt = pullStartedAt;
        this.pullStoppedAt = pullStoppedAt;
        this.startedAt = startedAt;
    }

    /** A start plan sampled from {@code latencies}; {@code fault} may cut it. */
    static TaskTimeline plan(Instant now, LatencyModel latencies, TaskFault fault) {
        Instant pending = now.plus(latencies.sample(Phase.PROVISIONING));
        Instant pullStart = pending.plus(latencies.sample(Phase.PRE_PULL));
        Instant pullStop = pullStart.plus(latencies.sample(Phase.PULL));
        Instant started = pullStop.plus(latencies.sample(Phase.START));
        if (fault == null) {
            return new TaskTimeline(now, pending, pullStart, pullStop, started);
        }
        TaskTimeline timeline;
        Instant failedAt;
        switch (fault.kind()) {
            case RESOURCE_INITIALIZATION -> {
                timeline = new TaskTimeline(now, pending, null, null, null);
                failedAt = pullStart;
            }
            case CANNOT_PULL -> {
                timeline = new TaskTimeline(now, pending, pullStart, null, null);
                failedAt = pullStop;
            }
            case STUCK_PENDING -> {
                timeline = new TaskTimeline(now, pending, null, null, null);
                failedAt = pending.plus(fault.after());
            }
            default -> {
                timeline = new TaskTimeline(now, pending, pullStart, pullStop, started);
                failedAt = null;
            }
        }
        if (failedAt != null) {
            timeline.requestStop(failedAt, latencies, "TaskFailedToStart", fault.reason(), null, fault.reason(), true);
        } else {
            Instant strikes = started.plus(fault.after());
            boolean containerDone = fault.kind() != TaskFault.Kind.SPOT_INTERRUPTION;
            String code =
                    fault.kind() == TaskFault.Kind.SPOT_INTERRUPTION ? "SpotInterruption" : "EssentialContainerExited";
            String containerReason = fault.kind() == TaskFault.Kind.OUT_OF_MEMORY ? fault.reason() : null;
            timeline.requestStop(
                    strikes, latencies, code, fault.reason(), fault.exitCode(), containerReason, containerDone);
        }
        return timeline;
    }

    /**
     * Plans a stop requested at {@code at}, unless an earlier one is planned. {@code containersAlreadyExited}: the
     * containers ended by themselves (exit, OOM, start failure), so no SIGTERM wait.
     */
    boolean requestStop(
            Instant at,
            LatencyModel latencies,
            String stopCode,
            String reason,
            Integer exitCode,
            String containerReason,
            boolean containersAlreadyExited) {
        if (stop != null && !stop.requestedAt().isAfter(at)) {
            return false;
        }
        boolean wasRunning = startedAt != null && !startedAt.isAfter(at);
        Instant deactivating = wasRunning ? at.plus(latencies.sample(Phase.DEACTIVATE)) : null;
        Instant stopping = (deactivating == null ? at : deactivating).plus(latencies.sample(Phase.DEACTIVATE));
        Instant executionStopped = containersAlreadyExited || !wasRunning
                ? stopping
                : stopping.plus(latencies.sample(Phase.CONTAINER_STOP));
        Instant deprovisioning = executionStopped;
        Instant stopped = deprovisioning.plus(latencies.sample(Phase.DEPROVISION));
        Integer code = exitCode == null && wasRunning ? Integer.valueOf(143) : exitCode;
        stop = new StopPlan(
                at,
                deactivating,
                stopping,
                executionStopped,
                deprovisioning,
                stopped,
                stopCode,
                reason,
                wasRunning ? code : null,
                containerReason);
        return true;
    }

    /** {@code lastStatus} at {@code now}. */
    String status(Instant now) {
        StopPlan s = stopAt(now);
        if (s != null) {
            if (!now.isBefore(s.stoppedAt())) {
                return "STOPPED";
            }
            if (!now.isBefore(s.deprovisioningAt())) {
                return "DEPROVISIONING";
            }
            if (!now.isBefore(s.stoppingAt())) {
                return "STOPPING";
            }
            if (s.deactivatingAt() != null && !now.isBefore(s.deactivatingAt())) {
                return "DEACTIVATING";
            }
        }
        if (visible(startedAt, now) != null) {
            return "RUNNING";
        }
        return visible(pendingAt, now) != null ? "PENDING" : "PROVISIONING";
    }

    /** {@code desiredStatus} at {@code now}. */
    String desiredStatus(Instant now) {
        return stopAt(now) == null ? "RUNNING" : "STOPPED";
    }

    /** The stop plan if it has been requested by {@code now}. */
    StopPlan stopAt(Instant now) {
        return stop != null && !stop.requestedAt().isAfter(now) ? stop : null;
    }

    /** The planned stop, even a future one. */
    StopPlan plannedStop() {
        return stop;
    }

    Instant connectivityAt(Instant now) {
        return visible(pendingAt, now);
    }

    Instant pullStartedAt(Instant now) {
        return visible(pullStartedAt, now);
    }

    Instant pullStoppedAt(Instant now) {
        return visible(pullStoppedAt, now);
    }

    Instant startedAt(Instant now) {
        return visible(startedAt, now);
    }

    /** When the task reaches (or reached) RUNNING, if its plan gets there at all. */
    Instant plannedRunningAt() {
        return stop != null && startedAt != null && stop.requestedAt().isBefore(startedAt) ? null : startedAt;
    }

    /** The number of state changes seen by {@code now} (the task's {@code version}). */
    long version(Instant now) {
        long v = 1;
        for (Instant at : new Instant[] {pendingAt, startedAt}) {
            if (visible(at, now) != null) {
                v++;
            }
        }
        StopPlan s = stopAt(now);
        if (s != null) {
            for (Instant at : new Instant[] {
                s.requestedAt(), s.deactivatingAt(), s.stoppingAt(), s.deprovisioningAt(), s.stoppedAt()
            }) {
                if (at != null && !at.isAfter(now)) {
                    v++;
                }
            }
        }
        return v;
    }

    /** How long the task has run by {@code now}. */
    Duration runningFor(Instant now) {
        Instant started = startedAt(now);
        return started == null ? Duration.ZERO : Duration.between(started, now);
    }

    private Instant visible(Instant planned, Instant now) {
        if (planned == null || planned.isAfter(now)) {
            return null;
        }
        if (stop != null && planned.isAfter(stop.requestedAt())) {
            return null;
        }
        return planned;
    }
}
