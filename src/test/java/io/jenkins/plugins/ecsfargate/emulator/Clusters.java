package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;

/**
 * The account's clusters, with their capacity providers and default strategy. ECS creates none by itself here:
 * tests and the standalone emulator create what they need. Callers hold the ECS state lock.
 */
final class Clusters {

    /** One item of a capacity provider strategy. */
    record StrategyItem(String provider, int weight, int base) {}

    /** One cluster. */
    static final class Cluster {
        final String name;
        final String arn;
        final List<String> capacityProviders;
        final List<StrategyItem> defaultStrategy;
        final Map<String, String> tags = new LinkedHashMap<>();

        Cluster(String name, String arn, List<String> capacityProviders, List<StrategyItem> defaultStrategy) {
            this.name = name;
            this.arn = arn;
            this.capacityProviders = List.copyOf(capacityProviders);
            this.defaultStrategy = List.copyOf(defaultStrategy);
        }
    }

    private final EcsArns arns;
    private final Map<String, Cluster> byName = new LinkedHashMap<>();

    Clusters(EcsArns arns) {
        this.arns = arns;
    }

    Cluster create(String name, List<String> providers, List<StrategyItem> defaultStrategy) {
        Cluster cluster = new Cluster(name, arns.cluster(name), providers, defaultStrategy);
        byName.put(name, cluster);
        return cluster;
    }

    /** ListClusters: every cluster's ARN in creation order, paged as ECS pages its lists. */
    ObjectNode list(JsonNode request) {
        ObjectNode answer = Json.object();
        Pagination.page(
                request,
                "ListClusters",
                byName.values().stream().map(c -> c.arn).toList(),
                answer,
                "clusterArns");
        return answer;
    }

    /** The cluster a name or ARN (null: {@code default}) names, or null. */
    Cluster find(String nameOrArn) {
        String name = nameOrArn == null || nameOrArn.isEmpty() ? "default" : arns.clusterName(nameOrArn);
        Cluster cluster = byName.get(name);
        if (cluster != null && nameOrArn != null && nameOrArn.startsWith("arn:") && !cluster.arn.equals(nameOrArn)) {
            return null;
        }
        return cluster;
    }

    /** The cluster, or ClusterNotFoundException as ECS answers. */
    Cluster require(String nameOrArn) {
        Cluster cluster = find(nameOrArn);
        if (cluster == null) {
            throw EcsApiError.clusterNotFound();
        }
        return cluster;
    }

    Cluster byArn(String arn) {
        return byName.values().stream()
                .filter(c -> c.arn.equals(arn))
                .findFirst()
                .orElse(null);
    }

    /** DescribeClusters: unknown names are failures with reason MISSING, never an exception. */
    ObjectNode describe(JsonNode request, ToIntBiFunction<Cluster, String> taskCount) {
        List<String> names = Json.strings(request, "clusters");
        if (names.size() > 100) {
            throw EcsApiError.invalidParameter("clusters can have at most 100 items.");
        }
        if (names.isEmpty()) {
            names = List.of("default");
        }
        List<String> include = Json.strings(request, "include");
        ObjectNode answer = Json.object();
        ArrayNode clusters = answer.putArray("clusters");
        ArrayNode failures = answer.putArray("failures");
        for (String name : names) {
            Cluster cluster = find(name);
            if (cluster == null) {
                String arn = name.startsWith("arn:") ? name : arns.cluster(name);
                failures.addObject().put("arn", arn).put("reason", "MISSING");
                continue;
            }
            ObjectNode node = clusters.addObject();
            node.put("clusterArn", cluster.arn);
            node.put("clusterName", cluster.name);
            node.put("status", "ACTIVE");
            node.put("registeredContainerInstancesCount", 0);
            int running = taskCount.applyAsInt(cluster, "RUNNING");
            int pending = taskCount.applyAsInt(cluster, "PENDING");
            node.put("runningTasksCount", running);
            node.put("pendingTasksCount", pending);
            node.put("activeServicesCount", 0);
            ArrayNode providers = node.putArray("capacityProviders");
            cluster.capacityProviders.forEach(providers::add);
            ArrayNode strategy = node.putArray("defaultCapacityProviderStrategy");
            cluster.defaultStrategy.forEach(item -> strategy.addObject()
                    .put("capacityProvider", item.provider())
                    .put("weight", item.weight())
                    .put("base", item.base()));
            if (include.contains("SETTINGS")) {
                node.putArray("settings")
                        .addObject()
                        .put("name", "containerInsights")
                        .put("value", "disabled");
            }
            if (include.contains("TAGS")) {
                node.set("tags", TagRules.render(cluster.tags));
            }
            if (include.contains("STATISTICS")) {
                ArrayNode statistics = node.putArray("statistics");
                statistics.addObject().put("name", "runningFargateTasksCount").put("value", Integer.toString(running));
                statistics.addObject().put("name", "pendingFargateTasksCount").put("value", Integer.toString(pending));
                statistics.addObject().put("name", "runningEC2TasksCount").put("value", "0");
                statistics.addObject().put("name", "pendingEC2TasksCount").put("value", "0");
            }
        }
        return answer;
    }
}
