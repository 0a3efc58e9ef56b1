package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything that goes into the agent's task definition, and nothing else: this is what is hashed, so two
 * templates that would register the same revision have equal specs and share one revision. Values that change
 * from one run to the next live in {@link LaunchOverrides} and never reach a revision.
 *
 * <p>Normalized on construction (sidecars and volumes ordered by name, maps sorted, collections immutable). Task
 * {@code cpu} is in CPU units (1024 = 1 vCPU) and {@code memory} in MiB, as ECS stores them.
 *
 * @param tags user tags for the revision; the engine adds its ownership and hash tags on registration
 */
public record TaskDefinitionSpec(
        int cpu,
        int memory,
        CpuArchitecture architecture,
        OperatingSystemFamily operatingSystem,
        int ephemeralStorageGiB,
        String executionRoleArn,
        String taskRoleArn,
        ContainerSpec agent,
        List<ContainerSpec> sidecars,
        List<VolumeSpec> volumes,
        SortedMap<String, String> tags) {

    /** The ephemeral storage every Fargate task gets when the task definition asks for none. */
    public static final int DEFAULT_EPHEMERAL_STORAGE_GIB = 20;

    public TaskDefinitionSpec {
        architecture = architecture == null ? CpuArchitecture.X86_64 : architecture;
        operatingSystem = operatingSystem == null ? OperatingSystemFamily.LINUX : operatingSystem;
        sidecars = List.copyOf(Normalized.sorted(
                sidecars, Comparator.comparing(ContainerSpec::name, Comparator.nullsFirst(String::compareTo))));
        volumes = List.copyOf(Normalized.sorted(
                volumes, Comparator.comparing(VolumeSpec::name, Comparator.nullsFirst(String::compareTo))));
        tags = Normalized.sortedMap(tags);
    }

    /** The agent container first, then the sidecars. */
    public List<ContainerSpec> containers() {
        List<ContainerSpec> all = new ArrayList<>(sidecars.size() + 1);
        all.add(agent);
        all.addAll(sidecars);
        return List.copyOf(all);
    }

    public static Builder builder(ContainerSpec agent) {
        return new Builder(agent);
    }

    public Builder toBuilder() {
        return new Builder(agent)
                .cpu(cpu)
                .memory(memory)
                .architecture(architecture)
                .operatingSystem(operatingSystem)
                .ephemeralStorageGiB(ephemeralStorageGiB)
                .executionRoleArn(executionRoleArn)
                .taskRoleArn(taskRoleArn)
                .sidecars(sidecars)
                .volumes(volumes)
                .tags(tags);
    }

    /** Builds a spec with Fargate's defaults made explicit: 1 vCPU, 2 GiB, Linux on X86_64, 20 GiB ephemeral storage. */
    public static final class Builder {
        private ContainerSpec agent;
        private int cpu = 1024;
        private int memory = 2048;
        private CpuArchitecture architecture = CpuArchitecture.X86_64;
        private OperatingSystemFamily operatingSystem = OperatingSystemFamily.LINUX;
        private int ephemeralStorageGiB = DEFAULT_EPHEMERAL_STORAGE_GIB;
        private String executionRoleArn;
        private String taskRoleArn;
        private List<ContainerSpec> sidecars = List.of();
        private List<VolumeSpec> volumes = List.of();
        private Map<String, String> tags = Map.of();

        private Builder(ContainerSpec agent) {
            this.agent = agent;
        }

        public Builder agent(ContainerSpec value) {
            agent = value;
            return this;
        }

        public Builder cpu(int value) {
            cpu = value;
            return this;
        }

        public Builder memory(int value) {
            memory = value;
            return this;
        }

        public Builder architecture(CpuArchitecture value) {
            architecture = value;
            return this;
        }

        public Builder operatingSystem(OperatingSystemFamily value) {
            operatingSystem = value;
            return this;
        }

        public Builder ephemeralStorageGiB(int value) {
            ephemeralStorageGiB = value;
            return this;
        }

        public Builder executionRoleArn(String value) {
            executionRoleArn = value;
            return this;
        }

        public Builder taskRoleArn(String value) {
            taskRoleArn = value;
            return this;
        }

        public Builder sidecars(List<ContainerSpec> value) {
            sidecars = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        public Builder volumes(List<VolumeSpec> value) {
            volumes = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        public Builder tags(Map<String, String> value) {
            tags = Normalized.sortedMap(value);
            return this;
        }

        public TaskDefinitionSpec build() {
            return new TaskDefinitionSpec(
                    cpu,
                    memory,
                    architecture,
                    operatingSystem,
                    ephemeralStorageGiB,
                    executionRoleArn,
                    taskRoleArn,
                    agent,
                    sidecars,
                    volumes,
                    Normalized.sortedMap(tags));
        }
    }
}
