package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Amazon ECS over awsJson1_1 ({@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>}), for Fargate
 * tasks: task definitions, RunTask/DescribeTasks/StopTask/ListTasks, DescribeClusters and tags, validated with ECS's
 * error codes. Tasks follow the Fargate lifecycle on the emulator clock. For tests it offers the live tasks, hooks
 * when a task reaches RUNNING or STOPPED, stops "as ECS or the container did", quotas, latencies and task faults,
 * and can hand running tasks to a {@link ContainerRuntime} that runs their containers for real. One lock guards
 * all state; hooks run outside it.
 */
public final class EcsService implements AwsService {
    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final Object lock = new Object();
    private final EmulatorClock clock;
    private final EcsArns arns;
    private final Clusters clusters;
    private final TaskDefinitions definitions;
    private final TaskStore tasks = new TaskStore();
    private final FargateQuotas quotas;
    private final LatencyModel latencies;
    private final TaskFaultScript taskFaults;
    private final TaskLauncher launcher;
    private final TaskOperations taskOperations;
    private final TagOperations tagOperations;
    private final Map<String, BiFunction<ObjectNode, Instant, ObjectNode>> operations;
    private final List<Consumer<EmulatedTask>> runningHooks = new CopyOnWriteArrayList<>();
    private final List<Consumer<EmulatedTask>> stoppedHooks = new CopyOnWriteArrayList<>();
    private ContainerRuntime runtime;

    /** ECS in us-east-1, account 123456789012, seed 1. */
    public EcsService(EmulatorClock clock) {
        this(clock, "us-east-1", "123456789012", 1L);
    }

    public EcsService(EmulatorClock clock, String region, String account, long seed) {
        this.clock = clock;
        this.arns = new EcsArns(region, account);
        this.clusters = new Clusters(arns);
        this.definitions = new TaskDefinitions(arns, clock);
        this.quotas = new FargateQuotas(clock);
        this.latencies = new LatencyModel(seed);
        this.taskFaults = new TaskFaultScript(seed + 1);
        this.launcher = new TaskLauncher(arns, clusters, definitions, tasks, quotas, latencies, taskFaults, seed + 2);
        this.taskOperations = new TaskOperations(clusters, tasks, latencies);
        this.tagOperations = new TagOperations(arns, clusters, definitions, tasks);
        this.operations = Map.ofEntries(
                Map.entry("RegisterTaskDefinition", this::registerTaskDefinition),
                Map.entry("DescribeTaskDefinition", this::describeTaskDefinition),
                Map.entry("ListTaskDefinitions", this::listTaskDefinitions),
                Map.entry("ListTaskDefinitionFamilies", this::listTaskDefinitionFamilies),
                Map.entry("DeregisterTaskDefinition", this::deregisterTaskDefinition),
                Map.entry("DeleteTaskDefinitions", (r, now) -> definitions.delete(Json.strings(r, "taskDefinitions"))),
                Map.entry("RunTask", launcher::runTask),
                Map.entry("DescribeTasks", taskOperations::describeTasks),
                Map.entry("StopTask", taskOperations::stopTask),
                Map.entry("ListTasks", taskOperations::listTasks),
                Map.entry("DescribeClusters", this::describeClusters),
                Map.entry("ListClusters", this::listClusters),
                Map.entry("TagResource", tagOperations::tagResource),
                Map.entry("UntagResource", tagOperations::untagResource),
                Map.entry("ListTagsForResource", tagOperations::listTagsForResource));
        clock.onAdvance(this::tick);
    }

    @Override
    public String name() {
        return "ecs";
    }

    @Override
    public boolean accepts(EmulatorRequest request) {
        String target = request.header("x-amz-target");
        return target != null && target.startsWith(TARGET_PREFIX);
    }

    @Override
    public String operation(EmulatorRequest request) {
        return request.header("x-amz-target").substring(TARGET_PREFIX.length());
    }

    @Override
    public EmulatorResponse handle(String operation, EmulatorRequest request) {
        BiFunction<ObjectNode, Instant, ObjectNode> handler = operations.get(operation);
        if (handler == null) {
            return EmulatorResponse.of(400, CONTENT_TYPE, "{\"__type\":\"UnknownOperationException\"}");
        }
        tick();
        EmulatorResponse response;
        try {
            ObjectNode body = Json.parse(request.bodyText());
            ObjectNode answer;
            synchronized (lock) {
                answer = handler.apply(body, clock.instant());
            }
            response = EmulatorResponse.of(200, CONTENT_TYPE, Json.write(answer));
        } catch (EcsApiError e) {
            response = render(e);
        }
        tick();
        return response;
    }

    @Override
    public EmulatorResponse error(int status, String code, String message) {
        return render(new EcsApiError(status, code, message, null));
    }

    private static EmulatorResponse render(EcsApiError error) {
        ObjectNode body = Json.object();
        body.put("__type", error.code());
        body.put("message", error.getMessage());
        if (!error.resourceIds().isEmpty()) {
            ArrayNode ids = body.putArray("resourceIds");
            error.resourceIds().forEach(ids::add);
        }
        return EmulatorResponse.of(error.status(), CONTENT_TYPE, Json.write(body));
    }

    private ObjectNode registerTaskDefinition(ObjectNode request, Instant now) {
        TaskDefinitions.Revision revision = definitions.register(request);
        ObjectNode answer = Json.object();
        answer.set("taskDefinition", definitions.render(revision));
        answer.set("tags", TagRules.render(revision.tags));
        return answer;
    }

    private ObjectNode describeTaskDefinition(ObjectNode request, Instant now) {
        TaskDefinitions.Revision revision = definitions.require(Json.text(request, "taskDefinition"));
        ObjectNode answer = Json.object();
        answer.set("taskDefinition", definitions.render(revision));
        if (Json.strings(request, "include").contains("TAGS")) {
            answer.set("tags", TagRules.render(revision.tags));
        }
        return answer;
    }

    private ObjectNode listTaskDefinitions(ObjectNode request, Instant now) {
        String status = Optional.ofNullable(Json.text(request, "status")).orElse("ACTIVE");
        String sort = Optional.ofNullable(Json.text(request, "sort")).orElse("ASC");
        List<String> arnList = definitions.list(Json.text(request, "familyPrefix"), status, sort.equals("DESC"));
        ObjectNode answer = Json.object();
        Pagination.page(request, "ListTaskDefinitions", arnList, answer, "taskDefinitionArns");
        return answer;
    }

    private ObjectNode listTaskDefinitionFamilies(ObjectNode request, Instant now) {
        String status = Optional.ofNullable(Json.text(request, "status")).orElse("ALL");
        List<String> families = definitions.families(Json.text(request, "familyPrefix"), status);
        ObjectNode answer = Json.object();
        Pagination.page(request, "ListTaskDefinitionFamilies", families, answer, "families");
        return answer;
    }

    private ObjectNode deregisterTaskDefinition(ObjectNode request, Instant now) {
        TaskDefinitions.Revision revision = definitions.deregister(Json.text(request, "taskDefinition"));
        ObjectNode answer = Json.object();
        answer.set("taskDefinition", definitions.render(revision));
        return answer;
    }

    private ObjectNode listClusters(ObjectNode request, Instant now) {
        return clusters.list(request);
    }

    private ObjectNode describeClusters(ObjectNode request, Instant now) {
        return clusters.describe(request, (cluster, group) -> taskOperations.count(cluster, group, now));
    }

    /**
     * Fires the hooks of every task that reached RUNNING or STOPPED by now (and tells the container runtime about
     * the tasks it runs), and forgets expired stopped tasks.
     */
    public void tick() {
        List<TaskStore.Event> due;
        List<EmulatedTask> snapshots = new ArrayList<>();
        List<Boolean> held = new ArrayList<>();
        ContainerRuntime current;
        synchronized (lock) {
            Instant now = clock.instant();
            current = runtime;
            due = tasks.due(now);
            for (TaskStore.Event event : due) {
                EmulatedTask snapshot = event.task().snapshot(now);
                snapshots.add(snapshot);
                if (event.moment() == TaskStore.Moment.RUNNING && current != null && current.takesOver(snapshot)) {
                    event.task().containersHeld = true;
                    tasks.schedule(event.task());
                }
                held.add(event.task().containersHeld);
            }
            tasks.purge(now);
        }
        for (int i = 0; i < due.size(); i++) {
            EmulatedTask snapshot = snapshots.get(i);
            switch (due.get(i).moment()) {
                case RUNNING -> {
                    if (held.get(i)) {
                        current.start(snapshot);
                    }
                    runningHooks.forEach(hook -> hook.accept(snapshot));
                }
                case STOP_REQUESTED -> {
                    if (current != null) {
                        current.stop(snapshot);
                    }
                }
                case STOPPED -> stoppedHooks.forEach(hook -> hook.accept(snapshot));
            }
        }
    }

    // ---- test and benchmark API ----

    /** Creates (or replaces) a cluster with these capacity providers and no default strategy. */
    public EcsService createCluster(String name, String... capacityProviders) {
        return createCluster(name, List.of(capacityProviders), Map.of());
    }

    /** Creates (or replaces) a cluster; {@code defaultWeights} is its default capacity provider strategy. */
    public EcsService createCluster(String name, List<String> capacityProviders, Map<String, Integer> defaultWeights) {
        List<Clusters.StrategyItem> strategy = new ArrayList<>();
        defaultWeights.forEach((provider, weight) -> strategy.add(new Clusters.StrategyItem(provider, weight, 0)));
        synchronized (lock) {
            clusters.create(name, capacityProviders, strategy);
        }
        return this;
    }

    /** The ARN ECS gives the cluster of that name. */
    public String clusterArn(String name) {
        return arns.cluster(name);
    }

    public FargateQuotas quotas() {
        return quotas;
    }

    public LatencyModel latencies() {
        return latencies;
    }

    public TaskFaultScript taskFaults() {
        return taskFaults;
    }

    /** How long stopped tasks stay describable (AWS: at least one hour). */
    public void setStoppedTaskRetention(Duration retention) {
        synchronized (lock) {
            tasks.setRetention(retention);
        }
    }

    /** New tasks are MISSING to DescribeTasks and absent from ListTasks for this long (eventual consistency). */
    public void setVisibilityDelay(Duration delay) {
        synchronized (lock) {
            tasks.setVisibilityDelay(delay);
        }
    }

    /** Runs {@code hook} once for every task that reaches RUNNING, on the thread that notices it. */
    public void onTaskRunning(Consumer<EmulatedTask> hook) {
        runningHooks.add(hook);
    }

    /**
     * Runs the containers of tasks that reach RUNNING from now on with {@code containerRuntime} (null: none, the
     * default, where containers live and die by the latency model and the scripted faults).
     */
    public void runContainersWith(ContainerRuntime containerRuntime) {
        synchronized (lock) {
            this.runtime = containerRuntime;
        }
    }

    /** Runs {@code hook} once for every task that reaches STOPPED. */
    public void onTaskStopped(Consumer<EmulatedTask> hook) {
        stoppedHooks.add(hook);
    }

    /** Removes a hook added by {@link #onTaskRunning} or {@link #onTaskStopped}, so its owner can be collected. */
    public void removeHook(Consumer<EmulatedTask> hook) {
        runningHooks.remove(hook);
        stoppedHooks.remove(hook);
    }

    /** Tasks not yet STOPPED. */
    public List<EmulatedTask> liveTasks() {
        synchronized (lock) {
            Instant now = clock.instant();
            return tasks.all().stream()
                    .filter(t -> !t.stopped(now))
                    .map(t -> t.snapshot(now))
                    .toList();
        }
    }

    /** Every task ECS still retains, stopped ones included. */
    public List<EmulatedTask> allTasks() {
        synchronized (lock) {
            Instant now = clock.instant();
            return tasks.all().stream().map(t -> t.snapshot(now)).toList();
        }
    }

    /** The task of that ARN or id, if still retained. */
    public Optional<EmulatedTask> task(String arnOrId) {
        synchronized (lock) {
            EcsTask task = tasks.get(arnOrId);
            return task == null ? Optional.empty() : Optional.of(task.snapshot(clock.instant()));
        }
    }

    /** Stops a task as ECS would (e.g. {@code ServiceSchedulerInitiated}, {@code InfrastructureHealth}). */
    public void stopTask(String taskArn, String stopCode, String reason) {
        externalStop(taskArn, stopCode, reason, null, null, false);
    }

    /**
     * The essential container exits with {@code exitCode} now: the normal end of an agent ({@code
     * EssentialContainerExited}), or the end of a stop that awaited a {@link ContainerRuntime}'s process.
     */
    public void containerExited(String taskArn, int exitCode) {
        synchronized (lock) {
            taskOperations.containerExited(require(taskArn), clock.instant(), exitCode);
        }
        tick();
    }

    /** The container is killed for memory now (exit 137). */
    public void outOfMemory(String taskArn) {
        externalStop(
                taskArn,
                "EssentialContainerExited",
                TaskFault.OUT_OF_MEMORY_REASON,
                137,
                TaskFault.OUT_OF_MEMORY_REASON,
                true);
    }

    /** Fargate Spot reclaims the task now. */
    public void interruptSpot(String taskArn) {
        externalStop(taskArn, "SpotInterruption", TaskFault.SPOT_REASON, null, null, false);
    }

    private void externalStop(
            String taskArn, String stopCode, String reason, Integer exitCode, String containerReason, boolean exited) {
        synchronized (lock) {
            taskOperations.stop(require(taskArn), clock.instant(), stopCode, reason, exitCode, containerReason, exited);
        }
        tick();
    }

    private EcsTask require(String taskArn) {
        EcsTask task = tasks.get(taskArn);
        if (task == null) {
            throw new IllegalArgumentException("no task " + taskArn);
        }
        return task;
    }
}
