package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What is known about one agent's task right now, for its page and its log: the phases it went through with their
 * times, its last ECS status, why it stopped (with the engine's classified failure when it failed, so that
 * every failed agent can be accounted for by cause), and a future the launcher waits on until the agent connects or its
 * task is lost. Runtime state only (never persisted): after a restart the tracker fills it again.
 */
final class AgentStatus {
    private final Map<TaskPhase, Instant> phases = new EnumMap<>(TaskPhase.class);
    private final List<String> lines = new ArrayList<>();
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    /** Moved back to the first phase time if that is earlier: an agent from before a restart was planned then. */
    private Instant plannedAt;

    private String lastStatus;
    private String stopReason;
    private String failure;
    private LaunchFailure failureCause;
    private PrintStream log;

    AgentStatus(Instant plannedAt) {
        this.plannedAt = plannedAt;
    }

    /** Records a phase the first time it is reached and writes it, with the time since planning, to the log. */
    public void phase(TaskPhase phase, Instant at, String status) {
        String after;
        synchronized (this) {
            if (status != null) {
                lastStatus = status;
            }
            if (phases.containsKey(phase)) {
                return;
            }
            phases.put(phase, at);
            if (at.isBefore(plannedAt)) {
                plannedAt = at;
            }
            after = format(Duration.between(plannedAt, at));
        }
        line(
                status == null
                        ? Messages.format("AgentStatus.phase", phase, after)
                        : Messages.format("AgentStatus.phaseWithStatus", phase, after, status));
    }

    /** A line for the agent's log (kept to replay when the launcher attaches the log). */
    public void line(String text) {
        PrintStream out;
        synchronized (this) {
            lines.add(text);
            out = log;
        }
        if (out != null) {
            out.println(text);
        }
    }

    /** The task stopped, or could not start: why, in the words the user will see. */
    public void stopped(String reason, boolean failed) {
        synchronized (this) {
            stopReason = reason;
            if (failed) {
                failure = reason;
            }
        }
        line(Messages.format(failed ? "AgentStatus.failed" : "AgentStatus.stopped", reason));
        settled.complete(null);
    }

    /** The task failed or could not start for a reason the engine classified. */
    public void failed(LaunchFailure cause, String reason) {
        synchronized (this) {
            failureCause = cause;
        }
        stopped(reason, true);
    }

    /** The agent connected: the launcher may return. */
    public void connected(Instant at) {
        phase(TaskPhase.CONNECTED, at, null);
        settled.complete(null);
    }

    /** Writes what happened so far to {@code out}, then every new line as it happens. */
    public void attachLog(PrintStream out) {
        List<String> replay;
        synchronized (this) {
            log = out;
            replay = List.copyOf(lines);
        }
        replay.forEach(out::println);
    }

    /** Completes when the agent connected or its task ended; the launcher waits on it. */
    public CompletableFuture<Void> settled() {
        return settled;
    }

    public synchronized Map<TaskPhase, Instant> phases() {
        return Map.copyOf(phases);
    }

    /** Whether the agent ever connected to Jenkins. */
    public synchronized boolean connected() {
        return phases.containsKey(TaskPhase.CONNECTED);
    }

    /** Time from planning to {@code phase}, if it was reached. */
    public synchronized Duration sincePlanned(TaskPhase phase) {
        Instant at = phases.get(phase);
        return at == null ? null : Duration.between(plannedAt, at);
    }

    public synchronized String lastStatus() {
        return lastStatus;
    }

    public synchronized String stopReason() {
        return stopReason;
    }

    /** The failure that ended the agent, or null. */
    public synchronized String failure() {
        return failure;
    }

    /** The engine's classification of the failure that ended the agent, or null. */
    public synchronized LaunchFailure failureCause() {
        return failureCause;
    }

    public synchronized Instant plannedAt() {
        return plannedAt;
    }

    static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return String.format(java.util.Locale.ROOT, "%d.%03d s", millis / 1000, millis % 1000);
    }
}
