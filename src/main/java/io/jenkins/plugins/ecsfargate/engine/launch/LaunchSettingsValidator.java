package io.jenkins.plugins.ecsfargate.engine.launch;

import io.jenkins.plugins.ecsfargate.engine.AwsNames;
import io.jenkins.plugins.ecsfargate.engine.spec.OperatingSystemFamily;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a cloud's launch settings and agent connection against what RunTask and the inbound agent accept, before
 * any AWS call, naming the field to fix (the same {@link SpecProblem} form as template checks).
 */
public final class LaunchSettingsValidator {
    static final Pattern SUBNET = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    static final Pattern SECURITY_GROUP = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");
    static final Pattern PLATFORM_VERSION = Pattern.compile("LATEST|\\d+\\.\\d+\\.\\d+");
    static final String LATEST = "LATEST";
    static final String WINDOWS_PLATFORM_VERSION = "1.0.0";
    static final int MAX_SUBNETS = 16;
    static final int MAX_SECURITY_GROUPS = 5;

    private LaunchSettingsValidator() {}

    /** The problems of settings for Linux tasks. */
    public static List<SpecProblem> validate(LaunchSettings settings, AgentConnection connection) {
        return validate(settings, connection, OperatingSystemFamily.LINUX);
    }

    /**
     * The problems of settings for tasks of {@code os}: Windows tasks have their own platform version (1.0.0) and
     * no Fargate Spot capacity.
     */
    public static List<SpecProblem> validate(
            LaunchSettings settings, AgentConnection connection, OperatingSystemFamily os) {
        List<SpecProblem> problems = new ArrayList<>();
        if (!AwsNames.isClusterReference(settings.cluster())) {
            problems.add(new SpecProblem("cluster", "not an ECS cluster name or ARN: " + settings.cluster()));
        }
        if (settings.subnets().isEmpty() || settings.subnets().size() > MAX_SUBNETS) {
            problems.add(new SpecProblem("subnets", "give 1 to " + MAX_SUBNETS + " subnets"));
        }
        settings.subnets().stream()
                .filter(s -> !SUBNET.matcher(s).matches())
                .forEach(s -> problems.add(new SpecProblem("subnets", "not a subnet id (subnet-<hex>): " + s)));
        if (settings.securityGroups().size() > MAX_SECURITY_GROUPS) {
            problems.add(new SpecProblem("securityGroups", "at most " + MAX_SECURITY_GROUPS + " security groups"));
        }
        settings.securityGroups().stream()
                .filter(g -> !SECURITY_GROUP.matcher(g).matches())
                .forEach(g ->
                        problems.add(new SpecProblem("securityGroups", "not a security group id (sg-<hex>): " + g)));
        if (!PLATFORM_VERSION.matcher(settings.platformVersion()).matches()) {
            problems.add(new SpecProblem(
                    "platformVersion", "use LATEST or a version such as 1.4.0: " + settings.platformVersion()));
        }
        if (os.isWindows()) {
            checkWindows(settings, problems);
        }
        checkJenkinsUrl(connection.jenkinsUrl(), problems);
        return List.copyOf(problems);
    }

    private static void checkWindows(LaunchSettings settings, List<SpecProblem> problems) {
        if (settings.capacity() != CapacityMode.FARGATE) {
            problems.add(new SpecProblem("capacity", "Fargate Spot runs no Windows tasks: use FARGATE"));
        }
        String version = settings.platformVersion();
        if (!LATEST.equals(version) && !WINDOWS_PLATFORM_VERSION.equals(version)) {
            problems.add(new SpecProblem(
                    "platformVersion",
                    "Windows tasks run on platform version " + WINDOWS_PLATFORM_VERSION + " or LATEST: " + version));
        }
    }

    private static void checkJenkinsUrl(String url, List<SpecProblem> problems) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                problems.add(new SpecProblem("jenkinsUrl", "the agents need an http(s) URL with a host: " + url));
            }
        } catch (URISyntaxException e) {
            problems.add(new SpecProblem("jenkinsUrl", "not a URL: " + e.getMessage()));
        }
    }
}
