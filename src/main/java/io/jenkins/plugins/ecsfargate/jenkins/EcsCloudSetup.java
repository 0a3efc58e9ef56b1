package io.jenkins.plugins.ecsfargate.jenkins;

import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
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
                null);
    }

    @Override
    public EngineConfig engineConfig(TemplatePlan plan) {
        EcsAgentTemplate template = cloud.getTemplate(plan.name());
        if (template == null) {
            throw new CloudConfigurationException("no template " + plan.name() + " in cloud " + cloud.name);
        }
        return TemplateSpecs.engineConfig(
                cloud, template, CloudAws.of(cloud, jenkins), jenkins.controllerId(), jenkins.rootUrl());
    }

    /** The first template's engine tracks all tasks: its clients and rate limiter are the cloud's anyway. */
    @Override
    public EngineConfig trackingConfig() {
        List<TemplatePlan> all = templates();
        if (all.isEmpty()) {
            throw new CloudConfigurationException("cloud " + cloud.name + " has no usable template");
        }
        return engineConfig(all.get(0));
    }

    /** The longest start and connect timeouts of the templates: the tracker has one of each per cloud. */
    @Override
    public TrackerSettings trackerSettings() {
        int start = 0;
        int connect = 0;
        for (EcsAgentTemplate template : cloud.getTemplates()) {
            start = Math.max(start, template.getStartTimeoutSeconds());
            connect = Math.max(connect, template.getConnectTimeoutSeconds());
        }
        TrackerSettings defaults = TrackerSettings.defaults();
        return defaults.withTimeouts(
                start > 0 ? Duration.ofSeconds(start) : defaults.startTimeout(),
                connect > 0 ? Duration.ofSeconds(connect) : defaults.connectTimeout());
    }
}
