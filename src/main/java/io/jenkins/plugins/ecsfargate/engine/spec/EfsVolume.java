package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.Objects;

/**
 * An Amazon EFS file system mounted into the task. ECS requires transit encryption whenever an access point or IAM
 * authorization is used; the validator checks that, so it is not silently switched on here.
 */
public record EfsVolume(
        String fileSystemId,
        String rootDirectory,
        String accessPointId,
        boolean transitEncryption,
        boolean iamAuthorization) {
    public EfsVolume {
        rootDirectory = Objects.requireNonNullElse(rootDirectory, "/");
    }
}
