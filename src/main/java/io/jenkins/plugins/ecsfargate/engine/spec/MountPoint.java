package io.jenkins.plugins.ecsfargate.engine.spec;

/** Mounts the task volume {@code sourceVolume} at {@code containerPath} in one container. */
public record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {}
