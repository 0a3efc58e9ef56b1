package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One container of the agent's task, normalized on construction: collections are immutable, maps sorted, and
 * mount points, ulimits and dependencies ordered, so equal meaning gives equal records and equal hashes. Values
 * are not checked here but by {@link SpecValidator}, which names the offending field.
 *
 * @param secrets environment variable name to the {@code valueFrom} ARN (Secrets Manager or SSM parameter)
 * @param logSettings null to send no log configuration
 */
public record ContainerSpec(
        String name,
        String image,
        boolean essential,
        List<String> command,
        SortedMap<String, String> environment,
        SortedMap<String, String> secrets,
        String workingDirectory,
        String user,
        boolean initProcessEnabled,
        int stopTimeoutSeconds,
        List<Ulimit> ulimits,
        List<MountPoint> mountPoints,
        List<ContainerDependency> dependsOn,
        LogSettings logSettings) {

    /** The Fargate default, written out so that it is part of the canonical form. */
    public static final int DEFAULT_STOP_TIMEOUT_SECONDS = 30;

    public ContainerSpec {
        command = command == null ? List.of() : List.copyOf(command);
        environment = Normalized.sortedMap(environment);
        secrets = Normalized.sortedMap(secrets);
        ulimits = List.copyOf(Normalized.sorted(
                ulimits, Comparator.comparing(Ulimit::name, Comparator.nullsFirst(String::compareTo))));
        mountPoints = List.copyOf(Normalized.sorted(
                mountPoints,
                Comparator.comparing(MountPoint::containerPath, Comparator.nullsFirst(String::compareTo))));
        dependsOn = List.copyOf(Normalized.sorted(
                dependsOn,
                Comparator.comparing(ContainerDependency::containerName, Comparator.nullsFirst(String::compareTo))));
    }

    /** Environment and secret names only: values may be sensitive and never appear in logs. */
    @Override
    public String toString() {
        return "ContainerSpec[name=" + name + ", image=" + image + ", essential=" + essential + ", environment="
                + environment.keySet() + ", secrets=" + secrets.keySet() + "]";
    }

    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name, image);
        builder.essential = essential;
        builder.command = command;
        builder.environment = environment;
        builder.secrets = secrets;
        builder.workingDirectory = workingDirectory;
        builder.user = user;
        builder.initProcessEnabled = initProcessEnabled;
        builder.stopTimeoutSeconds = stopTimeoutSeconds;
        builder.ulimits = ulimits;
        builder.mountPoints = mountPoints;
        builder.dependsOn = dependsOn;
        builder.logSettings = logSettings;
        return builder;
    }

    /** Builds a container with ECS's defaults (essential, 30 s stop timeout, no init process) made explicit. */
    public static final class Builder {
        private String name;
        private String image;
        private boolean essential = true;
        private List<String> command = List.of();
        private Map<String, String> environment = Map.of();
        private Map<String, String> secrets = Map.of();
        private String workingDirectory;
        private String user;
        private boolean initProcessEnabled;
        private int stopTimeoutSeconds = DEFAULT_STOP_TIMEOUT_SECONDS;
        private List<Ulimit> ulimits = List.of();
        private List<MountPoint> mountPoints = List.of();
        private List<ContainerDependency> dependsOn = List.of();
        private LogSettings logSettings;

        private Builder(String name, String image) {
            this.name = name;
            this.image = image;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder image(String value) {
            image = value;
            return this;
        }

        public Builder essential(boolean value) {
            essential = value;
            return this;
        }

        public Builder command(List<String> value) {
            command = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = Normalized.sortedMap(value);
            return this;
        }

        public Builder secrets(Map<String, String> value) {
            secrets = Normalized.sortedMap(value);
            return this;
        }

        public Builder workingDirectory(String value) {
            workingDirectory = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder initProcessEnabled(boolean value) {
            initProcessEnabled = value;
            return this;
        }

        public Builder stopTimeoutSeconds(int value) {
            stopTimeoutSeconds = value;
            return this;
        }

        public Builder ulimits(List<Ulimit> value) {
            ulimits = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        public Builder mountPoints(List<MountPoint> value) {
            mountPoints = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        public Builder dependsOn(List<ContainerDependency> value) {
            dependsOn = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        public Builder logSettings(LogSettings value) {
            logSettings = value;
            return this;
        }

        public ContainerSpec build() {
            return new ContainerSpec(
                    name,
                    image,
                    essential,
                    command,
                    Normalized.sortedMap(environment),
                    Normalized.sortedMap(secrets),
                    workingDirectory,
                    user,
                    initProcessEnabled,
                    stopTimeoutSeconds,
                    ulimits,
                    mountPoints,
                    dependsOn,
                    logSettings);
        }
    }
}
