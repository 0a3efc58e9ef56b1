package io.jenkins.plugins.ecsfargate.jenkins.forms;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The template fields that check themselves against the operating system chosen in the same form. */
class PlatformRulesTest {
    private static final String WIN_2022 = "WINDOWS_SERVER_2022_CORE";
    private static final String WIN_2019 = "WINDOWS_SERVER_2019_FULL";

    @Test
    void aBlankOrUnknownSystemIsLinuxTheDefault() {
        assertThat(PlatformRules.operatingSystemOf(null)).isEqualTo(OperatingSystem.LINUX);
        assertThat(PlatformRules.operatingSystemOf(" ")).isEqualTo(OperatingSystem.LINUX);
        assertThat(PlatformRules.operatingSystemOf("SOLARIS")).isEqualTo(OperatingSystem.LINUX);
        assertThat(PlatformRules.operatingSystemOf(WIN_2022)).isEqualTo(OperatingSystem.WINDOWS_SERVER_2022_CORE);
    }

    @ParameterizedTest
    @CsvSource({"256, ERROR", "512, ERROR", "1024, OK", "2048, OK", "4096, OK", "8192, ERROR", "16384, ERROR"})
    void windowsTakesOneTwoOrFourVcpu(String cpu, Kind kind) {
        FormValidation result = PlatformRules.cpu(cpu, WIN_2022);
        assertThat(result.kind).isEqualTo(kind);
        if (kind == Kind.ERROR) {
            assertThat(result.getMessage()).contains("1024, 2048 or 4096");
        }
        assertThat(PlatformRules.cpu(cpu, "LINUX").kind).isEqualTo(Kind.OK);
    }

    @Test
    void anImpossibleCpuIsTheSameErrorOnEitherSystem() {
        assertThat(PlatformRules.cpu("1000", WIN_2022).kind).isEqualTo(Kind.ERROR);
        assertThat(PlatformRules.cpu("lots", "LINUX").kind).isEqualTo(Kind.ERROR);
    }

    @Test
    void anEmptyImageSaysWhichDefaultRuns() {
        FormValidation windows = PlatformRules.image("", WIN_2019);
        assertThat(windows.kind).isEqualTo(Kind.OK);
        assertThat(windows.getMessage()).contains("jdk21-windowsservercore-ltsc2019");
        assertThat(PlatformRules.image(" ", "LINUX").getMessage()).contains("latest-jdk21");
    }

    @Test
    void theDefaultOfAnotherSystemIsSaidToBeReplaced() {
        FormValidation result = PlatformRules.image("jenkins/inbound-agent:latest-jdk21", WIN_2022);
        assertThat(result.kind).isEqualTo(Kind.OK);
        assertThat(result.getMessage()).contains("jdk21-windowsservercore-ltsc2022");
        assertThat(PlatformRules.image("jenkins/inbound-agent:latest-jdk21", "LINUX")
                        .getMessage())
                .isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "jenkins/inbound-agent:alpine, " + WIN_2022 + ", WARNING",
        "docker.io/jenkins/inbound-agent:jdk17, " + WIN_2022 + ", WARNING",
        "jenkins/inbound-agent:jdk17-windowsservercore-ltsc2019, " + WIN_2022 + ", WARNING",
        "jenkins/inbound-agent:jdk17-nanoserver-1809, " + WIN_2022 + ", WARNING",
        "jenkins/inbound-agent:jdk17-windowsservercore-ltsc2022, " + WIN_2019 + ", WARNING",
        "jenkins/inbound-agent:jdk17-windowsservercore-ltsc2022, LINUX, WARNING",
        "jenkins/inbound-agent:jdk17-windowsservercore-ltsc2022, " + WIN_2022 + ", OK",
        "jenkins/inbound-agent:jdk17-nanoserver-ltsc2019, " + WIN_2019 + ", OK",
        "registry.example.com/team/agent:2.1, " + WIN_2022 + ", OK",
        "jenkins/inbound-agent:alpine, LINUX, OK",
        "jenkins/inbound-agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, LINUX, OK",
        "has space, " + WIN_2022 + ", ERROR"
    })
    void imagesThatLookBuiltForAnotherSystemAreWarnedAbout(String image, String os, Kind kind) {
        assertThat(PlatformRules.image(image, os).kind).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:/Users/build/Work", "D:\\agent", "c:\\work"})
    void windowsWorkDirectoriesAreDrivePaths(String path) {
        assertThat(PlatformRules.agentWorkDir(path, WIN_2022).kind).isEqualTo(Kind.OK);
        assertThat(PlatformRules.agentWorkDir(path, "LINUX").kind).isEqualTo(Kind.ERROR);
    }

    @Test
    void unixPathsAreNotWindowsPathsAndTheDefaultsAlwaysPass() {
        assertThat(PlatformRules.agentWorkDir("/opt/agent", WIN_2022).kind).isEqualTo(Kind.ERROR);
        assertThat(PlatformRules.agentWorkDir("/opt/agent", "LINUX").kind).isEqualTo(Kind.OK);
        assertThat(PlatformRules.agentWorkDir("/home/jenkins/agent", WIN_2022).kind)
                .as("the form's default for Linux is replaced on save")
                .isEqualTo(Kind.OK);
        assertThat(PlatformRules.agentWorkDir("", WIN_2022).kind).isEqualTo(Kind.OK);
    }

    @Test
    void windowsTakesNoUserNorInitProcessNorArm() {
        assertThat(PlatformRules.containerUser("1000", WIN_2022).kind).isEqualTo(Kind.ERROR);
        assertThat(PlatformRules.containerUser("", WIN_2022).kind).isEqualTo(Kind.OK);
        assertThat(PlatformRules.containerUser("1000:1000", "LINUX").kind).isEqualTo(Kind.OK);
        assertThat(PlatformRules.containerUser("a b", "LINUX").kind).isEqualTo(Kind.ERROR);
        assertThat(PlatformRules.initProcess(true, WIN_2019).kind).isEqualTo(Kind.ERROR);
        assertThat(PlatformRules.initProcess(false, WIN_2019).kind).isEqualTo(Kind.OK);
        assertThat(PlatformRules.initProcess(true, "LINUX").kind).isEqualTo(Kind.OK);
        assertThat(PlatformRules.architecture("ARM64", WIN_2022).kind).isEqualTo(Kind.ERROR);
        assertThat(PlatformRules.architecture("X86_64", WIN_2022).kind).isEqualTo(Kind.OK);
        assertThat(PlatformRules.architecture("ARM64", "LINUX").kind).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @CsvSource({"'', OK", "LATEST, OK", "1.0.0, OK", "1.4.0, ERROR", "1.3.0, ERROR", "newest, ERROR"})
    void windowsRunsOnPlatformOneZeroZero(String version, Kind kind) {
        assertThat(PlatformRules.platformVersion(version, WIN_2022).kind).isEqualTo(kind);
    }

    @Test
    void linuxPlatformVersionsStayValidForLinux() {
        assertThat(PlatformRules.platformVersion("1.4.0", "LINUX").kind).isEqualTo(Kind.OK);
    }

    @Test
    void spotIsRefusedForWindowsOnly() {
        assertThat(PlatformRules.capacity(Capacity.FARGATE_SPOT, WIN_2022).kind).isEqualTo(Kind.ERROR);
        assertThat(PlatformRules.capacity(Capacity.SPOT_WITH_FALLBACK, WIN_2022).kind)
                .isEqualTo(Kind.ERROR);
        assertThat(PlatformRules.capacity(Capacity.FARGATE, WIN_2022)).isNull();
        assertThat(PlatformRules.capacity(Capacity.FARGATE_SPOT, "LINUX")).isNull();
    }

    @Test
    void aShortStartTimeoutIsAWarningForWindows() {
        FormValidation shortWindows = PlatformRules.startTimeout("300", WIN_2022, 30, 3600);
        assertThat(shortWindows.kind).isEqualTo(Kind.WARNING);
        assertThat(shortWindows.getMessage()).contains("300").contains("600");
        assertThat(PlatformRules.startTimeout("900", WIN_2022, 30, 3600).kind).isEqualTo(Kind.OK);
        assertThat(PlatformRules.startTimeout("300", "LINUX", 30, 3600).kind).isEqualTo(Kind.OK);
        assertThat(PlatformRules.startTimeout("5", WIN_2022, 30, 3600).kind).isEqualTo(Kind.ERROR);
    }
}
