package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.emulator.CallStats;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.LoggedCall;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * What happened in a simulated run, in simulated time since the builds were queued: each build's demand, start
 * and end, and each agent's RunTask, ECS lifecycle (ECS's own timestamps, read back with DescribeTasks after the
 * run), connection and StopTask; plus the AWS calls the plugin made. The times of RunTask and StopTask are when
 * the emulator received the call.
 */
final class RunTimeline {

    /** The steps of an agent's life, in the order they must happen. */
    enum Step {
        DEMAND("demand"),
        RUN_TASK("RunTask"),
        PROVISIONING("PROVISIONING"),
        PENDING("PENDING"),
        RUNNING("RUNNING"),
        CONNECTED("agent connected"),
        BUILD_STARTED("build started"),
        BUILD_DONE("build done"),
        STOP_TASK("StopTask"),
        STOPPED("STOPPED");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** One step; {@code agent} is null for the demand of a build that never got an agent. */
    record Event(Duration at, String agent, String build, Step step, String detail) {}

    private final List<Event> events;
    private final Map<String, Long> calls;
    private final long throttled;
    private final long retried;

    private RunTimeline(List<Event> events, Map<String, Long> calls, long throttled, long retried) {
        this.events = List.copyOf(events);
        this.calls = Collections.unmodifiableMap(new TreeMap<>(calls));
        this.throttled = throttled;
        this.retried = retried;
    }

    /** Reads the run's record; call counts are taken before its own DescribeTasks. */
    static RunTimeline collect(Instant start, SimulatedBuilds jenkins, EcsEmulatorExtension aws) {
        CallStats stats = aws.stats();
        Map<String, Long> calls = stats.snapshot();
        long throttled = calls.keySet().stream().mapToLong(stats::throttled).sum();
        long retried = calls.keySet().stream().mapToLong(stats::retries).sum();
        List<LoggedCall> log = stats.log();
        List<Event> events = new ArrayList<>();
        for (SimulatedBuilds.Build build : jenkins.builds()) {
            events.add(new Event(
                    since(start, build.queuedAt), build.agent, build.name, Step.DEMAND, "waits for an agent"));
            if (build.startedAt != null) {
                events.add(new Event(since(start, build.startedAt), build.agent, build.name, Step.BUILD_STARTED, ""));
            }
            if (build.finishedAt != null) {
                events.add(new Event(since(start, build.finishedAt), build.agent, build.name, Step.BUILD_DONE, ""));
            }
        }
        EcsClient ecs = aws.ecsClient();
        for (EcsAgent agent : jenkins.agents()) {
            String name = agent.getNodeName();
            String arn = agent.getTaskArn();
            first(log, "ecs:RunTask", body -> body.contains(name))
                    .ifPresent(at -> events.add(new Event(since(start, at), name, null, Step.RUN_TASK, "sent")));
            if (arn == null) {
                continue;
            }
            first(log, "ecs:StopTask", body -> body.contains(arn))
                    .ifPresent(at -> events.add(new Event(since(start, at), name, null, Step.STOP_TASK, "sent")));
            Task task = ecs.describeTasks(
                            r -> r.cluster(agent.handle().cluster()).tasks(arn))
                    .tasks()
                    .get(0);
            lifecycle(start, agent, task, events);
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(e -> e.step().ordinal()));
        return new RunTimeline(events, calls, throttled, retried);
    }

    private static void lifecycle(Instant start, EcsAgent agent, Task task, List<Event> events) {
        String name = agent.getNodeName();
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        add(events, start, task.createdAt(), name, Step.PROVISIONING, "task " + id.substring(0, 8) + "…, ENI");
        if (task.pullStartedAt() != null && task.pullStoppedAt() != null) {
            add(
                    events,
                    start,
                    task.connectivityAt(),
                    name,
                    Step.PENDING,
                    String.format(
                            Locale.ROOT,
                            "image pull %s → %s",
                            seconds(since(start, task.pullStartedAt())),
                            seconds(since(start, task.pullStoppedAt()))));
        } else {
            add(events, start, task.connectivityAt(), name, Step.PENDING, "");
        }
        add(events, start, task.startedAt(), name, Step.RUNNING, "containers started");
        Instant connected = agent.status().phases().get(TaskPhase.CONNECTED);
        add(events, start, connected, name, Step.CONNECTED, "");
        add(events, start, task.stoppedAt(), name, Step.STOPPED, String.valueOf(task.stoppedReason()));
    }

    private static void add(List<Event> events, Instant start, Instant at, String agent, Step step, String detail) {
        if (at != null) {
            events.add(new Event(since(start, at), agent, null, step, detail));
        }
    }

    private static java.util.Optional<Instant> first(List<LoggedCall> log, String operation, Predicate<String> body) {
        return log.stream()
                .filter(c -> c.operationKey().equals(operation) && c.status() == 200 && body.test(c.body()))
                .map(LoggedCall::at)
                .findFirst();
    }

    private static Duration since(Instant start, Instant at) {
        return Duration.between(start, at);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    List<Event> events() {
        return events;
    }

    /** The steps of one agent, its build's included, in time order. */
    List<Event> ofAgent(String agent) {
        return events.stream().filter(e -> agent.equals(e.agent())).toList();
    }

    Map<String, Long> calls() {
        return calls;
    }

    long throttled() {
        return throttled;
    }

    long retried() {
        return retried;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%9s  %-30s %-16s %s%n", "time", "agent / build", "step", "detail");
        for (Event event : events) {
            String who;
            if (event.build() == null) {
                who = event.agent();
            } else if (event.step() == Step.DEMAND || event.agent() == null) {
                who = event.build();
            } else {
                who = event.build() + " on " + shortName(event.agent());
            }
            out.printf(
                    Locale.ROOT, "%9s  %-30s %-16s %s%n", seconds(event.at()), who, event.step().label, event.detail());
        }
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        out.printf(
                Locale.ROOT,
                "AWS calls made by the plugin: %d (%s); throttled %d, retried %d%n",
                total,
                calls.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")),
                throttled,
                retried);
    }

    private static String shortName(String agent) {
        return agent.substring(agent.lastIndexOf('-') + 1);
    }
}
