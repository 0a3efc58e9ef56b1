package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * RunTask: validates like ECS, honours {@code clientToken} idempotency, applies the Fargate launch rate, capacity
 * and vCPU quotas (as {@code failures[]} in a 200 answer), and creates tasks whose lifecycle is planned from the
 * latency model and any scripted task fault. Callers hold the ECS state lock.
 */
final class TaskLauncher {

    private record Idempotency(ObjectNode request, List<String> taskArns, ArrayNode failures) {}

    private final EcsArns arns;
    private final Clusters clusters;
    private final TaskDefinitions definitions;
    private final TaskStore tasks;
    private final FargateQuotas quotas;
    private final LatencyModel latencies;
    private final TaskFaultScript taskFaults;
    private final Random random;
    private final Map<String, Idempotency> tokens = new HashMap<>();
    private int addressCounter;

    TaskLauncher(
            EcsArns arns,
            Clusters clusters,
            TaskDefinitions definitions,
            TaskStore tasks,
            FargateQuotas quotas,
            LatencyModel latencies,
            TaskFaultScript taskFaults,
            long seed) {
        this.arns = arns;
        this.clusters = clusters;
        this.definitions = definitions;
        this.tasks = tasks;
        this.quotas = quotas;
        this.latencies = latencies;
        this.taskFaults = taskFaults;
        this.random = new Random(seed);
    }

    ObjectNode runTask(ObjectNode request, Instant now) {
        String token = RunTaskRules.clientToken(request);
        ObjectNode fingerprint = request.deepCopy();
        fingerprint.remove("clientToken");
        if (token != null && tokens.containsKey(token)) {
            return replay(tokens.get(token), fingerprint, now);
        }
        Clusters.Cluster cluster = clusters.require(Json.text(request, "cluster"));
        TaskDefinitions.Revision definition = definitions.find(Json.text(request, "taskDefinition"));
        if (definition == null) {
            throw EcsApiError.client("TaskDefinition not found.");
        }
        if (!definition.active()) {
            throw EcsApiError.invalidParameter("TaskDefinition is inactive");
        }
        int count = RunTaskRules.count(request);
        RunTaskRules.Placement placement = RunTaskRules.placement(request, cluster);
        RunTaskRules.requireFargateCompatible(definition);
        if (WindowsFargateRules.windows(definition.body)) {
            WindowsFargateRules.validateRun(definition, placement.strategy());
        }
        String platformVersion = RunTaskRules.platformVersion(request, definition);
        List<String> subnets = RunTaskRules.subnets(request, definition);
        String startedBy = RunTaskRules.startedBy(request);
        RunTaskRules.overrides(request, definition);
        Map<String, String> tags = tags(request, definition);
        boolean exec = Json.bool(request, "enableExecuteCommand");
        JsonNode overrides = request.get("overrides");
        if (exec && Json.text(definition.body, "taskRoleArn") == null && Json.text(overrides, "taskRoleArn") == null) {
            throw EcsApiError.invalidParameter("The task definition does not have a task role; a task role is"
                    + " required to enable execute command.");
        }
        int cpu = size(overrides, "cpu", definition, true);
        int memory = size(overrides, "memory", definition, false);
        FargateSizes.requireValid(cpu, memory, WindowsFargateRules.windows(definition.body));
        List<String> providers = RunTaskRules.providers(placement.strategy(), count);
        Map<String, Integer> launchesByProvider = new HashMap<>();
        providers.forEach(p -> launchesByProvider.merge(p, 1, Integer::sum));
        if (!quotas.tryLaunch(launchesByProvider)) {
            throw new EcsApiError(400, "ThrottlingException", "Rate exceeded", null);
        }
        ObjectNode answer = Json.object();
        ArrayNode launched = answer.putArray("tasks");
        ArrayNode failures = answer.putArray("failures");
        List<String> arnsLaunched = new ArrayList<>();
        Map<String, Integer> used = usedCpu(now);
        for (String provider : providers) {
            if (!quotas.capacityFor(provider)) {
                failures.addObject().put("reason", FargateQuotas.CAPACITY_REASON);
                continue;
            }
            int inUse = used.getOrDefault(provider, 0);
            if (!quotas.fits(provider, inUse, cpu)) {
                failures.addObject().put("reason", FargateQuotas.VCPU_LIMIT_REASON);
                continue;
            }
            used.put(provider, inUse + cpu);
            EcsTask task = create(
                    request,
                    cluster,
                    definition,
                    cpu,
                    memory,
                    provider,
                    placement.byStrategy(),
                    startedBy,
                    platformVersion,
                    exec,
                    tags,
                    subnets,
                    now);
            tasks.add(task);
            arnsLaunched.add(task.arn);
            launched.add(TaskRenderer.render(task, now, true));
        }
        if (token != null) {
            tokens.put(token, new Idempotency(fingerprint, arnsLaunched, failures.deepCopy()));
        }
        return answer;
    }

    private ObjectNode replay(Idempotency previous, ObjectNode fingerprint, Instant now) {
        if (!previous.request().equals(fingerprint)) {
            throw new EcsApiError(
                    400,
                    "ConflictException",
                    "The clientToken is already in use with different request parameters.",
                    previous.taskArns());
        }
        ObjectNode answer = Json.object();
        ArrayNode launched = answer.putArray("tasks");
        for (String arn : previous.taskArns()) {
            EcsTask task = tasks.get(arn);
            if (task != null) {
                launched.add(TaskRenderer.render(task, now, true));
            }
        }
        answer.set("failures", previous.failures().deepCopy());
        return answer;
    }

    private Map<String, String> tags(JsonNode request, TaskDefinitions.Revision definition) {
        Map<String, String> own = TagRules.parse(Json.objects(request, "tags"));
        String propagate = Json.text(request, "propagateTags");
        if ("SERVICE".equals(propagate)) {
            throw EcsApiError.invalidParameter("The propagateTags parameter SERVICE is not supported for RunTask.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if ("TASK_DEFINITION".equals(propagate)) {
            tags.putAll(definition.tags);
        }
        tags.putAll(own);
        if (tags.size() > TagRules.MAX_TAGS) {
            throw EcsApiError.invalidParameter("Too many tags. A resource can have at most 50 tags.");
        }
        return tags;
    }

    private static int size(JsonNode overrides, String field, TaskDefinitions.Revision definition, boolean cpu) {
        String value = Json.text(overrides, field);
        if (value == null) {
            value = Json.text(definition.body, field);
        }
        return cpu ? FargateSizes.cpuUnits(value) : FargateSizes.memoryMiB(value);
    }

    private Map<String, Integer> usedCpu(Instant now) {
        Map<String, Integer> used = new HashMap<>();
        for (EcsTask task : tasks.all()) {
            if (!task.stopped(now)) {
                used.merge(task.capacityProvider, task.cpu, Integer::sum);
            }
        }
        return used;
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private EcsTask create(
            JsonNode request,
            Clusters.Cluster cluster,
            TaskDefinitions.Revision definition,
            int cpu,
            int memory,
            String provider,
            boolean byStrategy,
            String startedBy,
            String platformVersion,
            boolean exec,
            Map<String, String> tags,
            List<String> subnets,
            Instant now) {
        String id = hex(16);
        String arn = arns.task(cluster.name, id);
        JsonNode overrides = request.get("overrides");
        List<EcsTask.Container> containers = new ArrayList<>();
        int n = 0;
        for (JsonNode definitionContainer : definition.containers()) {
            String name = Json.text(definitionContainer, "name");
            JsonNode override = findOverride(overrides, name);
            List<String> command = Json.strings(override, "command");
            if (command.isEmpty()) {
                command = Json.strings(definitionContainer, "command");
            }
            Map<String, String> environment = new LinkedHashMap<>();
            Json.objects(definitionContainer, "environment")
                    .forEach(e -> environment.put(Json.text(e, "name"), Json.text(e, "value")));
            Json.objects(override, "environment")
                    .forEach(e -> environment.put(Json.text(e, "name"), Json.text(e, "value")));
            String image = Json.text(definitionContainer, "image");
            JsonNode essential = definitionContainer.get("essential");
            containers.add(new EcsTask.Container(
                    name,
                    image,
                    arns.container(
                            cluster.name,
                            id,
                            java.util
                                    .UUID
                                    .nameUUIDFromBytes((id + name).getBytes(StandardCharsets.UTF_8))
                                    .toString()),
                    id + "-" + (1_000_000_000L + random.nextInt(1_000_000_000) + n++),
                    "sha256:" + sha256(image),
                    essential == null || essential.asBoolean(true),
                    stopTimeout(definitionContainer),
                    List.copyOf(command),
                    java.util.Collections.unmodifiableMap(environment)));
        }
        String subnet = subnets.get(random.nextInt(subnets.size()));
        addressCounter++;
        String ip = String.format(Locale.ROOT, "10.0.%d.%d", (addressCounter / 250) % 250, addressCounter % 250 + 4);
        EcsTask.Network network = new EcsTask.Network(
                subnet,
                arns.region() + (char) ('a' + Math.floorMod(subnet.hashCode(), 3)),
                ip,
                "eni-" + hex(8) + hex(1).substring(0, 1),
                java.util.UUID.randomUUID().toString(),
                String.format(
                        Locale.ROOT,
                        "0e:%02x:%02x:%02x:%02x:%02x",
                        random.nextInt(256),
                        random.nextInt(256),
                        random.nextInt(256),
                        random.nextInt(256),
                        random.nextInt(256)));
        String group = Json.text(request, "group");
        return new EcsTask(
                id,
                arn,
                cluster.name,
                cluster.arn,
                definition,
                cpu,
                memory,
                provider,
                byStrategy,
                startedBy,
                group == null ? "family:" + definition.family : group,
                platformVersion,
                exec,
                overrides == null ? null : (ObjectNode) overrides.deepCopy(),
                tags,
                List.copyOf(containers),
                network,
                TaskTimeline.plan(
                        now,
                        latencies,
                        taskFaults.draw(containers.stream()
                                .map(EcsTask.Container::image)
                                .toList())));
    }

    private static JsonNode findOverride(JsonNode overrides, String name) {
        for (JsonNode override : Json.objects(overrides, "containerOverrides")) {
            if (name.equals(Json.text(override, "name"))) {
                return override;
            }
        }
        return null;
    }

    private static Duration stopTimeout(JsonNode container) {
        JsonNode seconds = container.get("stopTimeout");
        return seconds == null || !seconds.canConvertToInt() ? null : Duration.ofSeconds(seconds.asInt());
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
