package io.jenkins.plugins.ecsfargate.engine.tracking;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.call.AwsCalls;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.taskdef.TaskDefinitionResolver;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import io.jenkins.plugins.ecsfargate.engine.testing.ManualScheduler;
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
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * A tracker over the emulator of the running test, with a recording listener and a launcher that starts agent
 * tasks the way the engine does (RunTask through the rate limiter, {@code startedBy}, ownership tags), then hands
 * them to the tracker.
 */
final class TrackerFixture implements AutoCloseable {
    static final String STARTED_BY = OwnershipTags.startedBy(EngineFixture.OWNER);
    static final String CLUSTER = "default";
    static final NetworkConfiguration NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0")
                    .securityGroups("sg-0123456789abcdef0")
                    .assignPublicIp(AssignPublicIp.DISABLED))
            .build();

    final EcsEmulatorExtension aws;
    final ManualScheduler scheduler;
    final AwsCalls calls;
    final EcsClient ecs;
    final TaskTracker tracker;
    private final AutoCloseable resources;
    final List<Delivered> events = new CopyOnWriteArrayList<>();
    private final Map<TaskHandle, TaskPhase> latest = new ConcurrentHashMap<>();
    private String taskDefinitionArn;

    /** An event and the moment it reached the listener. */
    record Delivered(TaskEvent event, Instant receivedAt) {}

    /** A tracker on its own plumbing (clients, limiter, scheduler) over the test's emulator. */
    TrackerFixture(EcsEmulatorExtension aws, TrackerSettings settings) {
        this(aws, settings, new EngineFixture(aws));
    }

    private TrackerFixture(EcsEmulatorExtension aws, TrackerSettings settings, EngineFixture engine) {
        this(aws, settings, engine.scheduler, engine.calls, engine.clients.ecs(), engine);
    }

    /** A tracker sharing a whole engine's clients and limiter, as the adapter builds it. */
    TrackerFixture(EcsEmulatorExtension aws, TrackerSettings settings, EngineHarness harness, FargateEngine engine) {
        this(aws, settings, harness.scheduler, engine.calls(), engine.clients().ecs(), harness);
    }

    private TrackerFixture(
            EcsEmulatorExtension aws,
            TrackerSettings settings,
            ManualScheduler scheduler,
            AwsCalls calls,
            EcsClient ecs,
            AutoCloseable resources) {
        this.aws = aws;
        this.scheduler = scheduler;
        this.calls = calls;
        this.ecs = ecs;
        this.resources = resources;
        this.tracker = new TaskTracker(ecs, calls, scheduler, aws.clock(), settings);
        tracker.addListener(event -> {
            events.add(new Delivered(event, aws.clock().instant()));
            latest.put(event.handle(), event.phase());
        });
    }

    /** The template's task definition, resolved (registered at most once) on first use. */
    String taskDefinition() {
        if (taskDefinitionArn == null) {
            CompletableFuture<String> arn = new TaskDefinitionResolver(ecs, calls, EngineFixture.OWNER)
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
            List<Tag> tags = tags(owner, agent);
            CompletableFuture<RunTaskResponse> run = calls.call(
                    LaunchPhase.RUN_TASK,
                    "RunTask",
                    () -> ecs.runTask(r -> r.cluster(CLUSTER)
                            .taskDefinition(definition)
                            .launchType(LaunchType.FARGATE)
                            .startedBy(startedBy)
                            .clientToken(agent)
                            .tags(tags)
                            .networkConfiguration(NETWORK)));
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

    /**
     * Starts {@code tasks} tasks ten per RunTask (ECS's maximum) and tracks them, for tests that need many tasks
     * quickly; their handles name agents {@code prefix-N}, their tags all name agent {@code prefix}.
     */
    List<TaskHandle> launchMany(String prefix, int tasks) {
        String definition = taskDefinition();
        List<CompletableFuture<List<TaskHandle>>> batches = new ArrayList<>();
        for (int first = 0; first < tasks; first += 10) {
            int from = first;
            int count = Math.min(10, tasks - first);
            Instant requestedAt = aws.clock().instant();
            batches.add(calls.call(
                            LaunchPhase.RUN_TASK,
                            "RunTask",
                            () -> ecs.runTask(r -> r.cluster(CLUSTER)
                                    .taskDefinition(definition)
                                    .count(count)
                                    .launchType(LaunchType.FARGATE)
                                    .startedBy(STARTED_BY)
                                    .tags(tags(EngineFixture.OWNER, prefix))
                                    .networkConfiguration(NETWORK)))
                    .thenApply(response -> {
                        List<TaskHandle> handles = new ArrayList<>();
                        for (int i = 0; i < response.tasks().size(); i++) {
                            TaskHandle handle = new TaskHandle(
                                    CLUSTER, response.tasks().get(i).taskArn(), prefix + "-" + (from + i));
                            tracker.track(handle, requestedAt);
                            handles.add(handle);
                        }
                        return handles;
                    }));
        }
        return batches.stream().flatMap(b -> await(b).stream()).toList();
    }

    private static List<Tag> tags(OwnershipTags.Owner owner, String agent) {
        return OwnershipTags.forTask(owner, "maven", agent).entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
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
            scheduler.runFor(Duration.ofMillis(100));
        }
    }

    void runFor(Duration period) {
        scheduler.runFor(period);
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
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the engine", e);
        }
    }
}
