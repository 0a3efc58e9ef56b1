package io.jenkins.plugins.ecsfargate.engine.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical text of a {@link TaskDefinitionSpec} and its SHA-256. The hash is stored as a tag on the revision
 * the spec registers, so any engine (after a restart, or a second controller replica) finds that revision again
 * instead of registering another. Bump {@link #FORMAT} whenever the mapping to ECS changes what a spec means.
 */
public final class SpecHash {
    /** Part of the canonical text, so a change of mapping yields new hashes rather than stale matches. */
    static final int FORMAT = 1;

    private SpecHash() {}

    /** Hex SHA-256 of {@link #canonicalForm}, 64 lowercase characters. */
    public static String of(TaskDefinitionSpec spec) {
        return sha256Hex(canonicalForm(spec));
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * The spec as JSON with every member present and in a fixed order, except the operating system, which is
     * written only when it is not Linux: Linux revisions registered before Windows existed keep their hash, so an
     * upgrade registers nothing new.
     */
    public static String canonicalForm(TaskDefinitionSpec spec) {
        CanonicalJson json = new CanonicalJson()
                .begin()
                .field("format", FORMAT)
                .field("cpu", spec.cpu())
                .field("memory", spec.memory())
                .field("architecture", spec.architecture().name());
        if (spec.operatingSystem().isWindows()) {
            json.field("operatingSystem", spec.operatingSystem().name());
        }
        json.field("ephemeralStorageGiB", spec.ephemeralStorageGiB())
                .field("executionRoleArn", spec.executionRoleArn())
                .field("taskRoleArn", spec.taskRoleArn());
        json.beginArray("containers");
        for (ContainerSpec container : spec.containers()) {
            container(json, container);
        }
        json.endArray().beginArray("volumes");
        for (VolumeSpec volume : spec.volumes()) {
            volume(json, volume);
        }
        return json.endArray().field("tags", spec.tags()).end().toString();
    }

    private static void container(CanonicalJson json, ContainerSpec c) {
        json.begin()
                .field("name", c.name())
                .field("image", c.image())
                .field("essential", c.essential())
                .field("command", c.command())
                .field("environment", c.environment())
                .field("secrets", c.secrets())
                .field("workingDirectory", c.workingDirectory())
                .field("user", c.user())
                .field("initProcessEnabled", c.initProcessEnabled())
                .field("stopTimeoutSeconds", c.stopTimeoutSeconds());
        json.beginArray("ulimits");
        for (Ulimit u : c.ulimits()) {
            json.begin()
                    .field("name", u.name())
                    .field("soft", u.softLimit())
                    .field("hard", u.hardLimit())
                    .end();
        }
        json.endArray().beginArray("mountPoints");
        for (MountPoint m : c.mountPoints()) {
            json.begin()
                    .field("sourceVolume", m.sourceVolume())
                    .field("containerPath", m.containerPath())
                    .field("readOnly", m.readOnly())
                    .end();
        }
        json.endArray().beginArray("dependsOn");
        for (ContainerDependency d : c.dependsOn()) {
            json.begin()
                    .field("containerName", d.containerName())
                    .field("condition", d.condition().name())
                    .end();
        }
        json.endArray();
        LogSettings log = c.logSettings();
        if (log == null) {
            json.field("log", (String) null);
        } else {
            json.name("log")
                    .begin()
                    .field("driver", log.driver())
                    .field("options", log.options())
                    .end();
        }
        json.end();
    }

    private static void volume(CanonicalJson json, VolumeSpec v) {
        json.begin().field("name", v.name());
        EfsVolume efs = v.efs();
        if (efs == null) {
            json.field("efs", (String) null);
        } else {
            json.name("efs")
                    .begin()
                    .field("fileSystemId", efs.fileSystemId())
                    .field("rootDirectory", efs.rootDirectory())
                    .field("accessPointId", efs.accessPointId())
                    .field("transitEncryption", efs.transitEncryption())
                    .field("iamAuthorization", efs.iamAuthorization())
                    .end();
        }
        json.end();
    }
}
