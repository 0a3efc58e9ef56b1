package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.ecsfargate.emulator.Clusters.StrategyItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RunTask's request validation, with the codes ECS answers: count 1-10, startedBy, clientToken, launch type versus
 * capacity provider strategy (and the strategy's own rules), Fargate compatibility, platform version, awsvpc
 * network configuration, and overrides. Windows definitions follow {@link WindowsFargateRules} as well.
 */
final class RunTaskRules {
    private static final Pattern STARTED_BY = Pattern.compile("[A-Za-z0-9_/-]{0,128}");
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[\\x21-\\x7e]{1,64}");
    private static final Pattern SUBNET = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final int MAX_OVERRIDES_LENGTH = 8192;
    private static final List<String> LINUX_PLATFORM_VERSIONS = List.of("1.4.0", "1.3.0");

    private RunTaskRules() {}

    static int count(JsonNode request) {
        int count = Json.integer(request, "count", 1);
        if (count < 1 || count > 10) {
            throw EcsApiError.invalidParameter("count must be between 1 and 10.");
        }
        return count;
    }

    static String startedBy(JsonNode request) {
        String startedBy = Json.text(request, "startedBy");
        if (startedBy != null && !STARTED_BY.matcher(startedBy).matches()) {
            throw EcsApiError.invalidParameter(
                    "startedBy may contain up to 128 letters, numbers, hyphens," + " forward slashes and underscores.");
        }
        return startedBy;
    }

    static String clientToken(JsonNode request) {
        String token = Json.text(request, "clientToken");
        if (token != null && !CLIENT_TOKEN.matcher(token).matches()) {
            throw EcsApiError.invalidParameter("clientToken must be 1 to 64 characters in the range 33-126 inclusive.");
        }
        return token;
    }

    /** The strategy the tasks are placed with, and whether it came from {@code capacityProviderStrategy}. */
    record Placement(List<StrategyItem> strategy, boolean byStrategy) {}

    static Placement placement(JsonNode request, Clusters.Cluster cluster) {
        String launchType = Json.text(request, "launchType");
        List<JsonNode> items = Json.objects(request, "capacityProviderStrategy");
        if (launchType != null && !items.isEmpty()) {
            throw EcsApiError.invalidParameter("Specifying both a launch type and capacity provider strategy is"
                    + " not supported. Remove one and try again.");
        }
        if (launchType != null) {
            if (!launchType.equals("FARGATE")) {
                throw EcsApiError.invalidParameter("No Container Instances were found in your cluster.");
            }
            return new Placement(List.of(new StrategyItem(FargateQuotas.FARGATE, 1, 0)), false);
        }
        List<StrategyItem> strategy = new ArrayList<>();
        for (JsonNode item : items) {
            strategy.add(new StrategyItem(
                    Json.text(item, "capacityProvider"),
                    Json.integer(item, "weight", 0),
                    Json.integer(item, "base", 0)));
        }
        if (strategy.isEmpty()) {
            strategy.addAll(cluster.defaultStrategy);
            if (strategy.isEmpty()) {
                throw EcsApiError.invalidParameter("No Container Instances were found in your cluster.");
            }
        }
        validateStrategy(strategy, cluster);
        return new Placement(strategy, true);
    }

    private static void validateStrategy(List<StrategyItem> strategy, Clusters.Cluster cluster) {
        if (strategy.size() > 20) {
            throw EcsApiError.invalidParameter("capacityProviderStrategy can have at most 20 items.");
        }
        Set<String> seen = new HashSet<>();
        int withBase = 0;
        boolean anyWeight = false;
        for (StrategyItem item : strategy) {
            if (item.provider() == null || !seen.add(item.provider())) {
                throw EcsApiError.invalidParameter(
                        "The specified capacity provider strategy cannot contain duplicate capacity providers.");
            }
            if (!cluster.capacityProviders.contains(item.provider())) {
                throw EcsApiError.invalidParameter("The specified capacity provider strategy cannot contain a"
                        + " capacity provider that is not associated with the cluster. Associate the capacity"
                        + " provider with the cluster or specify a valid capacity provider and try again.");
            }
            if (item.weight() < 0 || item.weight() > 1000) {
                throw EcsApiError.invalidParameter("The capacity provider weight must be between 0 and 1000.");
            }
            if (item.base() < 0 || item.base() > 100_000) {
                throw EcsApiError.invalidParameter("The capacity provider base must be between 0 and 100000.");
            }
            withBase += item.base() > 0 ? 1 : 0;
            anyWeight |= item.weight() > 0;
        }
        if (withBase > 1) {
            throw EcsApiError.invalidParameter("The specified capacity provider strategy cannot specify a base"
                    + " value for more than one capacity provider.");
        }
        if (!anyWeight) {
            throw EcsApiError.invalidParameter("The specified capacity provider strategy must contain at least one"
                    + " capacity provider with a weight value greater than zero.");
        }
    }

    /** The providers of {@code count} tasks: the base first, then the rest split by weight (lowest share first). */
    static List<String> providers(List<StrategyItem> strategy, int count) {
        List<String> result = new ArrayList<>();
        int[] assigned = new int[strategy.size()];
        for (int i = 0; i < strategy.size() && result.size() < count; i++) {
            for (int b = 0; b < strategy.get(i).base() && result.size() < count; b++) {
                result.add(strategy.get(i).provider());
            }
        }
        while (result.size() < count) {
            int best = -1;
            double bestShare = Double.MAX_VALUE;
            for (int i = 0; i < strategy.size(); i++) {
                int weight = strategy.get(i).weight();
                if (weight > 0 && (double) assigned[i] / weight < bestShare) {
                    best = i;
                    bestShare = (double) assigned[i] / weight;
                }
            }
            result.add(strategy.get(best).provider());
            assigned[best]++;
        }
        return result;
    }

    static void requireFargateCompatible(TaskDefinitions.Revision definition) {
        if (!Json.strings(definition.body, "requiresCompatibilities").contains("FARGATE")
                && !"awsvpc".equals(Json.text(definition.body, "networkMode"))) {
            throw EcsApiError.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
    }

    /**
     * The resolved platform version: Linux has 1.4.0 (LATEST) and 1.3.0, Windows only its own 1.0.0 (LATEST), and a
     * Linux version asked of a Windows task is InvalidParameterException. PlatformUnknownException otherwise.
     */
    static String platformVersion(JsonNode request, TaskDefinitions.Revision definition) {
        String version = Json.text(request, "platformVersion");
        boolean latest = version == null || version.equals("LATEST");
        if (WindowsFargateRules.windows(definition.body)) {
            if (latest || version.equals(WindowsFargateRules.PLATFORM_VERSION)) {
                return WindowsFargateRules.PLATFORM_VERSION;
            }
            if (LINUX_PLATFORM_VERSIONS.contains(version)) {
                throw WindowsFargateRules.linuxPlatformVersion(version, definition);
            }
        } else if (latest) {
            return LINUX_PLATFORM_VERSIONS.get(0);
        } else if (LINUX_PLATFORM_VERSIONS.contains(version)) {
            return version;
        }
        throw EcsApiError.of("PlatformUnknownException", "The specified platform version does not exist.");
    }

    /** The subnets of the awsvpc configuration, validated. */
    static List<String> subnets(JsonNode request, TaskDefinitions.Revision definition) {
        JsonNode vpc = request.path("networkConfiguration").get("awsvpcConfiguration");
        if (!"awsvpc".equals(Json.text(definition.body, "networkMode"))) {
            throw EcsApiError.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        if (vpc == null || vpc.isNull()) {
            throw EcsApiError.invalidParameter(
                    "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        List<String> subnets = Json.strings(vpc, "subnets");
        if (subnets.isEmpty()) {
            throw EcsApiError.invalidParameter("subnets can not be empty.");
        }
        if (subnets.size() > 16) {
            throw EcsApiError.invalidParameter("subnets can have at most 16 items.");
        }
        for (String subnet : subnets) {
            if (!SUBNET.matcher(subnet).matches()) {
                throw EcsApiError.invalidParameter("Error retrieving subnet information for [" + subnet
                        + "]: The subnet ID '" + subnet + "' is malformed (ErrorCode: InvalidSubnetID.Malformed)");
            }
        }
        List<String> groups = Json.strings(vpc, "securityGroups");
        if (groups.size() > 5) {
            throw EcsApiError.invalidParameter("securityGroups can have at most 5 items.");
        }
        for (String group : groups) {
            if (!SECURITY_GROUP.matcher(group).matches()) {
                throw EcsApiError.invalidParameter("Error retrieving security group information for [" + group
                        + "]: The security group '" + group + "' is malformed (ErrorCode: InvalidGroupId.Malformed)");
            }
        }
        String publicIp = Json.text(vpc, "assignPublicIp");
        if (publicIp != null && !publicIp.equals("ENABLED") && !publicIp.equals("DISABLED")) {
            throw EcsApiError.invalidParameter("assignPublicIp must be ENABLED or DISABLED.");
        }
        return subnets;
    }

    /** Overrides: at most 8192 characters of JSON, and only containers the definition has. */
    static void overrides(JsonNode request, TaskDefinitions.Revision definition) {
        JsonNode overrides = request.get("overrides");
        if (overrides == null || overrides.isNull()) {
            return;
        }
        if (Json.write(overrides).length() > MAX_OVERRIDES_LENGTH) {
            throw EcsApiError.invalidParameter("Container Overrides length must be at most 8192");
        }
        Set<String> names = new HashSet<>();
        definition.containers().forEach(c -> names.add(Json.text(c, "name")));
        for (JsonNode override : Json.objects(overrides, "containerOverrides")) {
            String name = Json.text(override, "name");
            if (name == null || !names.contains(name)) {
                throw EcsApiError.invalidParameter(
                        "Override for container named " + name + " is not a container in the TaskDefinition.");
            }
        }
    }
}
