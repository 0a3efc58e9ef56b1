package io.jenkins.plugins.ecsfargate.engine.spec;

/**
 * A task volume: an EFS file system, or (when {@code efs} is null) task-local storage that containers of the same
 * task share through mount points.
 */
public record VolumeSpec(String name, EfsVolume efs) {
    /** A task-local volume shared between the task's containers. */
    public static VolumeSpec shared(String name) {
        return new VolumeSpec(name, null);
    }
}
