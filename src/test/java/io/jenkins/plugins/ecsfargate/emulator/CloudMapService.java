package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * AWS Cloud Map (servicediscovery) over awsJson1_1 ({@code X-Amz-Target: Route53AutoNaming_v20170314.<Op>}):
 * DiscoverInstances, ListNamespaces, ListServices, GetNamespace, GetService and RegisterInstance, answered from a
 * {@link CloudMapDirectory}. DiscoverInstances looks the namespace up by its HTTP name and returns instances in a
 * random order, as Cloud Map does, so that no client comes to depend on an order. Errors carry {@code Message}
 * with a capital M, as this service's model declares.
 */
public final class CloudMapService implements AwsService {

    static final String TARGET_PREFIX = "Route53AutoNaming_v20170314.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final CloudMapDirectory directory;
    private final Random shuffle;

    public CloudMapService(CloudMapDirectory directory, Random shuffle) {
        this.directory = directory;
        this.shuffle = shuffle;
    }

    /** A service over the directory whose answer order is shuffled with a fixed seed. */
    public CloudMapService(CloudMapDirectory directory) {
        this(directory, new Random(11));
    }

    public CloudMapDirectory directory() {
        return directory;
    }

    @Override
    public String name() {
        return "servicediscovery";
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
        JsonNode input;
        try {
            input = Json.parse(request.bodyText());
        } catch (RuntimeException e) {
            return error(400, "SerializationException", "Malformed request body: " + e.getMessage());
        }
        try {
            return switch (operation) {
                case "DiscoverInstances" -> ok(discoverInstances(input));
                case "ListNamespaces" -> ok(CloudMapListing.namespaces(directory, input));
                case "ListServices" -> ok(CloudMapListing.services(directory, input));
                case "GetNamespace" -> ok(Map.of("Namespace", CloudMapListing.namespace(directory, requiredId(input))));
                case "GetService" -> ok(Map.of("Service", CloudMapListing.service(directory, requiredId(input))));
                case "RegisterInstance" -> ok(registerInstance(input));
                default -> error(400, "UnknownOperationException", null);
            };
        } catch (CloudMapError e) {
            return error(400, e.code, e.getMessage());
        }
    }

    @Override
    public EmulatorResponse error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", code);
        if (message != null) {
            body.put("Message", message);
        }
        return response(status, write(body));
    }

    /**
     * Cloud Map's throttling error, which the SDK retries as throttling. The model declares it for
     * DiscoverInstances (the data-plane call clients make often); the seam gives no operation, so control-plane
     * calls are throttled with it too.
     */
    @Override
    public EmulatorResponse throttled() {
        return error(400, "RequestLimitExceeded", "Rate exceeded");
    }

    @Override
    public EmulatorResponse serverError() {
        return error(500, "InternalFailure", "An internal error occurred.");
    }

    private Map<String, Object> discoverInstances(JsonNode input) {
        String namespaceName = required(input, "NamespaceName");
        String serviceName = required(input, "ServiceName");
        int maxResults = CloudMapListing.maxResults(input, 100, 1000);
        CloudMapDirectory.Namespace namespace = directory
                .namespaceByHttpName(namespaceName)
                .orElseThrow(() -> new CloudMapError("NamespaceNotFound", "Namespace not found: " + namespaceName));
        CloudMapDirectory.Service service = directory
                .serviceByName(namespace.id(), serviceName)
                .orElseThrow(() -> new CloudMapError("ServiceNotFound", "Service not found: " + serviceName));
        List<CloudMapDirectory.Instance> found = new ArrayList<>(directory.instances(service.id()));
        found.removeIf(attributesDiffer(input.path("QueryParameters")));
        List<CloudMapDirectory.Instance> preferred = new ArrayList<>(found);
        preferred.removeIf(attributesDiffer(input.path("OptionalParameters")));
        if (!preferred.isEmpty()) {
            found = preferred;
        }
        if (service.customHealthCheck()) {
            found = byHealth(found, string(input, "HealthStatus").orElse("HEALTHY"));
        }
        Collections.shuffle(found, shuffle);
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (CloudMapDirectory.Instance instance : found.subList(0, Math.min(maxResults, found.size()))) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("InstanceId", instance.id());
            summary.put("NamespaceName", namespaceName);
            summary.put("ServiceName", serviceName);
            summary.put("HealthStatus", instance.healthStatus());
            summary.put("Attributes", instance.attributes());
            rendered.add(summary);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Instances", rendered);
        output.put("InstancesRevision", directory.revision(service.id()));
        return output;
    }

    private static List<CloudMapDirectory.Instance> byHealth(List<CloudMapDirectory.Instance> found, String status) {
        List<CloudMapDirectory.Instance> healthy = new ArrayList<>(found);
        healthy.removeIf(i -> !i.healthStatus().equals("HEALTHY"));
        return switch (status) {
            case "HEALTHY" -> healthy;
            case "UNHEALTHY" ->
                found.stream().filter(i -> i.healthStatus().equals("UNHEALTHY")).toList();
            case "ALL" -> found;
            case "HEALTHY_OR_ELSE_ALL" -> healthy.isEmpty() ? found : healthy;
            default -> throw new CloudMapError("InvalidInput", "Invalid HealthStatus: " + status);
        };
    }

    private static Predicate<CloudMapDirectory.Instance> attributesDiffer(JsonNode wanted) {
        Map<String, String> pairs = strings(wanted);
        return instance -> pairs.entrySet().stream()
                .anyMatch(e -> !e.getValue().equals(instance.attributes().get(e.getKey())));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> result = new LinkedHashMap<>();
        object.fields()
                .forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    private Map<String, Object> registerInstance(JsonNode input) {
        String serviceId = required(input, "ServiceId");
        String instanceId = required(input, "InstanceId");
        Map<String, String> attributes = strings(input.path("Attributes"));
        if (attributes.isEmpty()) {
            throw new CloudMapError("InvalidInput", "Attributes must not be empty.");
        }
        directory
                .service(serviceId)
                .orElseThrow(() -> new CloudMapError("ServiceNotFound", "Service not found: " + serviceId));
        directory.registerInstance(serviceId, instanceId, attributes);
        return Map.of("OperationId", UUID.randomUUID().toString().replace("-", ""));
    }

    private static String requiredId(JsonNode input) {
        return required(input, "Id");
    }

    static String required(JsonNode input, String member) {
        return string(input, member).orElseThrow(() -> new CloudMapError("InvalidInput", member + " is required."));
    }

    static Optional<String> string(JsonNode input, String member) {
        JsonNode value = input.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static EmulatorResponse ok(Object output) {
        return response(200, write(output));
    }

    /** Maps and lists as JSON; members are left out by not putting them, as AWS leaves absent members out. */
    private static String write(Object output) {
        return Json.write(Json.MAPPER.valueToTree(output));
    }

    private static EmulatorResponse response(int status, String body) {
        EmulatorResponse plain = EmulatorResponse.of(status, CONTENT_TYPE, body);
        return new EmulatorResponse(
                status,
                CONTENT_TYPE,
                Map.of("x-amzn-RequestId", UUID.randomUUID().toString()),
                plain.body());
    }

    /** A Cloud Map client error; its code becomes {@code __type}. */
    static final class CloudMapError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        CloudMapError(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
