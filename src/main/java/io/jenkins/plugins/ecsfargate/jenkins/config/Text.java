package io.jenkins.plugins.ecsfargate.jenkins.config;

import java.util.Arrays;
import java.util.List;

/** How configuration text is normalized on binding: trimmed, blank as absent, id lists split on commas and spaces. */
public final class Text {
    private Text() {}

    /** The trimmed value, or null when it is null or blank. */
    public static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The items of a comma- or whitespace-separated list, in order, without blanks. */
    public static List<String> splitList(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** The list written back in its canonical form ({@code a,b}), or null when empty. */
    public static String joinList(String value) {
        List<String> items = splitList(value);
        return items.isEmpty() ? null : String.join(",", items);
    }
}
