package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One IAM permission the plugin needs: an action, the resources it is limited to, and the conditions that narrow
 * it further ({@code operator -> key -> values}, for example {@code ArnEquals -> ecs:cluster -> [cluster ARN]}).
 */
public record Permission(String action, List<String> resources, Map<String, Map<String, List<String>>> conditions) {
    public Permission {
        resources = List.copyOf(resources);
        Map<String, Map<String, List<String>>> sorted = new TreeMap<>();
        conditions.forEach((operator, keys) -> sorted.put(operator, Map.copyOf(new TreeMap<>(keys))));
        conditions = Map.copyOf(sorted);
    }

    static Permission on(String action, List<String> resources) {
        return new Permission(action, resources, Map.of());
    }

    Permission when(String operator, String key, List<String> values) {
        Map<String, Map<String, List<String>>> more = new TreeMap<>(conditions);
        Map<String, List<String>> keys = new TreeMap<>(more.getOrDefault(operator, Map.of()));
        keys.put(key, List.copyOf(values));
        more.put(operator, keys);
        return new Permission(action, resources, more);
    }

    /** The service part of the action, e.g. {@code ecs} for {@code ecs:RunTask}. */
    public String service() {
        return action.substring(0, action.indexOf(':'));
    }
}
