package io.jenkins.plugins.ecsfargate.engine.tracking;

import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import io.jenkins.plugins.ecsfargate.engine.call.AwsCalls;
import io.jenkins.plugins.ecsfargate.engine.call.LaunchFailureException;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchedTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Follows every task of one cloud from RunTask to STOPPED and tells listeners what happens to each, so nothing
 * polls per agent and nothing is left running unnoticed.
 *
 * <p>One job on the injected {@link Scheduler} does all the work: it wakes when a DescribeTasks round is due or a
 * timeout strikes, asks about up to 100 tasks per call, and picks the next wake-up from what the tasks are doing
 * (every {@link TrackerSettings#startingInterval()} while any starts, slower while they stop or run, never while
 * nothing is tracked). Every ECS call goes through {@link AwsCalls}, so the shared rate limiter paces it and
 * retryable errors are retried with backoff. Nothing sleeps and no thread is created, however many tasks are
 * tracked.
 *
 * <p>A task stopped by anyone but this tracker's caller is reported at once, classified by the failure table;
 * a task that misses its start or connect timeout is reported and stopped; a stop is retried until ECS confirms
 * STOPPED or no longer knows the task.
 */
public final class TaskTracker implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(TaskTracker.class.getName());
    static final int MAX_STOP_REASON = 255;

    private final EcsClient ecs;
    private final AwsCalls calls;
    private final Scheduler scheduler;
    private final Clock clock;
    private final TrackerSettings settings;
    private final Object lock = new Object();
    private final Map<String, TrackedTask> tasks = new LinkedHashMap<>();
    private final EventOutbox outbox = new EventOutbox();
    private Instant nextPollAt;
    private Instant wakeAt;
    private long wakeGeneration;
    private boolean polling;
    private boolean closed;

    public TaskTracker(EcsClient ecs, AwsCalls calls, Scheduler scheduler, Clock clock, TrackerSettings settings) {
        this.ecs = ecs;
        this.calls = calls;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
    }

    public void addListener(TaskListener listener) {
        outbox.addListener(listener);
    }

    public void removeListener(TaskListener listener) {
        outbox.removeListener(listener);
    }

    /**
     * Starts following a task the engine's launcher has just started; the start timeout counts from its RunTask.
     * Returns the handle to keep (and persist) for the agent.
     */
    public TaskHandle track(LaunchedTask launched) {
        TaskHandle handle = new TaskHandle(launched.clusterArn(), launched.taskArn(), launched.agentName());
        track(handle, launched.requestedAt());
        return handle;
    }

    /** Starts following a task RunTask has just returned (or one found again after a restart), from now. */
    public void track(TaskHandle handle) {
        track(handle, clock.instant());
    }

    /** Starts following a task whose RunTask was sent at {@code requestedAt}; the start timeout counts from it. */
    public void track(TaskHandle handle, Instant requestedAt) {
        track(handle, requestedAt, null);
    }

    /**
     * Starts following a task whose RunTask was sent at {@code requestedAt}, with its own start and connect
     * timeouts (its template's); null for the tracker's. A task already tracked keeps the timeouts it has.
     */
    public void track(TaskHandle handle, Instant requestedAt, TaskTimeouts timeouts) {
        synchronized (lock) {
            requireOpen();
            tasks.putIfAbsent(handle.taskArn(), new TrackedTask(handle, requestedAt, orDefault(timeouts)));
            pollWithin(settings.startingInterval());
        }
    }

    private TaskTimeouts orDefault(TaskTimeouts timeouts) {
        return timeouts != null ? timeouts : new TaskTimeouts(settings.startTimeout(), settings.connectTimeout());
    }

    /** The task's agent connected to Jenkins: ends its connect timeout. Unknown handles are ignored. */
    public void connected(TaskHandle handle) {
        List<TaskEvent> events;
        synchronized (lock) {
            TrackedTask task = tasks.get(handle.taskArn());
            if (task == null) {
                LOGGER.log(Level.FINE, "Agent {0} connected but its task is not tracked", handle.agentName());
                return;
            }
            events = task.connected(clock.instant());
            reschedule();
        }
        outbox.publish(events);
    }

    /**
     * Stops the task with {@code reason} (shown by ECS as the stopped reason) and follows it until ECS says
     * STOPPED or no longer knows it; the future completes then. Idempotent: a task already stopping is not asked
     * again, a task ECS does not know is confirmed gone, an untracked handle (e.g. from before a restart) is
     * tracked from now on.
     */
    public CompletableFuture<TaskState> stop(TaskHandle handle, String reason) {
        TrackedTask task;
        boolean send;
        synchronized (lock) {
            requireOpen();
            task = tasks.computeIfAbsent(
                    handle.taskArn(), arn -> new TrackedTask(handle, clock.instant(), orDefault(null)));
            if (task.wantStop(reason)) {
                LOGGER.log(
                        Level.INFO, "Stopping the task of agent {0}: {1}", new Object[] {handle.agentName(), reason});
            }
            send = task.claimStopCall(clock.instant());
            pollWithin(settings.stoppingInterval());
        }
        if (send) {
            sendStop(task);
        }
        return task.stopped.copy();
    }

    /**
     * A reaper that stops orphans through this tracker; {@code grace} protects launches in flight (see
     * {@link Reaper#DEFAULT_GRACE}).
     */
    public Reaper reaper(Duration grace) {
        return new Reaper(ecs, calls, this, clock, grace);
    }

    /** What the tracker knows about a task now, if it tracks it. */
    public Optional<TaskState> state(String taskArn) {
        synchronized (lock) {
            TrackedTask task = tasks.get(taskArn);
            return task == null ? Optional.empty() : Optional.of(task.snapshot());
        }
    }

    public boolean isTracking(String taskArn) {
        synchronized (lock) {
            return tasks.containsKey(taskArn);
        }
    }

    /**
     * The tasks this tracker was asked to stop (or stops for a timeout) that ECS has not yet confirmed STOPPED, with
     * the reason of each: what a tracker taking over from this one must go on stopping.
     */
    public Map<TaskHandle, String> pendingStops() {
        synchronized (lock) {
            Map<TaskHandle, String> stops = new LinkedHashMap<>();
            for (TrackedTask task : tasks.values()) {
                if (task.isStopWanted()) {
                    stops.put(task.handle, task.stopReason());
                }
            }
            return stops;
        }
    }

    public int trackedCount() {
        synchronized (lock) {
            return tasks.size();
        }
    }

    /** Stops following tasks (they keep running in ECS; the reaper of the next engine finds them). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            wakeAt = null;
            wakeGeneration++;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the tracker is closed");
        }
    }

    private void pollWithin(Duration delay) {
        Instant at = clock.instant().plus(delay);
        if (nextPollAt == null || at.isBefore(nextPollAt)) {
            nextPollAt = at;
        }
        reschedule();
    }

    /** Makes sure exactly one wake-up is pending for the earliest thing due, or none if nothing is. */
    private void reschedule() {
        if (closed) {
            return;
        }
        Instant due = polling ? null : nextPollAt;
        for (TrackedTask task : tasks.values()) {
            due = earliest(due, task.startDeadline());
            due = earliest(due, task.connectDeadline());
        }
        if (due == null || (wakeAt != null && !wakeAt.isAfter(due))) {
            return;
        }
        wakeAt = due;
        long generation = ++wakeGeneration;
        Duration delay = Duration.between(clock.instant(), due);
        scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> wake(generation));
    }

    private void wake(long generation) {
        List<TaskEvent> events = new ArrayList<>();
        List<TrackedTask> toStop = new ArrayList<>();
        Map<String, List<String>> round = null;
        synchronized (lock) {
            if (generation != wakeGeneration || closed) {
                return;
            }
            wakeAt = null;
            Instant now = clock.instant();
            expireTimeouts(now, events, toStop);
            if (!polling && nextPollAt != null && !now.isBefore(nextPollAt)) {
                polling = true;
                nextPollAt = null;
                round = taskArnsByCluster();
            }
            reschedule();
        }
        outbox.publish(events);
        toStop.forEach(this::sendStop);
        if (round != null) {
            poll(round);
        }
    }

    private void expireTimeouts(Instant now, List<TaskEvent> events, List<TrackedTask> toStop) {
        for (TrackedTask task : tasks.values()) {
            Instant start = task.startDeadline();
            Instant connect = task.connectDeadline();
            if (start != null && !now.isBefore(start)) {
                events.addAll(task.timeOut(TaskFailure.Kind.START_TIMEOUT, now));
            } else if (connect != null && !now.isBefore(connect)) {
                events.addAll(task.timeOut(TaskFailure.Kind.CONNECT_TIMEOUT, now));
            } else {
                continue;
            }
            if (task.claimStopCall(now)) {
                toStop.add(task);
            }
        }
    }

    private void sendStop(TrackedTask task) {
        TaskHandle handle = task.handle;
        String reason = task.stopReason().length() > MAX_STOP_REASON
                ? task.stopReason().substring(0, MAX_STOP_REASON)
                : task.stopReason();
        calls.call(
                        LaunchPhase.STOP,
                        "StopTask",
                        () -> ecs.stopTask(r -> r.cluster(handle.cluster())
                                .task(handle.taskArn())
                                .reason(reason)))
                .whenComplete((response, error) -> stopAnswered(task, response, error));
    }

    private void stopAnswered(TrackedTask task, StopTaskResponse response, Throwable error) {
        List<TaskEvent> events = new ArrayList<>();
        synchronized (lock) {
            task.stopInFlight = false;
            Instant now = clock.instant();
            if (error == null) {
                if (tasks.get(task.handle.taskArn()) == task && response.task() != null) {
                    events.addAll(task.observe(response.task(), now));
                }
            } else {
                events.addAll(stopFailed(task, error, now));
            }
            pollWithin(settings.stoppingInterval());
        }
        outbox.publish(events);
    }

    private List<TaskEvent> stopFailed(TrackedTask task, Throwable error, Instant now) {
        LaunchFailure failure = LaunchFailureException.unwrap(error);
        if (failure != null && failure.cause() == FailureCause.INVALID_PARAMETER) {
            LOGGER.log(Level.FINE, "ECS does not know the task of {0} (yet); DescribeTasks will tell", task.handle);
            return List.of();
        }
        task.stopRetryAt = now.plus(settings.runningInterval());
        if (failure == null) {
            LOGGER.log(
                    Level.WARNING,
                    error,
                    () -> "Stopping the task of " + task.handle.agentName() + " failed unexpectedly; trying again in "
                            + settings.runningInterval());
            return List.of();
        }
        if (task.stopFailureReported) {
            LOGGER.log(Level.FINE, "Stopping the task of {0} failed again; trying again in {1}: {2}", new Object[] {
                task.handle.agentName(), settings.runningInterval(), failure.describe()
            });
            return List.of();
        }
        task.stopFailureReported = true;
        return task.fail(TaskFailure.Kind.STOP_FAILED, failure, now);
    }

    private Map<String, List<String>> taskArnsByCluster() {
        Map<String, List<String>> byCluster = new LinkedHashMap<>();
        for (TrackedTask task : tasks.values()) {
            byCluster
                    .computeIfAbsent(task.handle.cluster(), c -> new ArrayList<>())
                    .add(task.handle.taskArn());
        }
        return byCluster;
    }

    /** One DescribeTasks round: every tracked task, at most 100 per call, the calls paced by the limiter. */
    private void poll(Map<String, List<String>> arnsByCluster) {
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        arnsByCluster.forEach(
                (cluster, arns) -> Batches.of(arns).forEach(batch -> calls.add(describe(cluster, batch))));
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenComplete((done, error) -> {
            synchronized (lock) {
                polling = false;
                Duration interval = interval();
                if (interval != null) {
                    pollWithin(interval);
                }
                reschedule();
            }
        });
    }

    private CompletableFuture<Void> describe(String cluster, List<String> batch) {
        return this.calls
                .call(
                        LaunchPhase.TRACKING,
                        "DescribeTasks",
                        () -> ecs.describeTasks(r -> r.cluster(cluster).tasks(batch)))
                .handle((response, error) -> {
                    if (error != null) {
                        LaunchFailure failure = LaunchFailureException.unwrap(error);
                        LOGGER.log(
                                Level.WARNING,
                                error,
                                () -> "Could not describe " + batch.size() + " tasks in "
                                        + cluster + "; asking again next round"
                                        + (failure == null ? "" : ": " + failure.describe()));
                    } else {
                        absorb(response);
                    }
                    return null;
                });
    }

    private void absorb(DescribeTasksResponse response) {
        List<TaskEvent> events = new ArrayList<>();
        List<TrackedTask> toStop = new ArrayList<>();
        List<TrackedTask> finished = new ArrayList<>();
        synchronized (lock) {
            Instant now = clock.instant();
            for (Task described : response.tasks()) {
                TrackedTask task = tasks.get(described.taskArn());
                if (task != null) {
                    events.addAll(task.observe(described, now));
                    if (task.claimStopCall(now)) {
                        toStop.add(task);
                    }
                    collectFinished(task, finished);
                }
            }
            for (Failure failure : response.failures()) {
                TrackedTask task = tasks.get(failure.arn());
                if (task != null && "MISSING".equals(failure.reason())) {
                    events.addAll(task.missing(now, settings.missingGrace()));
                    collectFinished(task, finished);
                } else {
                    LOGGER.log(Level.FINE, "DescribeTasks failure for {0}: {1}", new Object[] {
                        failure.arn(), failure.reason()
                    });
                }
            }
            reschedule();
        }
        outbox.publish(events);
        finished.forEach(task -> task.stopped.complete(task.snapshot()));
        toStop.forEach(this::sendStop);
    }

    private void collectFinished(TrackedTask task, List<TrackedTask> finished) {
        if (task.phase() == TaskPhase.STOPPED) {
            tasks.remove(task.handle.taskArn());
            finished.add(task);
            LOGGER.log(Level.FINE, "Task of agent {0} stopped; no longer tracked", task.handle.agentName());
        }
    }

    /** How long until the next round, from what the tasks do; null when nothing is tracked. */
    private Duration interval() {
        if (tasks.isEmpty()) {
            return null;
        }
        boolean stopping = false;
        for (TrackedTask task : tasks.values()) {
            if (task.awaitsRunningDescription()) {
                return settings.startingInterval();
            }
            stopping |= task.isStopping() || task.isStopWanted();
        }
        return stopping ? settings.stoppingInterval() : settings.runningInterval();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
