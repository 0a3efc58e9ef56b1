package io.jenkins.plugins.ecsfargate.jenkins.config;

import io.jenkins.plugins.ecsfargate.engine.spec.OperatingSystemFamily;
import java.util.Arrays;

/**
 * The operating system of a template's tasks, with what a working agent needs on it by default: an inbound-agent
 * image built for that Windows Server version (Windows containers must match the host's version) and the image's
 * own work directory. Persisted by name: a constant is never renamed.
 */
public enum OperatingSystem {
    LINUX(OperatingSystemFamily.LINUX, "jenkins/inbound-agent:latest-jdk21", "/home/jenkins/agent"),
    WINDOWS_SERVER_2019_CORE(
            OperatingSystemFamily.WINDOWS_SERVER_2019_CORE, Images.WINDOWS_2019, Images.WINDOWS_WORK_DIR),
    WINDOWS_SERVER_2019_FULL(
            OperatingSystemFamily.WINDOWS_SERVER_2019_FULL, Images.WINDOWS_2019, Images.WINDOWS_WORK_DIR),
    WINDOWS_SERVER_2022_CORE(
            OperatingSystemFamily.WINDOWS_SERVER_2022_CORE, Images.WINDOWS_2022, Images.WINDOWS_WORK_DIR),
    WINDOWS_SERVER_2022_FULL(
            OperatingSystemFamily.WINDOWS_SERVER_2022_FULL, Images.WINDOWS_2022, Images.WINDOWS_WORK_DIR);

    private final OperatingSystemFamily engine;
    private final String defaultImage;
    private final String defaultAgentWorkDir;

    OperatingSystem(OperatingSystemFamily engine, String defaultImage, String defaultAgentWorkDir) {
        this.engine = engine;
        this.defaultImage = defaultImage;
        this.defaultAgentWorkDir = defaultAgentWorkDir;
    }

    /** The engine's value for this choice. */
    public OperatingSystemFamily toEngine() {
        return engine;
    }

    public boolean isWindows() {
        return engine.isWindows();
    }

    /** The inbound-agent image a template of this system runs when none is given. */
    public String defaultImage() {
        return defaultImage;
    }

    /** The inbound-agent image's work directory on this system. */
    public String defaultAgentWorkDir() {
        return defaultAgentWorkDir;
    }

    /** Whether {@code image} is the default image of any system: a value the form filled in, not one chosen. */
    public static boolean isSomeDefaultImage(String image) {
        return Arrays.stream(values()).anyMatch(os -> os.defaultImage.equals(image));
    }

    /** Whether {@code path} is the default work directory of any system. */
    public static boolean isSomeDefaultAgentWorkDir(String path) {
        return Arrays.stream(values()).anyMatch(os -> os.defaultAgentWorkDir.equals(path));
    }

    /** The names an enum constant cannot reference before it is defined. */
    private static final class Images {
        static final String WINDOWS_2019 = "jenkins/inbound-agent:jdk21-windowsservercore-ltsc2019";
        static final String WINDOWS_2022 = "jenkins/inbound-agent:jdk21-windowsservercore-ltsc2022";
        static final String WINDOWS_WORK_DIR = "C:/Users/jenkins/Work";
    }
}
