package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a spec against what ECS and Fargate accept, before any AWS call, so that a mistake is reported on the
 * field that holds it rather than as a failed registration or a task that never starts.
 */
public final class SpecValidator {
    static final Pattern CONTAINER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@#-]{0,254}");
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+|ssm:[a-z0-9-]+:\\d{12}:parameter/.+)");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern FILE_SYSTEM_ID = Pattern.compile("fs-[0-9a-f]{8,40}");
    static final Pattern ACCESS_POINT_ID = Pattern.compile("fsap-[0-9a-f]{8,40}");
    static final Set<String> ULIMIT_NAMES = Set.of(
            "core",
            "cpu",
            "data",
            "fsize",
            "locks",
            "memlock",
            "msgqueue",
            "nice",
            "nofile",
            "nproc",
            "rss",
            "rtprio",
            "rttime",
            "sigpending",
            "stack");
    static final Set<String> LOG_DRIVERS = Set.of("awslogs", "splunk", "awsfirelens");
    static final int MAX_CONTAINERS = 10;
    static final int MAX_STOP_TIMEOUT_SECONDS = 120;
    static final int MIN_EPHEMERAL_GIB = 20;
    static final int MAX_EPHEMERAL_GIB = 200;

    private SpecValidator() {}

    /** Every problem of {@code spec}; empty when ECS would accept it. */
    public static List<SpecProblem> validate(TaskDefinitionSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        checkSize(spec.operatingSystem(), spec.cpu(), spec.memory(), "", problems);
        checkEphemeral(spec.ephemeralStorageGiB(), "ephemeralStorageGiB", problems);
        checkRole(spec.executionRoleArn(), "executionRoleArn", problems);
        checkRole(spec.taskRoleArn(), "taskRoleArn", problems);
        if (spec.agent() == null) {
            problems.add(new SpecProblem("agent", "the agent container is required"));
            return problems;
        }
        if (!spec.agent().essential()) {
            problems.add(new SpecProblem("agent.essential", "the agent container must be essential"));
        }
        if (spec.sidecars().size() + 1 > MAX_CONTAINERS) {
            problems.add(new SpecProblem(
                    "sidecars", "ECS allows at most " + MAX_CONTAINERS + " containers per task, agent included"));
        }
        Set<String> volumeNames = checkVolumes(spec.volumes(), problems);
        Map<String, ContainerSpec> byName = new HashMap<>();
        for (ContainerSpec container : spec.containers()) {
            String path = containerPath(spec, container);
            if (container.name() != null && byName.putIfAbsent(container.name(), container) != null) {
                problems.add(new SpecProblem(path + ".name", "two containers are named " + container.name()));
            }
            ContainerChecks.check(container, path, volumeNames, spec.operatingSystem(), problems);
        }
        for (ContainerSpec container : spec.containers()) {
            checkDependencies(container, containerPath(spec, container), byName, problems);
        }
        boolean needsExecutionRole = spec.containers().stream()
                .anyMatch(c -> !c.secrets().isEmpty()
                        || (c.logSettings() != null
                                && LogSettings.AWSLOGS.equals(c.logSettings().driver())));
        if (needsExecutionRole && isBlank(spec.executionRoleArn())) {
            problems.add(new SpecProblem(
                    "executionRoleArn",
                    "required when a container uses secrets or the awslogs driver: Fargate fetches them with it"));
        }
        WindowsChecks.check(spec, problems);
        TagChecks.checkUserTags(spec.tags(), "tags", problems);
        return List.copyOf(problems);
    }

    /** Problems of per-run overrides applied to {@code spec}. */
    public static List<SpecProblem> validate(LaunchOverrides overrides, TaskDefinitionSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        if (overrides.cpu() != null || overrides.memory() != null) {
            int cpu = overrides.cpu() == null ? spec.cpu() : overrides.cpu();
            int memory = overrides.memory() == null ? spec.memory() : overrides.memory();
            checkSize(spec.operatingSystem(), cpu, memory, "overrides.", problems);
        }
        if (overrides.ephemeralStorageGiB() != null) {
            checkEphemeral(overrides.ephemeralStorageGiB(), "overrides.ephemeralStorageGiB", problems);
        }
        checkRole(overrides.taskRoleArn(), "overrides.taskRoleArn", problems);
        checkRole(overrides.executionRoleArn(), "overrides.executionRoleArn", problems);
        overrides.environment().keySet().stream()
                .filter(name -> !ENV_NAME.matcher(name).matches())
                .forEach(name -> problems.add(new SpecProblem(
                        "overrides.environment", "'" + name + "' is not a valid environment variable name")));
        return List.copyOf(problems);
    }

    /** Throws {@link InvalidSpecException} listing every problem, if there is any. */
    public static TaskDefinitionSpec requireValid(TaskDefinitionSpec spec) {
        List<SpecProblem> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return spec;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** How problems name a container: {@code agent}, or {@code sidecars[<name>]}. */
    static String containerPath(TaskDefinitionSpec spec, ContainerSpec container) {
        return container == spec.agent() ? "agent" : "sidecars[" + container.name() + "]";
    }

    private static void checkSize(
            OperatingSystemFamily os, int cpu, int memory, String prefix, List<SpecProblem> problems) {
        if (!FargateSizes.isValidCpu(os, cpu)) {
            problems.add(new SpecProblem(
                    prefix + "cpu",
                    cpu + " CPU units is not a Fargate size: use " + FargateSizes.describeValidCpu(os)));
        } else if (!FargateSizes.isValid(cpu, memory)) {
            problems.add(new SpecProblem(
                    prefix + "memory",
                    memory + " MiB does not fit cpu " + cpu + "; valid: " + FargateSizes.describeValidMemory(cpu)));
        }
    }

    private static void checkEphemeral(int gib, String field, List<SpecProblem> problems) {
        if (gib < MIN_EPHEMERAL_GIB || gib > MAX_EPHEMERAL_GIB) {
            problems.add(new SpecProblem(
                    field, gib + " GiB is outside " + MIN_EPHEMERAL_GIB + "-" + MAX_EPHEMERAL_GIB + " GiB"));
        }
    }

    private static void checkRole(String arn, String field, List<SpecProblem> problems) {
        if (arn != null && !ROLE_ARN.matcher(arn).matches()) {
            problems.add(new SpecProblem(field, "not an IAM role ARN (arn:aws:iam::<account>:role/<name>): " + arn));
        }
    }

    private static Set<String> checkVolumes(List<VolumeSpec> volumes, List<SpecProblem> problems) {
        Set<String> names = new HashSet<>();
        for (VolumeSpec volume : volumes) {
            String path = "volumes[" + volume.name() + "]";
            if (volume.name() == null || !CONTAINER_NAME.matcher(volume.name()).matches()) {
                problems.add(new SpecProblem(path + ".name", "use 1-255 letters, digits, '-' or '_'"));
            } else if (!names.add(volume.name())) {
                problems.add(new SpecProblem(path + ".name", "two volumes are named " + volume.name()));
            }
            EfsVolume efs = volume.efs();
            if (efs != null) {
                if (efs.fileSystemId() == null
                        || !FILE_SYSTEM_ID.matcher(efs.fileSystemId()).matches()) {
                    problems.add(new SpecProblem(path + ".efs.fileSystemId", "expected fs-<hex>"));
                }
                if (efs.accessPointId() != null
                        && !ACCESS_POINT_ID.matcher(efs.accessPointId()).matches()) {
                    problems.add(new SpecProblem(path + ".efs.accessPointId", "expected fsap-<hex>"));
                }
                if ((efs.accessPointId() != null || efs.iamAuthorization()) && !efs.transitEncryption()) {
                    problems.add(new SpecProblem(
                            path + ".efs.transitEncryption",
                            "must be enabled when an access point or IAM authorization is used"));
                }
                if (efs.accessPointId() != null && !"/".equals(efs.rootDirectory())) {
                    problems.add(new SpecProblem(
                            path + ".efs.rootDirectory", "must be / when an access point sets the directory"));
                }
            }
        }
        return names;
    }

    private static void checkDependencies(
            ContainerSpec container, String path, Map<String, ContainerSpec> byName, List<SpecProblem> problems) {
        for (ContainerDependency dependency : container.dependsOn()) {
            String target = dependency.containerName();
            if (target == null || !byName.containsKey(target)) {
                problems.add(new SpecProblem(path + ".dependsOn", "no container named " + target));
            } else if (target.equals(container.name()) || dependsOnTransitively(target, container.name(), byName)) {
                problems.add(new SpecProblem(path + ".dependsOn", "dependency cycle through " + target));
            }
        }
    }

    private static boolean dependsOnTransitively(String from, String goal, Map<String, ContainerSpec> byName) {
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(from));
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            ContainerSpec current = byName.get(name);
            if (current == null || !seen.add(name)) {
                continue;
            }
            for (ContainerDependency dependency : current.dependsOn()) {
                if (goal.equals(dependency.containerName())) {
                    return true;
                }
                pending.add(dependency.containerName());
            }
        }
        return false;
    }
}
