package io.jenkins.plugins.ecsfargate.engine.tracking;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.taskdef.TaskDefinitionResolver;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * A tracker over the emulator of the running test, with a recording listener and a launcher that starts agent
 * tasks the way the engine does (RunTask through the rate limiter, {@code startedBy}, ownership tags), then hands
 * them to the tracker.
 */
final class TrackerFixture implements AutoCloseable {
    static final String STARTED_BY = "ecs-fargate_controller-1";
    static final String CLUSTER = "default";

    final EcsEmulatorExtension aws;
    final EngineFixture engine;
    final TaskTracker tracker;
    final List<Delivered> events = new CopyOnWriteArrayList<>();
    private final Map<TaskHandle, TaskPhase> latest = new ConcurrentHashMap<>();
    private String taskDefinitionArn;

    /** An event and the moment it reached the listener. */
    record Delivered(TaskEvent event, Instant receivedAt) {}

    TrackerFixture(EcsEmulatorExtension aws, TrackerSettings settings) {
        this.aws = aws;
        this.engine = new EngineFixture(aws);
        this.tracker = new TaskTracker(engine.clients.ecs(), engine.calls, engine.scheduler, aws.clock(), settings);
        tracker.addListener(event -> {
            events.add(new Delivered(event, aws.clock().instant()));
            latest.put(event.handle(), event.phase());
        });
    }

    /** The template's task definition, resolved (registered at most once) on first use. */
    String taskDefinition() {
        if (taskDefinitionArn == null) {
            CompletableFuture<String> arn = new TaskDefinitionResolver(
                            engine.clients.ecs(), engine.calls, EngineFixture.OWNER)
                    .resolve(
                            "maven",
                            Specs.minimal().toBuilder().cpu(256).memory(512).build());
            taskDefinitionArn = await(arn);
        }
        return taskDefinitionArn;
    }

    /** Starts RunTask for each agent and tracks each task once RunTask answers. */
    List<CompletableFuture<TaskHandle>> launch(List<String> agents) {
        return launch(agents, EngineFixture.OWNER, STARTED_BY, true);
    }

    List<CompletableFuture<TaskHandle>> launch(
            List<String> agents, OwnershipTags.Owner owner, String startedBy, boolean track) {
        String definition = taskDefinition();
        List<CompletableFuture<TaskHandle>> handles = new ArrayList<>();
        for (String agent : agents) {
            Instant requestedAt = aws.clock().instant();
            List<Tag> tags = OwnershipTags.forTask(owner, "maven", agent).entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                    .toList();
            CompletableFuture<RunTaskResponse> run = engine.calls.call(
                    LaunchPhase.RUN_TASK, "RunTask", () -> engine.clients.ecs().runTask(r -> r.cluster(CLUSTER)
                            .taskDefinition(definition)
                            .launchType(LaunchType.FARGATE)
                            .startedBy(startedBy)
                            .clientToken(agent)
                            .tags(tags)
                            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0")
                                    .securityGroups("sg-0123456789abcdef0")
                                    .assignPublicIp(AssignPublicIp.DISABLED)))));
            handles.add(run.thenApply(response -> {
                TaskHandle handle =
                        new TaskHandle(CLUSTER, response.tasks().get(0).taskArn(), agent);
                if (track) {
                    tracker.track(handle, requestedAt);
                }
                return handle;
            }));
        }
        return handles;
    }

    TaskHandle launchOne(String agent) {
        return await(launch(List.of(agent)).get(0));
    }

    List<TaskHandle> launchAll(List<String> agents) {
        return launch(agents).stream().map(this::await).toList();
    }

    /** Runs the scheduler (moving the clock) until {@code future} is done, for at most ten emulated minutes. */
    <T> T await(CompletableFuture<T> future) {
        runUntil(future::isDone, Duration.ofMinutes(10));
        return future.join();
    }

    /** Runs the scheduler in small steps until {@code condition} holds; fails after {@code limit}. */
    void runUntil(BooleanSupplier condition, Duration limit) {
        Instant end = aws.clock().instant().plus(limit);
        while (!condition.getAsBoolean()) {
            if (!aws.clock().instant().isBefore(end)) {
                throw new AssertionError("condition not reached within " + limit);
            }
            engine.scheduler.runFor(Duration.ofMillis(100));
        }
    }

    void runFor(Duration period) {
        engine.scheduler.runFor(period);
    }

    List<TaskEvent> eventsOf(TaskHandle handle) {
        return events.stream()
                .map(Delivered::event)
                .filter(e -> e.handle().equals(handle))
                .toList();
    }

    Optional<Delivered> failureOf(TaskHandle handle) {
        return events.stream()
                .filter(d -> d.event().handle().equals(handle) && d.event().failure() != null)
                .findFirst();
    }

    Optional<TaskEvent> finalEventOf(TaskHandle handle) {
        return eventsOf(handle).stream().filter(TaskEvent::isFinal).findFirst();
    }

    boolean reached(TaskHandle handle, TaskPhase phase) {
        TaskPhase seen = latest.get(handle);
        return seen != null && !seen.isBefore(phase);
    }

    long ecsCalls() {
        return aws.stats().snapshot().entrySet().stream()
                .filter(e -> e.getKey().startsWith("ecs:"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    @Override
    public void close() {
        tracker.close();
        engine.close();
    }
}
