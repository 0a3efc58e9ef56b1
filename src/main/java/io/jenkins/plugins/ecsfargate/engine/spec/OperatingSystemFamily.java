package io.jenkins.plugins.ecsfargate.engine.spec;

/**
 * The operating systems Fargate runs tasks on; the name is the value ECS expects in
 * {@code runtimePlatform.operatingSystemFamily}. Fargate documents Windows Server 2019 and 2022, Core and Full; the
 * API's other Windows values are for EC2 container instances, so they are not offered here.
 */
public enum OperatingSystemFamily {
    LINUX,
    WINDOWS_SERVER_2019_CORE,
    WINDOWS_SERVER_2019_FULL,
    WINDOWS_SERVER_2022_CORE,
    WINDOWS_SERVER_2022_FULL;

    /** Windows tasks have their own sizes, platform version and container rules; see {@link SpecValidator}. */
    public boolean isWindows() {
        return this != LINUX;
    }
}
