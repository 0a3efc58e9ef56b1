package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What Fargate refuses in a Windows task, found before registration so that the problem names the setting to
 * change: Windows tasks run on X86_64 only, mount no EFS volumes, and their containers take no Linux parameters
 * (user, init process, ulimits) nor FireLens logging.
 */
final class WindowsChecks {
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("[A-Za-z]:[\\\\/].*");

    private WindowsChecks() {}

    static void check(TaskDefinitionSpec spec, List<SpecProblem> problems) {
        if (!spec.operatingSystem().isWindows()) {
            return;
        }
        if (spec.architecture() != CpuArchitecture.X86_64) {
            problems.add(new SpecProblem("architecture", "Windows tasks on Fargate run on X86_64 only"));
        }
        for (VolumeSpec volume : spec.volumes()) {
            if (volume.efs() != null) {
                problems.add(new SpecProblem(
                        "volumes[" + volume.name() + "].efs", "Fargate mounts no EFS volumes in Windows tasks"));
            }
        }
        for (ContainerSpec container : spec.containers()) {
            String path = SpecValidator.containerPath(spec, container);
            if (container.user() != null) {
                problems.add(new SpecProblem(
                        path + ".user", "Windows containers take no user: the image's own user runs them"));
            }
            if (container.initProcessEnabled()) {
                problems.add(new SpecProblem(
                        path + ".initProcessEnabled", "the init process is a Linux parameter; Windows has none"));
            }
            if (!container.ulimits().isEmpty()) {
                problems.add(new SpecProblem(path + ".ulimits", "Windows containers take no ulimits"));
            }
            LogSettings log = container.logSettings();
            if (log != null && "awsfirelens".equals(log.driver())) {
                problems.add(new SpecProblem(
                        path + ".logSettings.driver", "FireLens is not available to Windows tasks on Fargate"));
            }
        }
    }

    /** Whether {@code path} is absolute inside a container of {@code os}: {@code /work} or {@code C:\work}. */
    static boolean isAbsolute(OperatingSystemFamily os, String path) {
        return os.isWindows() ? ABSOLUTE_PATH.matcher(path).matches() : path.startsWith("/");
    }
}
