package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Every task ECS still knows: stopped tasks stay for the retention (AWS: at least an hour), then vanish; new tasks
 * can be hidden for a moment (eventual consistency). It also keeps the due times of "reached RUNNING" and
 * "reached STOPPED" so hooks fire once each, in time order. Callers hold the ECS state lock.
 */
final class TaskStore {

    /** The lifecycle moments hooks listen for. */
    enum Moment {
        RUNNING,
        /** A stop was requested for a task whose containers a {@link ContainerRuntime} runs. */
        STOP_REQUESTED,
        STOPPED
    }

    /** A lifecycle moment of one task. */
    record Event(Instant at, EcsTask task, Moment moment) {}

    private final Map<String, EcsTask> byId = new LinkedHashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>(Comparator.comparing(Event::at));
    private Duration retention = Duration.ofHours(1);
    private Duration visibilityDelay = Duration.ZERO;

    void setRetention(Duration retention) {
        this.retention = retention;
    }

    void setVisibilityDelay(Duration delay) {
        this.visibilityDelay = delay;
    }

    void add(EcsTask task) {
        byId.put(task.id, task);
        schedule(task);
    }

    /** Queues the task's next lifecycle moments (after launch, a new stop plan, or a change of its containers). */
    void schedule(EcsTask task) {
        Instant running = task.timeline.plannedRunningAt();
        if (running != null && !task.announcedRunning) {
            events.add(new Event(running, task, Moment.RUNNING));
        }
        TaskTimeline.StopPlan stop = task.timeline.plannedStop();
        if (stop != null && task.containersHeld && !task.announcedStopRequest) {
            events.add(new Event(stop.requestedAt(), task, Moment.STOP_REQUESTED));
        }
        if (stop != null && stop.stoppedAt() != null && !task.announcedStopped) {
            events.add(new Event(stop.stoppedAt(), task, Moment.STOPPED));
        }
    }

    /** The events due by {@code now}, each moment of each task at most once, in time order. */
    List<Event> due(Instant now) {
        List<Event> due = new ArrayList<>();
        while (!events.isEmpty() && !events.peek().at().isAfter(now)) {
            Event event = events.poll();
            if (announce(event, now)) {
                due.add(event);
            }
        }
        return due;
    }

    private static boolean announce(Event event, Instant now) {
        EcsTask task = event.task();
        switch (event.moment()) {
            case RUNNING -> {
                Instant started = task.timeline.startedAt(now);
                if (task.announcedRunning || started == null || !started.equals(event.at())) {
                    return false;
                }
                task.announcedRunning = true;
            }
            case STOP_REQUESTED -> {
                if (task.announcedStopRequest || task.timeline.stopAt(now) == null) {
                    return false;
                }
                task.announcedStopRequest = true;
            }
            case STOPPED -> {
                if (task.announcedStopped || !task.stopped(now)) {
                    return false;
                }
                task.announcedStopped = true;
            }
        }
        return true;
    }

    /** Forgets tasks stopped longer ago than the retention. */
    void purge(Instant now) {
        Instant horizon = now.minus(retention);
        Iterator<EcsTask> it = byId.values().iterator();
        while (it.hasNext()) {
            EcsTask task = it.next();
            TaskTimeline.StopPlan stop = task.timeline.stopAt(now);
            if (stop != null
                    && stop.stoppedAt() != null
                    && !stop.stoppedAt().isAfter(horizon)
                    && task.announcedStopped) {
                it.remove();
            }
        }
    }

    /** A task ECS would describe now in {@code clusterName}, by id or ARN; null if none. */
    EcsTask find(String clusterName, String idOrArn, Instant now) {
        EcsTask task = byId.get(EcsArns.taskId(idOrArn));
        if (task == null || !task.clusterName.equals(clusterName) || !visible(task, now)) {
            return null;
        }
        if (idOrArn.startsWith("arn:") && !idOrArn.equals(task.arn)) {
            return null;
        }
        return task;
    }

    /** Any retained task by ARN or id, regardless of visibility (emulator API). */
    EcsTask get(String idOrArn) {
        return byId.get(EcsArns.taskId(idOrArn));
    }

    List<EcsTask> select(Predicate<EcsTask> filter, Instant now) {
        List<EcsTask> result = new ArrayList<>();
        for (EcsTask task : byId.values()) {
            if (visible(task, now) && filter.test(task)) {
                result.add(task);
            }
        }
        return result;
    }

    /** Every retained task, visible or not. */
    List<EcsTask> all() {
        return new ArrayList<>(byId.values());
    }

    private boolean visible(EcsTask task, Instant now) {
        return !task.timeline.createdAt.plus(visibilityDelay).isAfter(now);
    }
}
