package io.jenkins.plugins.ecsfargate.jenkins;

import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskTimeouts;
import io.jenkins.plugins.ecsfargate.engine.tracking.TrackerSettings;
import io.jenkins.plugins.ecsfargate.jenkins.config.IdleRetention;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudLimits;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudSetup;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.TemplatePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An {@link EcsCloud}'s configuration as its runtime reads it. The templates are translated once (a saved
 * configuration is a new cloud object); what may change without a save (Jenkins' URL, a rotated access key) is read
 * at every launch through {@link TemplateSpecs} and {@link CloudAws}.
 */
final class EcsCloudSetup implements CloudSetup {
    private static final Logger LOGGER = Logger.getLogger(EcsCloudSetup.class.getName());

    private final EcsCloud cloud;
    private final JenkinsRuntime jenkins;
    private volatile List<TemplatePlan> plans;

    EcsCloudSetup(EcsCloud cloud, JenkinsRuntime jenkins) {
        this.cloud = cloud;
        this.jenkins = jenkins;
    }

    @Override
    public String cloudName() {
        return cloud.name;
    }

    @Override
    public CloudLimits limits() {
        return new CloudLimits(cloud.getMaxAgents(), cloud.getMaxVcpus());
    }

    @Override
    public List<TemplatePlan> templates() {
        List<TemplatePlan> current = plans;
        if (current == null) {
            current = translate();
            plans = current;
        }
        return current;
    }

    private List<TemplatePlan> translate() {
        List<TemplatePlan> translated = new ArrayList<>();
        for (EcsAgentTemplate template : cloud.getTemplates()) {
            try {
                translated.add(plan(template));
            } catch (RuntimeException e) {
                LOGGER.log(
                        Level.WARNING,
                        e,
                        () -> "Cloud " + cloud.name + ": template " + template.getName()
                                + " cannot start agents until its configuration is fixed");
            }
        }
        return List.copyOf(translated);
    }

    private TemplatePlan plan(EcsAgentTemplate template) {
        int idleMinutes = template.getRetention() instanceof IdleRetention idle ? idle.getIdleMinutes() : 0;
        return new TemplatePlan(
                template.getName(),
                template.getLabelString(),
                template.getNumExecutors(),
                template.getMaxAgents(),
                idleMinutes,
                template.getAgentWorkDir(),
                TemplateSpecs.launchSettings(cloud, template),
                TemplateSpecs.taskDefinition(cloud, template),
                null,
                new TaskTimeouts(
                        Duration.ofSeconds(template.getStartTimeoutSeconds()),
                        Duration.ofSeconds(template.getConnectTimeoutSeconds())));
    }

    /** The cloud's one engine: its AWS access (the access key read now) and this controller as the owner. */
    @Override
    public EngineConfig engineConfig() {
        return TemplateSpecs.cloudEngineConfig(cloud, CloudAws.of(cloud, jenkins), jenkins.controllerId());
    }

    @Override
    public String cluster() {
        if (cloud.getCluster() == null) {
            throw new CloudConfigurationException(Messages.format("EcsCloud.cluster.required"));
        }
        return cloud.getCluster();
    }

    @Override
    public AgentConnection connection(TemplatePlan plan) {
        return TemplateSpecs.connection(cloud, template(plan), jenkins.rootUrl());
    }

    /** The tracker's intervals; each task carries its own template's start and connect timeouts. */
    @Override
    public TrackerSettings trackerSettings() {
        return TrackerSettings.defaults();
    }

    private EcsAgentTemplate template(TemplatePlan plan) {
        EcsAgentTemplate template = cloud.getTemplate(plan.name());
        if (template == null) {
            throw new CloudConfigurationException("no template " + plan.name() + " in cloud " + cloud.name);
        }
        return template;
    }
}
