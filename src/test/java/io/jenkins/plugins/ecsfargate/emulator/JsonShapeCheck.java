package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks an awsJson document against a model shape, recursively: every member exists in the shape, every value
 * has the shape's JSON type (timestamps are numbers unless the model says otherwise, integers are integral and in
 * range, blobs are base64), required members are present, enum values are allowed. Violations are collected with
 * their path, e.g. {@code $.tasks[0].lastStatus}.
 */
final class JsonShapeCheck {

    private final ServiceModel model;
    private final List<String> violations;

    JsonShapeCheck(ServiceModel model, List<String> violations) {
        this.model = model;
        this.violations = violations;
    }

    void check(String shapeName, JsonNode value, String path) {
        check(shapeName, null, value, path);
    }

    private void check(String shapeName, JsonNode reference, JsonNode value, String path) {
        JsonNode shape = model.shape(shapeName);
        if (value.isNull()) {
            violations.add(path + ": null (AWS leaves absent members out) for " + shapeName);
            return;
        }
        if (ServiceModel.flag(shape, "document")) {
            return;
        }
        String type = model.type(shape);
        switch (type) {
            case "structure" -> structure(shapeName, shape, value, path);
            case "list" -> list(shape, value, path);
            case "map" -> map(shape, value, path);
            case "string" -> string(shapeName, shape, value, path);
            case "integer" -> integral(value, path, value.canConvertToInt(), type);
            case "long" -> integral(value, path, value.canConvertToLong(), type);
            case "double", "float" -> expect(value.isNumber(), path, "a number", value);
            case "boolean" -> expect(value.isBoolean(), path, "a boolean", value);
            case "timestamp" -> timestamp(shape, reference, value, path);
            case "blob" -> blob(value, path);
            default -> violations.add(path + ": the checker does not know shape type " + type);
        }
    }

    private void structure(String shapeName, JsonNode shape, JsonNode value, String path) {
        if (!expect(value.isObject(), path, "an object (" + shapeName + ")", value)) {
            return;
        }
        Map<String, JsonNode> members = model.members(shape);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode member = members.get(field.getKey());
            if (member == null) {
                violations.add(path + "." + field.getKey() + ": not a member of " + shapeName);
            } else {
                check(ServiceModel.target(member), member, field.getValue(), path + "." + field.getKey());
            }
        }
        for (String required : model.required(shape)) {
            if (value.get(required) == null || value.get(required).isNull()) {
                violations.add(path + "." + required + ": required by " + shapeName + " but missing");
            }
        }
        if (ServiceModel.flag(shape, "union") && value.size() != 1) {
            violations.add(path + ": union " + shapeName + " must set exactly one member");
        }
    }

    private void list(JsonNode shape, JsonNode value, String path) {
        if (!expect(value.isArray(), path, "an array", value)) {
            return;
        }
        String element = ServiceModel.target(shape.path("member"));
        for (int i = 0; i < value.size(); i++) {
            check(element, value.get(i), path + "[" + i + "]");
        }
    }

    private void map(JsonNode shape, JsonNode value, String path) {
        if (!expect(value.isObject(), path, "an object (map)", value)) {
            return;
        }
        String keyShape = ServiceModel.target(shape.path("key"));
        String valueShape = ServiceModel.target(shape.path("value"));
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entryPath = path + "[\"" + entry.getKey() + "\"]";
            List<String> keys = model.enumValues(model.shape(keyShape));
            if (!keys.isEmpty() && !keys.contains(entry.getKey())) {
                violations.add(entryPath + ": key not in enum " + keyShape + " " + keys);
            }
            check(valueShape, entry.getValue(), entryPath);
        }
    }

    private void string(String shapeName, JsonNode shape, JsonNode value, String path) {
        if (!expect(value.isTextual(), path, "a string", value)) {
            return;
        }
        List<String> allowed = model.enumValues(shape);
        if (!allowed.isEmpty() && !allowed.contains(value.asText())) {
            violations.add(path + ": '" + value.asText() + "' is not in enum " + shapeName + " " + allowed);
        }
    }

    private void integral(JsonNode value, String path, boolean inRange, String type) {
        if (!expect(value.isNumber(), path, "an " + type, value)) {
            return;
        }
        if (!value.isIntegralNumber()) {
            violations.add(path + ": " + value + " is not an integral " + type);
        } else if (!inRange) {
            violations.add(path + ": " + value + " is out of range for " + type);
        }
    }

    private void timestamp(JsonNode shape, JsonNode reference, JsonNode value, String path) {
        String format = ServiceModel.attribute(shape, "timestampFormat")
                .or(() -> reference == null
                        ? java.util.Optional.empty()
                        : ServiceModel.attribute(reference, "timestampFormat"))
                .orElse("unixTimestamp");
        if (format.equals("unixTimestamp")) {
            expect(value.isNumber(), path, "a timestamp as epoch seconds (JSON number)", value);
        } else {
            expect(value.isTextual(), path, "a timestamp string (" + format + ")", value);
        }
    }

    private void blob(JsonNode value, String path) {
        if (expect(value.isTextual(), path, "a base64 string", value)) {
            try {
                Base64.getDecoder().decode(value.asText());
            } catch (IllegalArgumentException e) {
                violations.add(path + ": not base64: " + e.getMessage());
            }
        }
    }

    private boolean expect(boolean condition, String path, String what, JsonNode value) {
        if (!condition) {
            violations.add(path + ": expected " + what + " but was " + describe(value));
        }
        return condition;
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
