package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RegisterTaskDefinition's validation, as ECS does it for Fargate: family name, 1-10 containers with a name and an
 * image, task-level cpu and memory forming a Fargate size, awsvpc, an execution role when a container logs with
 * awslogs, ephemeral storage 21-200 GiB, runtimePlatform's enums, and for Windows the rules of
 * {@link WindowsFargateRules}. It also normalizes cpu/memory unit forms to integers in strings.
 */
final class TaskDefinitionRules {
    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private TaskDefinitionRules() {}

    /** Validates {@code request} and rewrites cpu/memory to their integer forms, in place. */
    static void validateAndNormalize(ObjectNode request) {
        String family = Json.text(request, "family");
        if (family == null || !FAMILY.matcher(family).matches()) {
            throw EcsApiError.client("Family contains invalid characters or is longer than 255 characters.");
        }
        List<JsonNode> containers = Json.objects(request, "containerDefinitions");
        if (containers.isEmpty()) {
            throw EcsApiError.client("Container list cannot be empty.");
        }
        if (containers.size() > 10) {
            throw EcsApiError.client("Too many containers. A task definition can have at most 10 containers.");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode container : containers) {
            String name = Json.text(container, "name");
            if (name == null || name.isEmpty()) {
                throw EcsApiError.client("Container.name should not be null or empty.");
            }
            if (!names.add(name)) {
                throw EcsApiError.client("Duplicate container names are not allowed: " + name);
            }
            String image = Json.text(container, "image");
            if (image == null || image.isEmpty()) {
                throw EcsApiError.client("Container.image should not be null or empty.");
            }
        }
        normalizeSize(request, "cpu", true);
        normalizeSize(request, "memory", false);
        WindowsFargateRules.validateRuntimePlatform(request);
        if (Json.strings(request, "requiresCompatibilities").contains("FARGATE")) {
            validateFargate(request, containers);
        }
        JsonNode storage = request.get("ephemeralStorage");
        if (storage != null) {
            int size = Json.integer(storage, "sizeInGiB", 0);
            if (size < 21 || size > 200) {
                throw EcsApiError.client("The ephemeral storage size must be between 21 and 200 GiB.");
            }
        }
    }

    private static void validateFargate(ObjectNode request, List<JsonNode> containers) {
        if (!"awsvpc".equals(Json.text(request, "networkMode"))) {
            throw EcsApiError.client("Fargate only supports network mode 'awsvpc'.");
        }
        String cpu = Json.text(request, "cpu");
        String memory = Json.text(request, "memory");
        if (cpu == null) {
            throw EcsApiError.client("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (memory == null) {
            throw EcsApiError.client("Fargate requires that 'memory' be defined at the task level.");
        }
        boolean windows = WindowsFargateRules.windows(request);
        if (windows) {
            WindowsFargateRules.validatePlatform(request);
        }
        FargateSizes.requireValid(Integer.parseInt(cpu), Integer.parseInt(memory), windows);
        for (JsonNode container : containers) {
            if (Json.bool(container, "privileged")) {
                throw EcsApiError.client("Privileged containers are not supported on Fargate.");
            }
            JsonNode log = container.get("logConfiguration");
            if (log != null
                    && "awslogs".equals(Json.text(log, "logDriver"))
                    && Json.text(request, "executionRoleArn") == null) {
                throw EcsApiError.client(
                        "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
            }
        }
        if (windows) {
            WindowsFargateRules.validateContents(request, containers);
        }
    }

    private static void normalizeSize(ObjectNode request, String field, boolean cpu) {
        String value = Json.text(request, field);
        if (value != null) {
            int units = cpu ? FargateSizes.cpuUnits(value) : FargateSizes.memoryMiB(value);
            request.put(field, Integer.toString(units));
        }
    }
}
