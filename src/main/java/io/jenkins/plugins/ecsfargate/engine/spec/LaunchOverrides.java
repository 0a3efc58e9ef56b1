package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.List;
import java.util.SortedMap;

/**
 * Per-run values that travel in RunTask {@code overrides} and never become a task-definition revision, so a
 * pipeline asking for more memory or an extra variable costs no RegisterTaskDefinition call. A null or empty
 * member means "as in the task definition". The environment applies to the agent container and is merged with
 * the inbound-agent variables by the launcher.
 */
public record LaunchOverrides(
        Integer cpu,
        Integer memory,
        SortedMap<String, String> environment,
        List<String> command,
        String taskRoleArn,
        String executionRoleArn,
        Integer ephemeralStorageGiB) {

    /** No override at all. */
    public static final LaunchOverrides NONE = new LaunchOverrides(null, null, null, null, null, null, null);

    public LaunchOverrides {
        environment = Normalized.sortedMap(environment);
        command = command == null ? List.of() : List.copyOf(command);
    }

    /** Task size for this run only. */
    public LaunchOverrides withSize(int cpuUnits, int memoryMiB) {
        return new LaunchOverrides(
                cpuUnits, memoryMiB, environment, command, taskRoleArn, executionRoleArn, ephemeralStorageGiB);
    }

    /** Extra environment for the agent container, for this run only. */
    public LaunchOverrides withEnvironment(java.util.Map<String, String> values) {
        return new LaunchOverrides(
                cpu, memory, Normalized.sortedMap(values), command, taskRoleArn, executionRoleArn, ephemeralStorageGiB);
    }

    /** Roles for this run only. */
    public LaunchOverrides withRoles(String taskRole, String executionRole) {
        return new LaunchOverrides(cpu, memory, environment, command, taskRole, executionRole, ephemeralStorageGiB);
    }

    /** Ephemeral storage for this run only. */
    public LaunchOverrides withEphemeralStorageGiB(int gib) {
        return new LaunchOverrides(cpu, memory, environment, command, taskRoleArn, executionRoleArn, gib);
    }

    /** Agent container command for this run only. */
    public LaunchOverrides withCommand(List<String> values) {
        return new LaunchOverrides(
                cpu, memory, environment, values, taskRoleArn, executionRoleArn, ephemeralStorageGiB);
    }

    /** The environment values must never be logged: they may carry secrets. */
    @Override
    public String toString() {
        return "LaunchOverrides[cpu=" + cpu + ", memory=" + memory + ", environment=" + environment.keySet()
                + ", command=" + command.size() + " args, taskRoleArn=" + taskRoleArn + ", executionRoleArn="
                + executionRoleArn + ", ephemeralStorageGiB=" + ephemeralStorageGiB + "]";
    }
}
