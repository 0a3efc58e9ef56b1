package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.List;
import java.util.Set;

/** The per-container part of {@link SpecValidator}. */
final class ContainerChecks {
    private ContainerChecks() {}

    static void check(
            ContainerSpec container,
            String path,
            Set<String> volumeNames,
            OperatingSystemFamily os,
            List<SpecProblem> problems) {
        if (container.name() == null
                || !SpecValidator.CONTAINER_NAME.matcher(container.name()).matches()) {
            problems.add(new SpecProblem(path + ".name", "use 1-255 letters, digits, '-' or '_'"));
        }
        if (SpecValidator.isBlank(container.image())) {
            problems.add(new SpecProblem(path + ".image", "an image is required"));
        } else if (!SpecValidator.IMAGE.matcher(container.image()).matches()) {
            problems.add(new SpecProblem(
                    path + ".image", "not an image reference (registry/repository:tag or @sha256:digest)"));
        }
        if (container.stopTimeoutSeconds() < 0
                || container.stopTimeoutSeconds() > SpecValidator.MAX_STOP_TIMEOUT_SECONDS) {
            problems.add(new SpecProblem(
                    path + ".stopTimeoutSeconds",
                    "Fargate allows 0-" + SpecValidator.MAX_STOP_TIMEOUT_SECONDS + " seconds"));
        }
        if (container.workingDirectory() != null && !WindowsChecks.isAbsolute(os, container.workingDirectory())) {
            problems.add(new SpecProblem(path + ".workingDirectory", "must be an absolute path"));
        }
        if (container.user() != null
                && (container.user().isBlank() || container.user().contains(" "))) {
            problems.add(new SpecProblem(path + ".user", "a user name or uid[:gid] without spaces"));
        }
        checkEnvironment(container, path, problems);
        checkUlimits(container, path, problems);
        for (MountPoint mount : container.mountPoints()) {
            if (mount.sourceVolume() == null || !volumeNames.contains(mount.sourceVolume())) {
                problems.add(new SpecProblem(path + ".mountPoints", "no volume named " + mount.sourceVolume()));
            }
            if (mount.containerPath() == null || !WindowsChecks.isAbsolute(os, mount.containerPath())) {
                problems.add(new SpecProblem(path + ".mountPoints", "containerPath must be an absolute path"));
            }
        }
        checkLogSettings(container.logSettings(), path + ".logSettings", problems);
    }

    private static void checkEnvironment(ContainerSpec container, String path, List<SpecProblem> problems) {
        for (String name : container.environment().keySet()) {
            if (!SpecValidator.ENV_NAME.matcher(name).matches()) {
                problems.add(new SpecProblem(
                        path + ".environment", "'" + name + "' is not a valid environment variable name"));
            }
        }
        container.secrets().forEach((name, valueFrom) -> {
            if (!SpecValidator.ENV_NAME.matcher(name).matches()) {
                problems.add(
                        new SpecProblem(path + ".secrets", "'" + name + "' is not a valid environment variable name"));
            }
            if (container.environment().containsKey(name)) {
                problems.add(new SpecProblem(path + ".secrets", name + " is set both as a variable and a secret"));
            }
            if (valueFrom == null
                    || !SpecValidator.SECRET_ARN.matcher(valueFrom).matches()) {
                problems.add(new SpecProblem(
                        path + ".secrets",
                        name + " needs the ARN of a Secrets Manager secret or an SSM parameter as valueFrom"));
            }
        });
    }

    private static void checkUlimits(ContainerSpec container, String path, List<SpecProblem> problems) {
        for (Ulimit ulimit : container.ulimits()) {
            if (!SpecValidator.ULIMIT_NAMES.contains(ulimit.name())) {
                problems.add(new SpecProblem(path + ".ulimits", "unknown ulimit " + ulimit.name()));
            }
            if (ulimit.softLimit() < 0 || ulimit.softLimit() > ulimit.hardLimit()) {
                problems.add(new SpecProblem(
                        path + ".ulimits", ulimit.name() + ": soft limit must be between 0 and the hard limit"));
            }
        }
    }

    private static void checkLogSettings(LogSettings log, String path, List<SpecProblem> problems) {
        if (log == null) {
            return;
        }
        if (!SpecValidator.LOG_DRIVERS.contains(log.driver())) {
            problems.add(new SpecProblem(path + ".driver", "Fargate supports awslogs, splunk and awsfirelens"));
            return;
        }
        if (LogSettings.AWSLOGS.equals(log.driver())) {
            for (String option :
                    List.of(LogSettings.AWSLOGS_GROUP, LogSettings.AWSLOGS_REGION, LogSettings.AWSLOGS_STREAM_PREFIX)) {
                if (SpecValidator.isBlank(log.options().get(option))) {
                    problems.add(new SpecProblem(path + "." + option, "awslogs on Fargate needs " + option));
                }
            }
        }
    }
}
