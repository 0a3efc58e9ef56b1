package io.jenkins.plugins.ecsfargate.jenkins;

import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
import io.jenkins.plugins.ecsfargate.engine.EngineTuning;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettingsValidator;
import io.jenkins.plugins.ecsfargate.engine.launch.Transport;
import io.jenkins.plugins.ecsfargate.engine.preflight.PreflightTarget;
import io.jenkins.plugins.ecsfargate.engine.spec.ContainerSpec;
import io.jenkins.plugins.ecsfargate.engine.spec.FamilyNames;
import io.jenkins.plugins.ecsfargate.engine.spec.LogSettings;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import io.jenkins.plugins.ecsfargate.jenkins.config.AwsLogs;
import io.jenkins.plugins.ecsfargate.jenkins.config.CloudMapConnection;
import io.jenkins.plugins.ecsfargate.jenkins.config.EnvironmentVariable;
import io.jenkins.plugins.ecsfargate.jenkins.config.ResourceTag;
import io.jenkins.plugins.ecsfargate.jenkins.config.SidecarContainer;
import io.jenkins.plugins.ecsfargate.jenkins.config.TaskSecret;
import io.jenkins.plugins.ecsfargate.jenkins.config.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where a cloud's and a template's configuration become engine data: the task-definition spec,
 * the launch settings, how the agent connects, the engine configuration and the preflight target. Pure functions
 * of the configuration (and of Jenkins' URL, passed in), so the provisioning code only calls them and tests can
 * check every mapping without Jenkins.
 */
public final class TemplateSpecs {
    /** A well-formed URL standing in for Jenkins' when launch settings are checked apart from the connection. */
    private static final String URL_CHECKED_ELSEWHERE = "https://jenkins.invalid/";

    /** The agent container's name in every task definition. */
    public static final String AGENT_CONTAINER = "agent";

    private TemplateSpecs() {}

    /** The task-definition family of {@code template} in {@code cloud}. */
    public static String family(EcsCloud cloud, EcsAgentTemplate template) {
        return FamilyNames.of(cloud.name, template.getName());
    }

    /** What the template's task definition holds; per-run values stay out (they go in RunTask overrides). */
    public static TaskDefinitionSpec taskDefinition(EcsCloud cloud, EcsAgentTemplate template) {
        ContainerSpec agent = ContainerSpec.builder(AGENT_CONTAINER, template.getImage())
                .environment(environment(template.getEnvironment()))
                .secrets(secrets(template.getSecrets()))
                .user(template.getContainerUser())
                .initProcessEnabled(template.isInitProcessEnabled())
                .logSettings(logSettings(cloud, template))
                .build();
        List<ContainerSpec> sidecars = new ArrayList<>();
        for (SidecarContainer sidecar : template.getSidecars()) {
            sidecars.add(ContainerSpec.builder(sidecar.getName(), sidecar.getImage())
                    .essential(sidecar.isEssential())
                    .environment(environment(sidecar.getEnvironment()))
                    .logSettings(logSettings(cloud, template))
                    .build());
        }
        return TaskDefinitionSpec.builder(agent)
                .cpu(template.getCpu())
                .memory(template.getMemory())
                .architecture(template.getCpuArchitecture().toEngine())
                .operatingSystem(template.getOperatingSystem().toEngine())
                .ephemeralStorageGiB(template.getEphemeralStorageGiB())
                .executionRoleArn(template.getExecutionRoleArn())
                .taskRoleArn(template.getTaskRoleArn())
                .sidecars(sidecars)
                .tags(tags(template.getTags()))
                .build();
    }

    /** Where and how the template's tasks run: the cloud's cluster, the template's network and capacity. */
    public static LaunchSettings launchSettings(EcsCloud cloud, EcsAgentTemplate template) {
        if (cloud.getCluster() == null) {
            throw new CloudConfigurationException(Messages.format("EcsCloud.cluster.required"));
        }
        return new LaunchSettings(
                cloud.getCluster(),
                template.subnetList(),
                template.securityGroupList(),
                template.isAssignPublicIp(),
                template.getCapacity().toMode(),
                template.getPlatformVersion(),
                template.isEnableExecuteCommand(),
                true);
    }

    /**
     * The URL agents dial: the cloud's own setting, else Jenkins' configured URL as it is now (pass
     * {@link JenkinsRuntime#rootUrl()} at each launch, so a changed URL applies to the next agent). Null if neither.
     */
    public static String jenkinsUrl(EcsCloud cloud, String configuredRootUrl) {
        String own = cloud.getJenkinsUrl();
        return own != null ? own : Text.trimToNull(configuredRootUrl);
    }

    /** How the template's agents connect back. */
    public static AgentConnection connection(EcsCloud cloud, EcsAgentTemplate template, String configuredRootUrl) {
        String url = jenkinsUrl(cloud, configuredRootUrl);
        if (url == null) {
            throw new CloudConfigurationException(Messages.format("EcsCloud.jenkinsUrl.missing"));
        }
        Transport transport = cloud.getConnection().toTransport();
        return new AgentConnection(url, transport, template.getAgentWorkDir(), List.of());
    }

    /**
     * The configuration of the cloud's one engine: AWS access and owner only, since each launch carries its
     * template's settings and connection.
     */
    public static EngineConfig cloudEngineConfig(EcsCloud cloud, AwsConfig aws, String controllerId) {
        return new EngineConfig(aws, new OwnershipTags.Owner(controllerId, cloud.name), EngineTuning.defaults());
    }

    /** What the preflight check verifies for the whole cloud: its cluster, every template's roles and families. */
    public static PreflightTarget preflightTarget(EcsCloud cloud) {
        if (cloud.getCluster() == null) {
            throw new CloudConfigurationException(Messages.format("EcsCloud.cluster.required"));
        }
        List<String> executionRoles = new ArrayList<>();
        List<String> taskRoles = new ArrayList<>();
        List<String> families = new ArrayList<>();
        boolean spot = false;
        for (EcsAgentTemplate template : cloud.getTemplates()) {
            addOnce(executionRoles, template.getExecutionRoleArn());
            addOnce(taskRoles, template.getTaskRoleArn());
            if (template.getName() != null) {
                addOnce(families, family(cloud, template));
            }
            spot |= template.getCapacity().usesSpot();
        }
        if (families.isEmpty() && cloud.name != null) {
            // A cloud not yet saved with templates: the check and the policy shown cover any family its templates
            // will have, as the shipped CloudFormation policy grants it, rather than task definitions on "*".
            families.add(FamilyNames.prefixFor(cloud.name) + "*");
        }
        String namespace = null;
        String service = null;
        if (cloud.getConnection() instanceof CloudMapConnection cloudMap) {
            namespace = cloudMap.getNamespace();
            service = cloudMap.getService();
        }
        return new PreflightTarget(cloud.getCluster(), spot, executionRoles, taskRoles, families, namespace, service);
    }

    /** Each named template's task definition, by template name: what the preflight checks as ECS would. */
    public static Map<String, TaskDefinitionSpec> taskDefinitions(EcsCloud cloud) {
        Map<String, TaskDefinitionSpec> specs = new LinkedHashMap<>();
        for (EcsAgentTemplate template : cloud.getTemplates()) {
            if (template.getName() != null) {
                specs.put(template.getName(), taskDefinition(cloud, template));
            }
        }
        return specs;
    }

    /**
     * What a launch of each named template would refuse in its launch settings (network, capacity and platform
     * version for its operating system), by template name. The Jenkins URL is left to the cloud's own field check.
     */
    public static Map<String, List<SpecProblem>> launchProblems(EcsCloud cloud) {
        Map<String, List<SpecProblem>> problems = new LinkedHashMap<>();
        AgentConnection anyUrl = AgentConnection.webSocket(URL_CHECKED_ELSEWHERE);
        for (EcsAgentTemplate template : cloud.getTemplates()) {
            if (template.getName() == null) {
                continue;
            }
            List<SpecProblem> found = LaunchSettingsValidator.validate(
                    launchSettings(cloud, template),
                    anyUrl,
                    template.getOperatingSystem().toEngine());
            if (!found.isEmpty()) {
                problems.put(template.getName(), found);
            }
        }
        return problems;
    }

    private static LogSettings logSettings(EcsCloud cloud, EcsAgentTemplate template) {
        AwsLogs logs = template.getLogs();
        if (logs == null) {
            return null;
        }
        String region = logs.getRegion() != null ? logs.getRegion() : cloud.getRegion();
        String prefix = logs.getStreamPrefix() != null ? logs.getStreamPrefix() : template.getName();
        return LogSettings.awslogs(logs.getGroup(), region, prefix);
    }

    private static Map<String, String> environment(List<EnvironmentVariable> variables) {
        Map<String, String> map = new LinkedHashMap<>();
        variables.stream().filter(v -> v.getName() != null).forEach(v -> map.put(v.getName(), v.getValue()));
        return map;
    }

    private static Map<String, String> secrets(List<TaskSecret> secrets) {
        Map<String, String> map = new LinkedHashMap<>();
        secrets.stream().filter(s -> s.getName() != null).forEach(s -> map.put(s.getName(), s.getValueFrom()));
        return map;
    }

    private static Map<String, String> tags(List<ResourceTag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.stream().filter(t -> t.getKey() != null).forEach(t -> map.put(t.getKey(), t.getValue()));
        return map;
    }

    private static void addOnce(List<String> values, String value) {
        if (value != null && !values.contains(value)) {
            values.add(value);
        }
    }
}
