package io.jenkins.plugins.ecsfargate.emulator;

import io.jenkins.plugins.ecsfargate.emulator.LatencyModel.Phase;
import java.time.Duration;
import java.time.Instant;

/**
 * One task's lifecycle as instants planned in advance, read against the clock: nothing runs per task, the status
 * at any moment is computed from the plan. The start plan (PROVISIONING → PENDING → (ACTIVATING) → RUNNING, with connectivity and
 * pull instants) may be cut short by a stop plan (desired STOPPED at {@code requestedAt}, then DEACTIVATING when
 * the task had been RUNNING, STOPPING, DEPROVISIONING, STOPPED). A stop plan may lie in the future (a fault that
 * strikes later); a new stop replaces it only if it comes earlier. When real containers run, a stop plan ends open
 * at STOPPING (no {@code executionStoppedAt} yet) until they exit.
 */
final class TaskTimeline {

    /**
     * How and why the task stops, and when each stop step happens; the last three instants (and the exit code) stay
     * null while the stop awaits real containers.
     */
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
    private final Instant activatingAt;
    private final Instant startedAt;
    private StopPlan stop;

    TaskTimeline(
            Instant createdAt,
            Instant pendingAt,
            Instant pullStartedAt,
            Instant pullStoppedAt,
            Instant activatingAt,
            Instant startedAt) {
        this.createdAt = createdAt;
        this.pendingAt = pendingAt;
        this.pullStartedAt = pullStartedAt;
        this.pullStoppedAt = pullStoppedAt;
        this.activatingAt = activatingAt;
        this.startedAt = startedAt;
    }

    /** A start plan sampled from {@code latencies}; {@code fault} may cut it. */
    static TaskTimeline plan(Instant now, LatencyModel latencies, TaskFault fault) {
        Instant pending = now.plus(latencies.sample(Phase.PROVISIONING));
        Instant pullStart = pending.plus(latencies.sample(Phase.PRE_PULL));
        Instant pullStop = pullStart.plus(latencies.sample(Phase.PULL));
        Instant containersStarted = pullStop.plus(latencies.sample(Phase.START));
        Instant started = containersStarted.plus(latencies.sample(Phase.ACTIVATE));
        Instant activating = started.equals(containersStarted) ? null : containersStarted;
        if (fault == null) {
            return new TaskTimeline(now, pending, pullStart, pullStop, activating, started);
        }
        TaskTimeline timeline;
        Instant failedAt;
        switch (fault.kind()) {
            case RESOURCE_INITIALIZATION -> {
                timeline = new TaskTimeline(now, pending, null, null, null, null);
                failedAt = pullStart;
            }
            case CANNOT_PULL -> {
                timeline = new TaskTimeline(now, pending, pullStart, null, null, null);
                failedAt = pullStop;
            }
            case STUCK_PENDING -> {
                timeline = new TaskTimeline(now, pending, null, null, null, null);
                failedAt = pending.plus(fault.after());
            }
            default -> {
                timeline = new TaskTimeline(now, pending, pullStart, pullStop, activating, started);
                failedAt = null;
            }
        }
        if (failedAt != null) {
            timeline.requestStop(
                    failedAt, latencies, "TaskFailedToStart", fault.reason(), null, fault.reason(), true, false);
        } else {
            Instant strikes = started.plus(fault.after());
            boolean containerDone = fault.kind() != TaskFault.Kind.SPOT_INTERRUPTION;
            String code =
                    fault.kind() == TaskFault.Kind.SPOT_INTERRUPTION ? "SpotInterruption" : "EssentialContainerExited";
            String containerReason = fault.kind() == TaskFault.Kind.OUT_OF_MEMORY ? fault.reason() : null;
            timeline.requestStop(
                    strikes, latencies, code, fault.reason(), fault.exitCode(), containerReason, containerDone, false);
        }
        return timeline;
    }

    /**
     * Plans a stop requested at {@code at}, unless an earlier one is planned. {@code containersAlreadyExited}: the
     * containers ended by themselves (exit, OOM, start failure), so no SIGTERM wait. {@code awaitContainers}: real
     * containers run (a {@link ContainerRuntime}), so a running task stays STOPPING until {@link #containersExited}
     * says when they ended and with which code.
     */
    boolean requestStop(
            Instant at,
            LatencyModel latencies,
            String stopCode,
            String reason,
            Integer exitCode,
            String containerReason,
            boolean containersAlreadyExited,
            boolean awaitContainers) {
        if (stop != null && !stop.requestedAt().isAfter(at)) {
            return false;
        }
        boolean wasRunning = startedAt != null && !startedAt.isAfter(at);
        Instant deactivating = wasRunning ? at.plus(latencies.sample(Phase.DEACTIVATE)) : null;
        Instant stopping = (deactivating == null ? at : deactivating).plus(latencies.sample(Phase.DEACTIVATE));
        if (wasRunning && awaitContainers && !containersAlreadyExited) {
            stop = new StopPlan(at, deactivating, stopping, null, null, null, stopCode, reason, null, containerReason);
            return true;
        }
        Instant executionStopped = containersAlreadyExited || !wasRunning
                ? stopping
                : stopping.plus(latencies.sample(Phase.CONTAINER_STOP));
        Integer code = exitCode == null && wasRunning ? Integer.valueOf(143) : exitCode;
        stop = finish(
                at,
                deactivating,
                stopping,
                executionStopped,
                latencies,
                stopCode,
                reason,
                wasRunning ? code : null,
                containerReason);
        return true;
    }

    /**
     * Completes a stop that awaits the containers: they exited at {@code at} (not before STOPPING) with {@code
     * exitCode}. False, and nothing changes, when no such stop is pending.
     */
    boolean containersExited(Instant at, LatencyModel latencies, int exitCode) {
        StopPlan s = stopAt(at);
        if (s == null || s.stoppedAt() != null) {
            return false;
        }
        Instant executionStopped = at.isBefore(s.stoppingAt()) ? s.stoppingAt() : at;
        stop = finish(
                s.requestedAt(),
                s.deactivatingAt(),
                s.stoppingAt(),
                executionStopped,
                latencies,
                s.stopCode(),
                s.reason(),
                exitCode,
                s.containerReason());
        return true;
    }

    private static StopPlan finish(
            Instant requestedAt,
            Instant deactivating,
            Instant stopping,
            Instant executionStopped,
            LatencyModel latencies,
            String stopCode,
            String reason,
            Integer exitCode,
            String containerReason) {
        Instant stopped = executionStopped.plus(latencies.sample(Phase.DEPROVISION));
        return new StopPlan(
                requestedAt,
                deactivating,
                stopping,
                executionStopped,
                executionStopped,
                stopped,
                stopCode,
                reason,
                exitCode,
                containerReason);
    }

    /** {@code lastStatus} at {@code now}. */
    String status(Instant now) {
        StopPlan s = stopAt(now);
        if (s != null) {
            if (s.stoppedAt() != null && !now.isBefore(s.stoppedAt())) {
                return "STOPPED";
            }
            if (s.deprovisioningAt() != null && !now.isBefore(s.deprovisioningAt())) {
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
        if (visible(activatingAt, now) != null) {
            return "ACTIVATING";
        }
        return visible(pendingAt, now) != null ? "PENDING" : "PROVISIONING";
    }

    /**
     * {@code stopCode} at {@code now}: a spot interruption first shows as {@code TerminationNotice} (the warning,
     * while the task still runs), then as {@code SpotInterruption}.
     */
    String stopCode(Instant now) {
        StopPlan s = stopAt(now);
        if (s == null) {
            return null;
        }
        if (s.stopCode().equals("SpotInterruption") && now.isBefore(s.stoppingAt())) {
            return "TerminationNotice";
        }
        return s.stopCode();
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
        for (Instant at : new Instant[] {pendingAt, activatingAt, startedAt}) {
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
