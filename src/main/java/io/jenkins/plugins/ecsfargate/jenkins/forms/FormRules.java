package io.jenkins.plugins.ecsfargate.jenkins.forms;

import hudson.util.FormValidation;
import io.jenkins.plugins.ecsfargate.engine.AwsNames;
import io.jenkins.plugins.ecsfargate.engine.spec.FargateSizes;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import io.jenkins.plugins.ecsfargate.jenkins.config.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The syntax rules of every configuration field, with their messages. They read no credentials and call nothing,
 * so the form may run them on every keystroke; whether a value exists in AWS is the preflight check's job.
 */
public final class FormRules {
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})");
    private static final Pattern DNS_NAME =
            Pattern.compile("(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
                    + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");
    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private FormRules() {}

    /** A name that becomes part of agent names, tags and task-definition families. */
    public static FormValidation resourceName(String value, String key) {
        String name = Text.trimToNull(value);
        if (name == null) {
            return FormValidation.error(Messages.format(key + ".required"));
        }
        return AwsNames.isCloudName(name)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format(key + ".invalid", name));
    }

    /** A required Region name. */
    public static FormValidation region(String value) {
        String region = Text.trimToNull(value);
        if (region == null) {
            return FormValidation.error(Messages.format("EcsCloud.region.required"));
        }
        return optionalRegion(region);
    }

    /** A Region name, or nothing. */
    public static FormValidation optionalRegion(String value) {
        String region = Text.trimToNull(value);
        return region == null || AwsNames.isRegion(region)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("EcsCloud.region.invalid", region));
    }

    /** A required cluster name or ARN. */
    public static FormValidation cluster(String value) {
        String cluster = Text.trimToNull(value);
        if (cluster == null) {
            return FormValidation.error(Messages.format("EcsCloud.cluster.required"));
        }
        return AwsNames.isClusterReference(cluster)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("EcsCloud.cluster.invalid", cluster));
    }

    /** An IAM role ARN, or nothing. */
    public static FormValidation optionalRoleArn(String value) {
        String arn = Text.trimToNull(value);
        return arn == null || SpecProbe.acceptsRoleArn(arn)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("Forms.roleArn.invalid", arn));
    }

    /** An STS external id, or nothing; meaningful only with a role. */
    public static FormValidation externalId(String value, String roleArn) {
        String id = Text.trimToNull(value);
        if (id == null) {
            return FormValidation.ok();
        }
        if (!EXTERNAL_ID.matcher(id).matches()) {
            return FormValidation.error(Messages.format("EcsCloud.externalId.invalid"));
        }
        return Text.trimToNull(roleArn) == null
                ? FormValidation.warning(Messages.format("EcsCloud.externalId.withoutRole"))
                : FormValidation.ok();
    }

    /** An http(s) URL with a host, or nothing. */
    public static FormValidation optionalUrl(String value, String key) {
        String url = Text.trimToNull(value);
        if (url == null) {
            return FormValidation.ok();
        }
        try {
            URI uri = new URI(url);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!web || uri.getHost() == null) {
                return FormValidation.error(Messages.format(key + ".invalid", url));
            }
            return "http".equals(uri.getScheme())
                    ? FormValidation.warning(Messages.format(key + ".plainHttp"))
                    : FormValidation.ok();
        } catch (URISyntaxException e) {
            return FormValidation.error(Messages.format(key + ".invalid", url));
        }
    }

    /** A tunnel address {@code host:port}; an empty host means the Jenkins URL's host. */
    public static FormValidation hostPort(String value) {
        String hostPort = Text.trimToNull(value);
        if (hostPort == null) {
            return FormValidation.error(Messages.format("TunnelConnection.hostPort.required"));
        }
        var matcher = HOST_PORT.matcher(hostPort);
        if (!matcher.matches() || !isPort(Integer.parseInt(matcher.group(2)))) {
            return FormValidation.error(Messages.format("TunnelConnection.hostPort.invalid", hostPort));
        }
        return FormValidation.ok();
    }

    /** A Cloud Map namespace or service name. */
    public static FormValidation cloudMapName(String value, String key) {
        String name = Text.trimToNull(value);
        if (name == null) {
            return FormValidation.error(Messages.format(key + ".required"));
        }
        return DNS_NAME.matcher(name).matches()
                ? FormValidation.ok()
                : FormValidation.error(Messages.format(key + ".invalid", name));
    }

    /** A TCP port, or 0/nothing for "as registered". */
    public static FormValidation port(String value) {
        String text = Text.trimToNull(value);
        if (text == null) {
            return FormValidation.ok();
        }
        Integer port = parse(text);
        return port != null && (port == 0 || isPort(port))
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("CloudMapConnection.port.invalid", text));
    }

    /** A whole number between {@code min} and {@code max}; blank is taken as the default. */
    public static FormValidation intInRange(String value, int min, int max, String key) {
        String text = Text.trimToNull(value);
        if (text == null) {
            return FormValidation.ok();
        }
        Integer number = parse(text);
        return number != null && number >= min && number <= max
                ? FormValidation.ok()
                : FormValidation.error(
                        Messages.format("Forms.number.range", text, String.valueOf(min), String.valueOf(max)));
    }

    /** A task CPU size. */
    public static FormValidation cpu(String value) {
        Integer cpu = parse(Text.trimToNull(value));
        return cpu != null && FargateSizes.isValidCpu(cpu)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("EcsAgentTemplate.cpu.invalid", String.valueOf(value)));
    }

    /** Task memory that fits the CPU size; when the CPU is wrong, the CPU field says so. */
    public static FormValidation memory(String value, String cpuValue) {
        Integer memory = parse(Text.trimToNull(value));
        if (memory == null) {
            return FormValidation.error(Messages.format("EcsAgentTemplate.memory.notNumber", String.valueOf(value)));
        }
        Integer cpu = parse(Text.trimToNull(cpuValue));
        if (cpu == null || !FargateSizes.isValidCpu(cpu)) {
            return FormValidation.ok();
        }
        return FargateSizes.isValid(cpu, memory)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format(
                        "EcsAgentTemplate.memory.invalid",
                        String.valueOf(memory),
                        String.valueOf(cpu),
                        FargateSizes.describeValidMemory(cpu)));
    }

    /** Ephemeral storage Fargate accepts. */
    public static FormValidation ephemeralStorage(String value) {
        Integer gib = parse(Text.trimToNull(value));
        return gib != null && SpecProbe.acceptsEphemeralStorage(gib)
                ? FormValidation.ok()
                : FormValidation.error(
                        Messages.format("EcsAgentTemplate.ephemeralStorageGiB.invalid", String.valueOf(value)));
    }

    /** A container image reference. */
    public static FormValidation image(String value) {
        String image = Text.trimToNull(value);
        if (image == null) {
            return FormValidation.error(Messages.format("Forms.image.required"));
        }
        return SpecProbe.acceptsImage(image) && !image.contains("://")
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("Forms.image.invalid", image));
    }

    /** A container name within a task. */
    public static FormValidation containerName(String value) {
        String name = Text.trimToNull(value);
        if (name == null) {
            return FormValidation.error(Messages.format("SidecarContainer.name.required"));
        }
        if ("agent".equals(name)) {
            return FormValidation.error(Messages.format("SidecarContainer.name.reserved"));
        }
        return SpecProbe.acceptsContainerName(name)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("SidecarContainer.name.invalid", name));
    }

    /** Subnet ids: at least one, each {@code subnet-…}. */
    public static FormValidation subnets(String value) {
        List<String> ids = Text.splitList(value);
        if (ids.isEmpty()) {
            return FormValidation.error(Messages.format("EcsAgentTemplate.subnets.required"));
        }
        return ids(ids, SpecProbe::acceptsSubnets, "EcsAgentTemplate.subnets");
    }

    /** Security group ids, each {@code sg-…}; none means the VPC's default group. */
    public static FormValidation securityGroups(String value) {
        List<String> ids = Text.splitList(value);
        if (ids.isEmpty()) {
            return FormValidation.warning(Messages.format("EcsAgentTemplate.securityGroups.defaultGroup"));
        }
        return ids(ids, SpecProbe::acceptsSecurityGroups, "EcsAgentTemplate.securityGroups");
    }

    /** A template's labels: plain atoms that label expressions can name. */
    public static FormValidation labels(String value) {
        String text = Text.trimToNull(value);
        if (text == null) {
            return FormValidation.warning(Messages.format("EcsAgentTemplate.labelString.empty"));
        }
        for (String label : text.split("\\s+")) {
            if (!LabelSyntax.isPlainAtom(label)) {
                return FormValidation.error(Messages.format("EcsAgentTemplate.labelString.invalid", label));
            }
        }
        return FormValidation.ok();
    }

    /** A label expression, as a build's {@code agent { label '…' }} holds it. */
    public static FormValidation labelExpression(String value) {
        String expression = Text.trimToNull(value);
        if (expression == null) {
            return FormValidation.ok();
        }
        return LabelSyntax.isExpression(expression)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("Forms.labelExpression.invalid", expression));
    }

    /** An environment variable name. */
    public static FormValidation environmentName(String value) {
        String name = Text.trimToNull(value);
        if (name == null) {
            return FormValidation.error(Messages.format("Forms.environmentName.required"));
        }
        return SpecProbe.acceptsEnvironmentName(name)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("Forms.environmentName.invalid", name));
    }

    /** The ARN of a Secrets Manager secret or an SSM parameter. */
    public static FormValidation secretArn(String value) {
        String arn = Text.trimToNull(value);
        if (arn == null) {
            return FormValidation.error(Messages.format("TaskSecret.valueFrom.required"));
        }
        return SpecProbe.acceptsSecretArn(arn)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("TaskSecret.valueFrom.invalid", arn));
    }

    /** A user tag key. */
    public static FormValidation tagKey(String value) {
        String key = Text.trimToNull(value);
        if (key == null) {
            return FormValidation.error(Messages.format("ResourceTag.key.required"));
        }
        return SpecProbe.acceptsTag(key, "")
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("ResourceTag.key.invalid", key));
    }

    /** A user tag value. */
    public static FormValidation tagValue(String value) {
        String text = value == null ? "" : value.trim();
        return SpecProbe.acceptsTag("probe", text)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("ResourceTag.value.invalid"));
    }

    /** A CloudWatch Logs group name. */
    public static FormValidation logGroup(String value) {
        String group = Text.trimToNull(value);
        if (group == null) {
            return FormValidation.error(Messages.format("AwsLogs.group.required"));
        }
        return LOG_GROUP.matcher(group).matches()
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("AwsLogs.group.invalid", group));
    }

    /** An awslogs stream prefix, or nothing for the template's name. */
    public static FormValidation logStreamPrefix(String value) {
        String prefix = Text.trimToNull(value);
        if (prefix == null) {
            return FormValidation.ok();
        }
        return prefix.length() <= 512 && prefix.indexOf(':') < 0 && prefix.indexOf('*') < 0
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("AwsLogs.streamPrefix.invalid", prefix));
    }

    /** A Fargate platform version, or nothing for LATEST. */
    public static FormValidation platformVersion(String value) {
        String version = Text.trimToNull(value);
        return version == null || SpecProbe.acceptsPlatformVersion(version)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("EcsAgentTemplate.platformVersion.invalid", version));
    }

    /** A container user: {@code name}, {@code uid} or {@code uid:gid}. */
    public static FormValidation containerUser(String value) {
        String user = Text.trimToNull(value);
        return user == null || SpecProbe.acceptsUser(user)
                ? FormValidation.ok()
                : FormValidation.error(Messages.format("EcsAgentTemplate.containerUser.invalid", user));
    }

    private static FormValidation ids(List<String> ids, Predicate<List<String>> engineAccepts, String key) {
        for (String id : ids) {
            if (!engineAccepts.test(List.of(id))) {
                return FormValidation.error(Messages.format(key + ".invalid", id));
            }
        }
        if (!engineAccepts.test(ids)) {
            return FormValidation.error(Messages.format(key + ".tooMany"));
        }
        if (ids.stream().distinct().count() < ids.size()) {
            return FormValidation.warning(Messages.format(key + ".duplicate"));
        }
        return FormValidation.ok();
    }

    private static boolean isPort(int port) {
        return port >= 1 && port <= 65535;
    }

    private static Integer parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
