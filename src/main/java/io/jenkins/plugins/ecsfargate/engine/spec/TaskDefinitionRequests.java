package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EFSAuthorizationConfig;
import software.amazon.awssdk.services.ecs.model.EFSAuthorizationConfigIAM;
import software.amazon.awssdk.services.ecs.model.EFSTransitEncryption;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LinuxParameters;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * Maps a validated {@link TaskDefinitionSpec} to the RegisterTaskDefinition request: Fargate compatibility,
 * awsvpc networking, and the ownership and hash tags that let the engine find the revision again.
 */
public final class TaskDefinitionRequests {
    private TaskDefinitionRequests() {}

    public static RegisterTaskDefinitionRequest register(
            String family, String template, TaskDefinitionSpec spec, OwnershipTags.Owner owner) {
        Map<String, String> tags = new TreeMap<>(spec.tags());
        tags.putAll(OwnershipTags.forRevision(owner, template, SpecHash.of(spec)));
        RegisterTaskDefinitionRequest.Builder request = RegisterTaskDefinitionRequest.builder()
                .family(family)
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC)
                .cpu(Integer.toString(spec.cpu()))
                .memory(Integer.toString(spec.memory()))
                .runtimePlatform(RuntimePlatform.builder()
                        .operatingSystemFamily(
                                OSFamily.fromValue(spec.operatingSystem().name()))
                        .cpuArchitecture(spec.architecture().name())
                        .build())
                .executionRoleArn(spec.executionRoleArn())
                .taskRoleArn(spec.taskRoleArn())
                .containerDefinitions(spec.containers().stream()
                        .map(TaskDefinitionRequests::container)
                        .toList())
                .volumes(spec.volumes().stream()
                        .map(TaskDefinitionRequests::volume)
                        .toList())
                .tags(tags(tags));
        if (spec.ephemeralStorageGiB() != TaskDefinitionSpec.DEFAULT_EPHEMERAL_STORAGE_GIB) {
            request.ephemeralStorage(EphemeralStorage.builder()
                    .sizeInGiB(spec.ephemeralStorageGiB())
                    .build());
        }
        return request.build();
    }

    /** ECS's list form of a tag map. */
    public static List<Tag> tags(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>(tags.size());
        tags.forEach(
                (key, value) -> list.add(Tag.builder().key(key).value(value).build()));
        return list;
    }

    /** ECS's list form of environment variables. */
    public static List<KeyValuePair> keyValuePairs(Map<String, String> values) {
        List<KeyValuePair> list = new ArrayList<>(values.size());
        values.forEach((name, value) ->
                list.add(KeyValuePair.builder().name(name).value(value).build()));
        return list;
    }

    private static ContainerDefinition container(ContainerSpec c) {
        ContainerDefinition.Builder builder = ContainerDefinition.builder()
                .name(c.name())
                .image(c.image())
                .essential(c.essential())
                .environment(keyValuePairs(c.environment()))
                .secrets(c.secrets().entrySet().stream()
                        .map(e -> Secret.builder()
                                .name(e.getKey())
                                .valueFrom(e.getValue())
                                .build())
                        .toList())
                .workingDirectory(c.workingDirectory())
                .user(c.user())
                .stopTimeout(c.stopTimeoutSeconds())
                .mountPoints(c.mountPoints().stream()
                        .map(m -> software.amazon.awssdk.services.ecs.model.MountPoint.builder()
                                .sourceVolume(m.sourceVolume())
                                .containerPath(m.containerPath())
                                .readOnly(m.readOnly())
                                .build())
                        .toList())
                .dependsOn(c.dependsOn().stream()
                        .map(d -> software.amazon.awssdk.services.ecs.model.ContainerDependency.builder()
                                .containerName(d.containerName())
                                .condition(d.condition().name())
                                .build())
                        .toList());
        if (!c.command().isEmpty()) {
            builder.command(c.command());
        }
        if (!c.ulimits().isEmpty()) {
            // Sent only when set: Windows containers take no ulimits parameter at all.
            builder.ulimits(c.ulimits().stream()
                    .map(u -> software.amazon.awssdk.services.ecs.model.Ulimit.builder()
                            .name(u.name())
                            .softLimit(u.softLimit())
                            .hardLimit(u.hardLimit())
                            .build())
                    .toList());
        }
        if (c.initProcessEnabled()) {
            builder.linuxParameters(
                    LinuxParameters.builder().initProcessEnabled(true).build());
        }
        if (c.logSettings() != null) {
            builder.logConfiguration(LogConfiguration.builder()
                    .logDriver(c.logSettings().driver())
                    .options(c.logSettings().options())
                    .build());
        }
        return builder.build();
    }

    private static Volume volume(VolumeSpec v) {
        Volume.Builder builder = Volume.builder().name(v.name());
        EfsVolume efs = v.efs();
        if (efs != null) {
            EFSVolumeConfiguration.Builder config = EFSVolumeConfiguration.builder()
                    .fileSystemId(efs.fileSystemId())
                    .rootDirectory(efs.rootDirectory())
                    .transitEncryption(
                            efs.transitEncryption() ? EFSTransitEncryption.ENABLED : EFSTransitEncryption.DISABLED);
            if (efs.accessPointId() != null || efs.iamAuthorization()) {
                config.authorizationConfig(EFSAuthorizationConfig.builder()
                        .accessPointId(efs.accessPointId())
                        .iam(
                                efs.iamAuthorization()
                                        ? EFSAuthorizationConfigIAM.ENABLED
                                        : EFSAuthorizationConfigIAM.DISABLED)
                        .build());
            }
            builder.efsVolumeConfiguration(config.build());
        }
        return builder.build();
    }
}
