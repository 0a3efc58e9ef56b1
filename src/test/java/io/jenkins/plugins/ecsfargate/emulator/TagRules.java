package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ECS's tag restrictions (the same for RunTask, RegisterTaskDefinition and TagResource): at most 50 per resource,
 * key 1-128 characters, value 0-256, the {@code aws:} prefix reserved, and the characters AWS allows.
 */
final class TagRules {
    static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagRules() {}

    /** The tags of a request as an ordered map; throws InvalidParameterException for a rule broken. */
    static Map<String, String> parse(List<JsonNode> tags) {
        if (tags.size() > MAX_TAGS) {
            throw EcsApiError.invalidParameter("Too many tags. A resource can have at most 50 tags.");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            String key = Json.text(tag, "key");
            String value = Json.text(tag, "value");
            value = value == null ? "" : value;
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw EcsApiError.invalidParameter("Tag keys must be between 1 and 128 characters.");
            }
            if (value.length() > 256) {
                throw EcsApiError.invalidParameter("Tag values must be at most 256 characters.");
            }
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw EcsApiError.invalidParameter("Tag keys prefixed with 'aws:' are reserved for AWS use.");
            }
            if (!ALLOWED.matcher(key).matches() || !ALLOWED.matcher(value).matches()) {
                throw EcsApiError.invalidParameter(
                        "Tags may only contain letters, numbers, spaces and _ . : / = + - @.");
            }
            result.put(key, value);
        }
        return result;
    }

    /** {@code [{"key":…,"value":…}]}. */
    static JsonNode render(Map<String, String> tags) {
        var array = Json.array();
        tags.forEach((k, v) -> array.addObject().put("key", k).put("value", v));
        return array;
    }
}
