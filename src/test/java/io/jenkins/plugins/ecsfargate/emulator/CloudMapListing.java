package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cloud Map's read operations on namespaces and services: the {@code Filters} of ListNamespaces and ListServices
 * (names and conditions as the model allows them), {@code MaxResults}/{@code NextToken} paging, and the JSON
 * forms of namespaces and services.
 */
final class CloudMapListing {

    private CloudMapListing() {}

    static Map<String, Object> namespaces(CloudMapDirectory directory, JsonNode input) {
        List<CloudMapDirectory.Namespace> selected = new ArrayList<>(directory.namespaces());
        for (JsonNode filter : filters(input)) {
            String name = CloudMapService.required(filter, "Name");
            Function<CloudMapDirectory.Namespace, String> field =
                    switch (name) {
                        case "TYPE" -> CloudMapDirectory.Namespace::type;
                        case "NAME" -> CloudMapDirectory.Namespace::name;
                        case "HTTP_NAME" -> CloudMapDirectory.Namespace::httpName;
                        case "RESOURCE_OWNER" -> n -> "SELF";
                        default -> throw invalid("Unsupported filter name: " + name);
                    };
            List<String> allowed = name.equals("TYPE") ? List.of("EQ", "IN") : List.of("EQ", "BEGINS_WITH");
            selected.removeIf(n -> !matches(filter, allowed, field.apply(n)));
        }
        List<Object> rendered = new ArrayList<>();
        selected.forEach(n -> rendered.add(render(directory, n, false)));
        return page(input, rendered, "Namespaces");
    }

    static Map<String, Object> services(CloudMapDirectory directory, JsonNode input) {
        List<CloudMapDirectory.Service> selected = new ArrayList<>(directory.services());
        for (JsonNode filter : filters(input)) {
            String name = CloudMapService.required(filter, "Name");
            Function<CloudMapDirectory.Service, String> field =
                    switch (name) {
                        case "NAMESPACE_ID" -> CloudMapDirectory.Service::namespaceId;
                        case "RESOURCE_OWNER" -> s -> "SELF";
                        default -> throw invalid("Unsupported filter name: " + name);
                    };
            selected.removeIf(s -> !matches(filter, List.of("EQ"), field.apply(s)));
        }
        List<Object> rendered = new ArrayList<>();
        selected.forEach(s -> rendered.add(render(directory, s, false)));
        return page(input, rendered, "Services");
    }

    static Map<String, Object> namespace(CloudMapDirectory directory, String id) {
        return directory
                .namespace(id)
                .map(n -> render(directory, n, true))
                .orElseThrow(
                        () -> new CloudMapService.CloudMapError("NamespaceNotFound", "Namespace not found: " + id));
    }

    static Map<String, Object> service(CloudMapDirectory directory, String id) {
        return directory
                .service(id)
                .map(s -> render(directory, s, true))
                .orElseThrow(() -> new CloudMapService.CloudMapError("ServiceNotFound", "Service not found: " + id));
    }

    /** {@code MaxResults} within 1..max, or the default when absent. */
    static int maxResults(JsonNode input, int byDefault, int max) {
        JsonNode given = input.get("MaxResults");
        if (given != null && !given.isNull() && !given.canConvertToInt()) {
            throw invalid("MaxResults must be an integer.");
        }
        int value = given == null || given.isNull() ? byDefault : given.asInt();
        if (value < 1 || value > max) {
            throw invalid("MaxResults must be between 1 and " + max + ".");
        }
        return value;
    }

    private static List<JsonNode> filters(JsonNode input) {
        List<JsonNode> filters = new ArrayList<>();
        input.path("Filters").forEach(filters::add);
        return filters;
    }

    private static boolean matches(JsonNode filter, List<String> allowedConditions, String actual) {
        String condition = CloudMapService.string(filter, "Condition").orElse("EQ");
        if (!allowedConditions.contains(condition)) {
            throw invalid("Condition " + condition + " is not supported for this filter.");
        }
        List<String> values = new ArrayList<>();
        filter.path("Values").forEach(value -> values.add(value.asText()));
        if (values.isEmpty() || (condition.equals("EQ") || condition.equals("BEGINS_WITH")) && values.size() != 1) {
            throw invalid("Condition " + condition + " takes exactly one value.");
        }
        return condition.equals("BEGINS_WITH") ? actual.startsWith(values.get(0)) : values.contains(actual);
    }

    private static Map<String, Object> page(JsonNode input, List<Object> all, String member) {
        int max = maxResults(input, 100, 100);
        int start;
        try {
            start = CloudMapService.string(input, "NextToken")
                    .map(Integer::parseInt)
                    .orElse(0);
        } catch (NumberFormatException e) {
            throw invalid("Invalid NextToken.");
        }
        if (start < 0 || start > all.size()) {
            throw invalid("Invalid NextToken.");
        }
        int end = Math.min(all.size(), start + max);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put(member, all.subList(start, end));
        if (end < all.size()) {
            output.put("NextToken", String.valueOf(end));
        }
        return output;
    }

    private static Map<String, Object> render(
            CloudMapDirectory directory, CloudMapDirectory.Namespace namespace, boolean full) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (namespace.hostedZoneId() != null) {
            properties.put("DnsProperties", Map.of("HostedZoneId", namespace.hostedZoneId(), "SOA", Map.of("TTL", 15)));
        }
        properties.put("HttpProperties", Map.of("HttpName", namespace.httpName()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Id", namespace.id());
        out.put("Arn", namespace.arn());
        out.put("ResourceOwner", directory.accountId());
        out.put("Name", namespace.name());
        out.put("Type", namespace.type());
        out.put("ServiceCount", directory.serviceCount(namespace.id()));
        out.put("Properties", properties);
        out.put("CreateDate", epochSeconds(namespace.createDate()));
        if (full) {
            out.put("CreatorRequestId", namespace.id());
        }
        return out;
    }

    /** A service as ListServices ({@code ServiceSummary}) or, {@code full}, as GetService ({@code Service}) sends it. */
    private static Map<String, Object> render(
            CloudMapDirectory directory, CloudMapDirectory.Service service, boolean full) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Id", service.id());
        out.put("Arn", service.arn());
        out.put("ResourceOwner", directory.accountId());
        out.put("Name", service.name());
        if (full) {
            out.put("NamespaceId", service.namespaceId());
            out.put("CreatorRequestId", service.id());
        }
        out.put("Type", service.type());
        out.put("InstanceCount", directory.instances(service.id()).size());
        if (service.type().equals("DNS_HTTP")) {
            out.put(
                    "DnsConfig",
                    Map.of("RoutingPolicy", "MULTIVALUE", "DnsRecords", List.of(Map.of("Type", "A", "TTL", 60))));
        }
        if (service.customHealthCheck()) {
            out.put("HealthCheckCustomConfig", Map.of("FailureThreshold", 1));
        }
        out.put("CreateDate", epochSeconds(service.createDate()));
        out.put("CreatedByAccount", directory.accountId());
        return out;
    }

    /** awsJson's timestamp: epoch seconds, milliseconds as the fraction. */
    private static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static CloudMapService.CloudMapError invalid(String message) {
        return new CloudMapService.CloudMapError("InvalidInput", message);
    }
}
