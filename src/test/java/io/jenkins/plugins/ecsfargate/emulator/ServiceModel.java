package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One botocore service model: its protocol, operations and shapes, read as a JSON tree. */
public final class ServiceModel {

    private final String service;
    private final JsonNode root;

    ServiceModel(String service, JsonNode root) {
        this.service = service;
        this.root = root;
    }

    public String service() {
        return service;
    }

    /** {@code json} (awsJson), {@code query}, {@code rest-json}, … */
    public String protocol() {
        return attribute(root.path("metadata"), "protocol").orElseThrow();
    }

    public Optional<String> xmlNamespace() {
        return attribute(root.path("metadata"), "xmlNamespace");
    }

    /** The operation's definition; an unknown name is an {@link AssertionError}. */
    public JsonNode operation(String name) {
        JsonNode operation = root.path("operations").get(name);
        if (operation == null) {
            throw new AssertionError(service + " has no operation " + name);
        }
        return operation;
    }

    public List<String> operationNames() {
        List<String> names = new ArrayList<>();
        root.path("operations").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The output shape name of an operation, or empty for operations without output. */
    public Optional<String> outputShape(String operation) {
        return attribute(operation(operation).path("output"), "shape");
    }

    /** The {@code resultWrapper} of a query-protocol output, e.g. {@code GetRoleResult}. */
    public Optional<String> resultWrapper(String operation) {
        return attribute(operation(operation).path("output"), "resultWrapper");
    }

    /** The error shapes an operation declares. */
    public List<String> errorShapes(String operation) {
        List<String> result = new ArrayList<>();
        operation(operation).path("errors").forEach(e -> result.add(target(e)));
        return result;
    }

    public JsonNode shape(String name) {
        JsonNode shape = root.path("shapes").get(name);
        if (shape == null) {
            throw new AssertionError(service + " has no shape " + name);
        }
        return shape;
    }

    public String type(JsonNode shape) {
        return shape.path("type").asText();
    }

    /** The members of a structure shape, by name. */
    public Map<String, JsonNode> members(JsonNode shape) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        shape.path("members").fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue()));
        return members;
    }

    /** The required member names of a structure shape. */
    public List<String> required(JsonNode shape) {
        return texts(shape.path("required"));
    }

    /** The allowed values of an enum string shape, empty when it is not an enum. */
    public List<String> enumValues(JsonNode shape) {
        return texts(shape.path("enum"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    /** The shape a member, list member, map key or map value refers to. */
    public static String target(JsonNode reference) {
        return reference.path("shape").asText();
    }

    /** A flag such as {@code flattened}, {@code document}, {@code union}, {@code fault}. */
    public static boolean flag(JsonNode node, String name) {
        return node.path(name).asBoolean(false);
    }

    /** A string attribute such as {@code locationName} or {@code timestampFormat}. */
    public static Optional<String> attribute(JsonNode node, String name) {
        return Optional.ofNullable(node.get(name)).map(JsonNode::asText);
    }
}
