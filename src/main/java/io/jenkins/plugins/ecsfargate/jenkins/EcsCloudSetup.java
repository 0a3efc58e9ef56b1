package io.jenkins.plugins.ecsfargate.jenkins;

import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.tracking.TrackerSettings;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudLimits;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudSetup;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.TemplatePlan;
import java.util.List;

/** An {@link EcsCloud}'s configuration as its runtime reads it, translated at every call. */
final class EcsCloudSetup implements CloudSetup {
    private final EcsCloud cloud;
    private final JenkinsRuntime jenkins;

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
        return CloudLimits.NONE;
    }

    @Override
    public List<TemplatePlan> templates() {
        return List.of();
    }

    @Override
    public EngineConfig engineConfig(TemplatePlan template) {
        return config(template.launch());
    }

    @Override
    public EngineConfig trackingConfig() {
        return config(LaunchSettings.of(cloud.getCluster(), List.of(), List.of()));
    }

    @Override
    public TrackerSettings trackerSettings() {
        return TrackerSettings.defaults();
    }

    private EngineConfig config(LaunchSettings launch) {
        String url = jenkins.rootUrl();
        return new EngineConfig(
                AwsConfig.of(cloud.getRegion()),
                new OwnershipTags.Owner(jenkins.controllerId(), cloud.name),
                launch,
                AgentConnection.webSocket(url == null ? "" : url),
                null);
    }
}
