package io.jenkins.plugins.ecsfargate.jenkins.forms;

import hudson.util.FormValidation;
import io.jenkins.plugins.ecsfargate.engine.spec.FargateSizes;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import io.jenkins.plugins.ecsfargate.jenkins.config.Architecture;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import io.jenkins.plugins.ecsfargate.jenkins.config.Text;
import java.util.Locale;

/**
 * The template rules that depend on the task's operating system: Windows tasks take the 1-4 vCPU sizes, X86_64,
 * on-demand capacity, platform version 1.0.0, Windows paths, no container user nor init process, and an image
 * built for the host's Windows Server version. Each field checks itself against the operating system chosen in
 * the same form, so the message appears where the fix is. The rules themselves are the engine's, asked through
 * {@link SpecProbe}; only the image and start-timeout advice is the form's own.
 */
public final class PlatformRules {
    /** Below this a Windows task's image pull often outlasts the start timeout. */
    static final int WINDOWS_START_SECONDS = 600;

    private PlatformRules() {}

    /** The operating system a form field names, Linux when blank or unknown (the template's default). */
    public static OperatingSystem operatingSystemOf(String value) {
        String name = Text.trimToNull(value);
        for (OperatingSystem os : OperatingSystem.values()) {
            if (os.name().equals(name)) {
                return os;
            }
        }
        return OperatingSystem.LINUX;
    }

    /** A task CPU size that Fargate runs for the operating system. */
    public static FormValidation cpu(String value, String operatingSystem) {
        OperatingSystem os = operatingSystemOf(operatingSystem);
        FormValidation size = FormRules.cpu(value);
        if (size.kind != FormValidation.Kind.OK || !os.isWindows()) {
            return size;
        }
        return FargateSizes.isValidCpu(os.toEngine(), Integer.parseInt(value.trim()))
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("EcsAgentTemplate.cpu.invalidWindows", value.trim()));
    }

    /**
     * The agent image: valid as a reference, and not obviously built for another system. Only the tag can tell,
     * so mismatches are warnings: Jenkins' own images name their Windows builds in the tag, others may not.
     */
    public static FormValidation image(String value, String operatingSystem) {
        OperatingSystem os = operatingSystemOf(operatingSystem);
        String image = Text.trimToNull(value);
        if (image == null) {
            return FormValidation.ok(Messages.format("EcsAgentTemplate.image.default", os.defaultImage()));
        }
        if (OperatingSystem.isSomeDefaultImage(image)) {
            return image.equals(os.defaultImage())
                    ? FormValidation.ok()
                    : FormValidation.ok(Messages.format("EcsAgentTemplate.image.replacedByDefault", os.defaultImage()));
        }
        FormValidation syntax = FormRules.image(image);
        if (syntax.kind != FormValidation.Kind.OK) {
            return syntax;
        }
        String tag = tagOf(image);
        boolean windowsTag = tag.contains("windows") || tag.contains("nanoserver") || tag.contains("ltsc");
        if (os.isWindows() && !windowsTag && isJenkinsImage(image)) {
            return FormValidation.warning(
                    Messages.format("EcsAgentTemplate.image.linuxOnWindows", image, os.defaultImage()));
        }
        if (!os.isWindows() && windowsTag) {
            return FormValidation.warning(
                    Messages.format("EcsAgentTemplate.image.windowsOnLinux", image, os.defaultImage()));
        }
        if (os.isWindows() && isForOtherWindowsVersion(tag, os)) {
            return FormValidation.warning(
                    Messages.format("EcsAgentTemplate.image.windowsVersion", image, os.defaultImage()));
        }
        return FormValidation.ok();
    }

    /** The agent's work directory: absolute the way the task's system spells paths. */
    public static FormValidation agentWorkDir(String value, String operatingSystem) {
        OperatingSystem os = operatingSystemOf(operatingSystem);
        String path = Text.trimToNull(value);
        if (path == null
                || OperatingSystem.isSomeDefaultAgentWorkDir(path)
                || SpecProbe.acceptsContainerPath(os.toEngine(), path)) {
            return FormValidation.ok();
        }
        return FormValidation.error(Messages.format(
                os.isWindows()
                        ? "EcsAgentTemplate.agentWorkDir.invalidWindows"
                        : "EcsAgentTemplate.agentWorkDir.invalid",
                path));
    }

    /** A container user, which Windows containers do not take. */
    public static FormValidation containerUser(String value, String operatingSystem) {
        FormValidation syntax = FormRules.containerUser(value);
        String user = Text.trimToNull(value);
        if (syntax.kind != FormValidation.Kind.OK
                || user == null
                || SpecProbe.acceptsUser(operatingSystemOf(operatingSystem).toEngine(), user)) {
            return syntax;
        }
        return FormValidation.error(Messages.format("EcsAgentTemplate.containerUser.windows"));
    }

    /** The init process, a Linux parameter. */
    public static FormValidation initProcess(boolean enabled, String operatingSystem) {
        return !enabled
                        || SpecProbe.acceptsInitProcess(
                                operatingSystemOf(operatingSystem).toEngine())
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("EcsAgentTemplate.initProcessEnabled.windows"));
    }

    /** The CPU architecture; Windows tasks run on X86_64 only. */
    public static FormValidation architecture(String value, String operatingSystem) {
        Architecture architecture =
                Architecture.ARM64.name().equals(Text.trimToNull(value)) ? Architecture.ARM64 : Architecture.X86_64;
        return SpecProbe.acceptsArchitecture(operatingSystemOf(operatingSystem).toEngine(), architecture.toEngine())
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("EcsAgentTemplate.cpuArchitecture.windows"));
    }

    /** The platform version; Windows has only 1.0.0. */
    public static FormValidation platformVersion(String value, String operatingSystem) {
        FormValidation syntax = FormRules.platformVersion(value);
        String version = Text.trimToNull(value);
        if (syntax.kind != FormValidation.Kind.OK
                || version == null
                || SpecProbe.acceptsPlatformVersion(
                        operatingSystemOf(operatingSystem).toEngine(), version)) {
            return syntax;
        }
        return FormValidation.error(Messages.format("EcsAgentTemplate.platformVersion.windows", version));
    }

    /** Capacity without AWS: Fargate Spot runs no Windows tasks. Null when the choice suits the system. */
    static FormValidation capacity(Capacity capacity, String operatingSystem) {
        return SpecProbe.acceptsCapacity(operatingSystemOf(operatingSystem).toEngine(), capacity.toMode())
                ? null
                : FormValidation.error(Messages.format("EcsAgentTemplate.capacity.windows"));
    }

    /** The start timeout, with a warning when it is short for a Windows image pull. */
    public static FormValidation startTimeout(String value, String operatingSystem, int min, int max) {
        FormValidation range = FormRules.intInRange(value, min, max, "EcsAgentTemplate.startTimeoutSeconds");
        String text = Text.trimToNull(value);
        if (range.kind != FormValidation.Kind.OK
                || text == null
                || !operatingSystemOf(operatingSystem).isWindows()
                || Integer.parseInt(text) >= WINDOWS_START_SECONDS) {
            return range;
        }
        return FormValidation.warning(Messages.format(
                "EcsAgentTemplate.startTimeoutSeconds.windows", text, String.valueOf(WINDOWS_START_SECONDS)));
    }

    private static String tagOf(String image) {
        String reference = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return colon > slash ? reference.substring(colon + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean isJenkinsImage(String image) {
        String repository = image.toLowerCase(Locale.ROOT);
        return repository.startsWith("jenkins/") || repository.startsWith("docker.io/jenkins/");
    }

    private static boolean isForOtherWindowsVersion(String tag, OperatingSystem os) {
        boolean for2019 = tag.contains("ltsc2019") || tag.contains("1809");
        boolean for2022 = tag.contains("ltsc2022");
        boolean host2019 = os.name().contains("2019");
        return host2019 ? for2022 : for2019;
    }
}
