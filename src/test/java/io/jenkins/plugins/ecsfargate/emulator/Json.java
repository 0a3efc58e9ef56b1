package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** awsJson1_1 helpers: parsing request bodies, reading members by type, writing epoch-second timestamps. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The body as an object; an empty body is {@code {}}, as the protocol allows. */
    static ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new EcsApiError(400, "SerializationException", "Could not parse the request body.", null);
        }
        throw new EcsApiError(400, "SerializationException", "The request body is not a JSON object.", null);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A string member, or null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new EcsApiError(400, "SerializationException", "Expected a string for " + field, null);
        }
        return value.asText();
    }

    /** An integer member, or {@code fallback} when absent. */
    static int integer(JsonNode node, String field, int fallback) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber()) {
            throw new EcsApiError(400, "SerializationException", "Expected an integer for " + field, null);
        }
        return value.asInt();
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.asBoolean(false);
    }

    /** A list of strings, empty when absent. */
    static List<String> strings(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<String> result = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> result.add(item.asText()));
        }
        return result;
    }

    /** A list of objects, empty when absent. */
    static List<JsonNode> objects(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<JsonNode> result = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(result::add);
        }
        return result;
    }

    /** Epoch seconds with millisecond precision, the awsJson timestamp form. */
    static void time(ObjectNode node, String field, Instant at) {
        if (at != null) {
            node.put(field, at.toEpochMilli() / 1000.0);
        }
    }
}
