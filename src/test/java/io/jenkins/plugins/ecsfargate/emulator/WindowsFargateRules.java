package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.ecsfargate.emulator.Clusters.StrategyItem;
import java.util.List;
import java.util.Set;

/**
 * Where ECS treats a Windows task on Fargate differently from a Linux one: only Windows Server 2019 and 2022
 * (Full and Core) run there, on x86_64, at 1, 2 or 4 vCPU; containers may not use the Linux-only parameters; EFS
 * volumes and FireLens logging are unavailable; there is no Fargate Spot; and the platform version line is its
 * own ({@value #PLATFORM_VERSION} only). Kept apart from the Linux rules so each kind of task fails the way ECS
 * fails it. Also checks {@code runtimePlatform}'s two enums for every registration.
 */
final class WindowsFargateRules {
    static final String LINUX = "LINUX";
    static final String PLATFORM_VERSION = "1.0.0";

    /** ECS's {@code OSFamily} enum. */
    static final List<String> OS_FAMILIES = List.of(
            "WINDOWS_SERVER_2019_FULL",
            "WINDOWS_SERVER_2019_CORE",
            "WINDOWS_SERVER_2016_FULL",
            "WINDOWS_SERVER_2004_CORE",
            "WINDOWS_SERVER_2022_CORE",
            "WINDOWS_SERVER_2022_FULL",
            "WINDOWS_SERVER_2025_CORE",
            "WINDOWS_SERVER_2025_FULL",
            "WINDOWS_SERVER_20H2_CORE",
            LINUX);

    /** ECS's {@code CPUArchitecture} enum. */
    static final List<String> CPU_ARCHITECTURES = List.of("X86_64", "ARM64");

    private static final Set<String> ON_FARGATE = Set.of(
            "WINDOWS_SERVER_2019_FULL",
            "WINDOWS_SERVER_2019_CORE",
            "WINDOWS_SERVER_2022_FULL",
            "WINDOWS_SERVER_2022_CORE");
    private static final List<String> LINUX_ONLY_CONTAINER_PARAMETERS =
            List.of("linuxParameters", "user", "ulimits", "readonlyRootFilesystem");

    private WindowsFargateRules() {}

    /** The definition's {@code runtimePlatform.operatingSystemFamily}; LINUX when absent, as ECS defaults it. */
    static String operatingSystemFamily(JsonNode definition) {
        String family = Json.text(definition.path("runtimePlatform"), "operatingSystemFamily");
        return family == null ? LINUX : family;
    }

    static boolean windows(JsonNode definition) {
        return !operatingSystemFamily(definition).equals(LINUX);
    }

    /** ClientException for a {@code runtimePlatform} value outside ECS's enums, whatever the compatibility. */
    static void validateRuntimePlatform(JsonNode request) {
        JsonNode platform = request.path("runtimePlatform");
        String family = Json.text(platform, "operatingSystemFamily");
        if (family != null && !OS_FAMILIES.contains(family)) {
            throw EcsApiError.client("Invalid runtimePlatform.operatingSystemFamily '" + family + "'. Valid values: "
                    + String.join(", ", OS_FAMILIES) + ".");
        }
        String architecture = Json.text(platform, "cpuArchitecture");
        if (architecture != null && !CPU_ARCHITECTURES.contains(architecture)) {
            throw EcsApiError.client("Invalid runtimePlatform.cpuArchitecture '" + architecture + "'. Valid values: "
                    + String.join(", ", CPU_ARCHITECTURES) + ".");
        }
    }

    /** The operating system family and architecture of a Windows registration for Fargate; ClientException. */
    static void validatePlatform(JsonNode request) {
        String family = operatingSystemFamily(request);
        if (!ON_FARGATE.contains(family)) {
            throw EcsApiError.client("Fargate does not support operatingSystemFamily " + family
                    + ". Windows tasks on Fargate require WINDOWS_SERVER_2019_FULL, WINDOWS_SERVER_2019_CORE,"
                    + " WINDOWS_SERVER_2022_FULL or WINDOWS_SERVER_2022_CORE.");
        }
        String architecture = Json.text(request.path("runtimePlatform"), "cpuArchitecture");
        if (architecture != null && !architecture.equals("X86_64")) {
            throw EcsApiError.client(
                    "Windows tasks on Fargate require cpuArchitecture X86_64, not " + architecture + ".");
        }
    }

    /** The containers and volumes of a Windows registration for Fargate; ClientException naming the parameter. */
    static void validateContents(JsonNode request, List<JsonNode> containers) {
        for (JsonNode container : containers) {
            for (String parameter : LINUX_ONLY_CONTAINER_PARAMETERS) {
                JsonNode value = container.get(parameter);
                if (value != null && !value.isNull()) {
                    throw EcsApiError.client(
                            "The '" + parameter + "' parameter is not supported for Windows containers.");
                }
            }
            if ("awsfirelens".equals(Json.text(container.path("logConfiguration"), "logDriver"))) {
                throw EcsApiError.client(
                        "The 'awsfirelens' log driver is not supported for Windows containers on" + " Fargate.");
            }
        }
        for (JsonNode volume : Json.objects(request, "volumes")) {
            JsonNode efs = volume.get("efsVolumeConfiguration");
            if (efs != null && !efs.isNull()) {
                throw EcsApiError.client("The 'efsVolumeConfiguration' parameter is not supported for Windows"
                        + " containers on Fargate.");
            }
        }
    }

    /** InvalidParameterException unless a Windows definition can run on Fargate on-demand capacity. */
    static void validateRun(TaskDefinitions.Revision definition, List<StrategyItem> strategy) {
        String family = operatingSystemFamily(definition.body);
        if (!ON_FARGATE.contains(family)) {
            throw EcsApiError.invalidParameter("Fargate does not support operatingSystemFamily " + family + ".");
        }
        // Any item naming FARGATE_SPOT is refused, whatever its weight or base.
        for (StrategyItem item : strategy) {
            if (FargateQuotas.FARGATE_SPOT.equals(item.provider())) {
                throw EcsApiError.invalidParameter(
                        "The FARGATE_SPOT capacity provider is not supported for Windows tasks on Fargate.");
            }
        }
    }

    /** The InvalidParameterException for a Linux platform version asked of a Windows task. */
    static EcsApiError linuxPlatformVersion(String requested, TaskDefinitions.Revision definition) {
        return EcsApiError.invalidParameter("Platform version " + requested + " is not available for"
                + " operatingSystemFamily " + operatingSystemFamily(definition.body)
                + ". Windows tasks on Fargate run on platform version " + PLATFORM_VERSION + " (LATEST).");
    }
}
