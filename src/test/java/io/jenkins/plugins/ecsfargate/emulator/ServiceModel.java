package io.jenkins.plugins.ecsfargate.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** One botocore service model: its protocol, operations and shapes, read as the SDK's JSON tree. */
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
        return metadata("protocol").orElseThrow();
    }

    public Optional<String> xmlNamespace() {
        return metadata("xmlNamespace");
    }

    private Optional<String> metadata(String field) {
        return root.field("metadata").flatMap(m -> m.field(field)).map(JsonNode::asString);
    }

    /** The operation's definition; an unknown name is an {@link AssertionError}. */
    public JsonNode operation(String name) {
        return root.field("operations")
                .flatMap(ops -> ops.field(name))
                .orElseThrow(() -> new AssertionError(service + " has no operation " + name));
    }

    public List<String> operationNames() {
        return new ArrayList<>(root.field("operations").orElseThrow().asObject().keySet());
    }

    /** The output shape name of an operation, or empty for operations without output. */
    public Optional<String> outputShape(String operation) {
        return operation(operation)
                .field("output")
                .flatMap(o -> o.field("shape"))
                .map(JsonNode::asString);
    }

    /** The {@code resultWrapper} of a query-protocol output, e.g. {@code GetRoleResult}. */
    public Optional<String> resultWrapper(String operation) {
        return operation(operation)
                .field("output")
                .flatMap(o -> o.field("resultWrapper"))
                .map(JsonNode::asString);
    }

    /** The error shapes an operation declares. */
    public List<String> errorShapes(String operation) {
        List<String> result = new ArrayList<>();
        operation(operation).field("errors").ifPresent(errors -> errors.asArray()
                .forEach(e -> result.add(e.field("shape").orElseThrow().asString())));
        return result;
    }

    public JsonNode shape(String name) {
        return root.field("shapes")
                .flatMap(shapes -> shapes.field(name))
                .orElseThrow(() -> new AssertionError(service + " has no shape " + name));
    }

    public String type(JsonNode shape) {
        return shape.field("type").map(JsonNode::asString).orElseThrow();
    }

    /** The members of a structure shape, by name. */
    public Map<String, JsonNode> members(JsonNode shape) {
        return shape.field("members").map(JsonNode::asObject).orElse(Map.of());
    }

    /** The required member names of a structure shape. */
    public List<String> required(JsonNode shape) {
        List<String> result = new ArrayList<>();
        shape.field("required").ifPresent(r -> r.asArray().forEach(n -> result.add(n.asString())));
        return result;
    }

    /** The allowed values of an enum string shape, empty when it is not an enum. */
    public List<String> enumValues(JsonNode shape) {
        List<String> result = new ArrayList<>();
        shape.field("enum").ifPresent(e -> e.asArray().forEach(n -> result.add(n.asString())));
        return result;
    }

    /** The shape a member, list member, map key or map value refers to. */
    public static String target(JsonNode reference) {
        return reference.field("shape").orElseThrow().asString();
    }

    /** A flag such as {@code flattened}, {@code document}, {@code union}, {@code exception}. */
    public static boolean flag(JsonNode node, String name) {
        return node.field(name).map(JsonNode::asBoolean).orElse(false);
    }

    /** A string attribute such as {@code locationName} or {@code timestampFormat}. */
    public static Optional<String> attribute(JsonNode node, String name) {
        return node.field(name).map(JsonNode::asString);
    }
}
