package io.jenkins.plugins.ecsfargate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.launch.CapacityMode;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.launch.Transport;
import io.jenkins.plugins.ecsfargate.engine.preflight.PreflightTarget;
import io.jenkins.plugins.ecsfargate.engine.spec.ContainerSpec;
import io.jenkins.plugins.ecsfargate.engine.spec.CpuArchitecture;
import io.jenkins.plugins.ecsfargate.engine.spec.LogSettings;
import io.jenkins.plugins.ecsfargate.engine.spec.OperatingSystemFamily;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecValidator;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import io.jenkins.plugins.ecsfargate.jenkins.config.Architecture;
import io.jenkins.plugins.ecsfargate.jenkins.config.AwsLogs;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.CloudMapConnection;
import io.jenkins.plugins.ecsfargate.jenkins.config.EnvironmentVariable;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import io.jenkins.plugins.ecsfargate.jenkins.config.ResourceTag;
import io.jenkins.plugins.ecsfargate.jenkins.config.SidecarContainer;
import io.jenkins.plugins.ecsfargate.jenkins.config.TaskSecret;
import io.jenkins.plugins.ecsfargate.jenkins.config.TunnelConnection;
import io.jenkins.plugins.ecsfargate.jenkins.config.WebSocketConnection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateSpecsTest {
    @Test
    void turnsTheSeedTemplateIntoAValidSpecWithItsLogs() {
        EcsCloud cloud = SeedCloud.cloud();
        TaskDefinitionSpec spec = TemplateSpecs.taskDefinition(cloud, SeedCloud.template());

        assertThat(SpecValidator.validate(spec)).isEmpty();
        assertThat(spec.cpu()).isEqualTo(1024);
        assertThat(spec.memory()).isEqualTo(2048);
        assertThat(spec.architecture()).isEqualTo(CpuArchitecture.X86_64);
        assertThat(spec.ephemeralStorageGiB()).isEqualTo(20);
        assertThat(spec.executionRoleArn()).isEqualTo(SeedCloud.EXECUTION_ROLE);
        assertThat(spec.taskRoleArn()).isNull();
        ContainerSpec agent = spec.agent();
        assertThat(agent.name()).isEqualTo(TemplateSpecs.AGENT_CONTAINER);
        assertThat(agent.image()).isEqualTo("jenkins/inbound-agent:alpine");
        assertThat(agent.essential()).isTrue();
        assertThat(agent.logSettings())
                .isEqualTo(LogSettings.awslogs(SeedCloud.LOG_GROUP, "us-east-1", "jenkins-agent"));
        assertThat(spec.sidecars()).isEmpty();
    }

    @Test
    void logsDefaultToTheCloudsRegionAndTheTemplatesName() {
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setRegion("eu-west-1");
        EcsAgentTemplate template = SeedCloud.template();
        template.setLogs(new AwsLogs("/ecs/agents", null, " "));

        LogSettings logs = TemplateSpecs.taskDefinition(cloud, template).agent().logSettings();

        assertThat(logs.options())
                .containsEntry(LogSettings.AWSLOGS_REGION, "eu-west-1")
                .containsEntry(LogSettings.AWSLOGS_STREAM_PREFIX, "jenkins-agent");
        template.setLogs(null);
        assertThat(TemplateSpecs.taskDefinition(cloud, template).agent().logSettings())
                .isNull();
    }

    @Test
    void aWindowsTemplateGetsItsPlatformImageAndWorkDirectory() {
        EcsCloud cloud = SeedCloud.cloud();
        EcsAgentTemplate template = new EcsAgentTemplate("windows");
        template.setSubnets("subnet-0a1b2c3d");
        template.setOperatingSystem(OperatingSystem.WINDOWS_SERVER_2019_CORE);

        TaskDefinitionSpec spec = TemplateSpecs.taskDefinition(cloud, template);
        AgentConnection connection = TemplateSpecs.connection(cloud, template, "https://jenkins.example.com/");

        assertThat(SpecValidator.validate(spec)).isEmpty();
        assertThat(spec.operatingSystem()).isEqualTo(OperatingSystemFamily.WINDOWS_SERVER_2019_CORE);
        assertThat(spec.agent().image()).isEqualTo("jenkins/inbound-agent:jdk21-windowsservercore-ltsc2019");
        assertThat(connection.workDir()).isEqualTo("C:/Users/jenkins/Work");
        template.setImage("registry.example.com/agents/windows:2019");
        template.setAgentWorkDir("D:\\agent");
        assertThat(TemplateSpecs.taskDefinition(cloud, template).agent().image())
                .isEqualTo("registry.example.com/agents/windows:2019");
        assertThat(TemplateSpecs.connection(cloud, template, "https://jenkins.example.com/")
                        .workDir())
                .isEqualTo("D:\\agent");
    }

    @Test
    void mapsEveryContainerSettingOfTheTemplate() {
        EcsAgentTemplate template = SeedCloud.template();
        template.setCpuArchitecture(Architecture.ARM64);
        template.setEphemeralStorageGiB(50);
        template.setTaskRoleArn("arn:aws:iam::123456789012:role/build");
        template.setEnvironment(List.of(new EnvironmentVariable("JAVA_OPTS", "-Xmx1g")));
        template.setSecrets(List.of(
                new TaskSecret("NPM_TOKEN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:npm-AbCdEf")));
        template.setContainerUser("1000:1000");
        template.setInitProcessEnabled(true);
        template.setTags(List.of(new ResourceTag("team", "ci")));
        SidecarContainer postgres = new SidecarContainer("postgres", "postgres:16");
        postgres.setEnvironment(List.of(new EnvironmentVariable("POSTGRES_PASSWORD", "test")));
        template.setSidecars(List.of(postgres));

        TaskDefinitionSpec spec = TemplateSpecs.taskDefinition(SeedCloud.cloud(), template);

        assertThat(SpecValidator.validate(spec)).isEmpty();
        assertThat(spec.architecture()).isEqualTo(CpuArchitecture.ARM64);
        assertThat(spec.ephemeralStorageGiB()).isEqualTo(50);
        assertThat(spec.taskRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/build");
        assertThat(spec.agent().environment()).containsExactlyEntriesOf(Map.of("JAVA_OPTS", "-Xmx1g"));
        assertThat(spec.agent().secrets()).containsOnlyKeys("NPM_TOKEN");
        assertThat(spec.agent().user()).isEqualTo("1000:1000");
        assertThat(spec.agent().initProcessEnabled()).isTrue();
        assertThat(spec.tags()).containsExactlyEntriesOf(Map.of("team", "ci"));
        assertThat(spec.sidecars()).singleElement().satisfies(sidecar -> {
            assertThat(sidecar.name()).isEqualTo("postgres");
            assertThat(sidecar.image()).isEqualTo("postgres:16");
            assertThat(sidecar.essential()).isFalse();
            assertThat(sidecar.environment()).containsEntry("POSTGRES_PASSWORD", "test");
            assertThat(sidecar.logSettings()).isEqualTo(spec.agent().logSettings());
        });
    }

    @Test
    void equalTemplatesGiveEqualSpecsSoTheyShareARevision() {
        assertThat(TemplateSpecs.taskDefinition(SeedCloud.cloud(), SeedCloud.template()))
                .isEqualTo(TemplateSpecs.taskDefinition(SeedCloud.cloud(), SeedCloud.template()));
    }

    @Test
    void launchesInTheCloudsClusterWithTheTemplatesNetworkAndCapacity() {
        EcsAgentTemplate template = SeedCloud.template();
        template.setCapacity(Capacity.SPOT_WITH_FALLBACK);
        template.setPlatformVersion("1.4.0");
        template.setEnableExecuteCommand(true);

        LaunchSettings settings = TemplateSpecs.launchSettings(SeedCloud.cloud(), template);

        assertThat(settings.cluster()).isEqualTo("default-cluster");
        assertThat(settings.subnets()).containsExactly("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788");
        assertThat(settings.securityGroups()).containsExactly(SeedCloud.AGENT_SECURITY_GROUP);
        assertThat(settings.assignPublicIp()).isFalse();
        assertThat(settings.capacity()).isEqualTo(CapacityMode.FARGATE_SPOT_THEN_FARGATE);
        assertThat(settings.platformVersion()).isEqualTo("1.4.0");
        assertThat(settings.enableExecuteCommand()).isTrue();
        assertThat(settings.propagateTags()).isTrue();
    }

    @Test
    void capacityChoicesMapToEngineModes() {
        assertThat(Capacity.FARGATE.toMode()).isEqualTo(CapacityMode.FARGATE);
        assertThat(Capacity.FARGATE_SPOT.toMode()).isEqualTo(CapacityMode.FARGATE_SPOT);
        assertThat(Capacity.SPOT_WITH_FALLBACK.toMode()).isEqualTo(CapacityMode.FARGATE_SPOT_THEN_FARGATE);
    }

    @Test
    void agentsDialTheCloudsUrlElseJenkinsUrlAsItIsNow() {
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setConnection(new WebSocketConnection());
        EcsAgentTemplate template = SeedCloud.template();

        AgentConnection fromJenkins = TemplateSpecs.connection(cloud, template, "https://ci.example.com/");
        assertThat(fromJenkins.jenkinsUrl()).isEqualTo("https://ci.example.com/");
        assertThat(fromJenkins.transport()).isEqualTo(new Transport.WebSocket());
        assertThat(fromJenkins.workDir()).isEqualTo("/home/jenkins/agent");
        assertThat(TemplateSpecs.connection(cloud, template, "https://moved.example.com/")
                        .jenkinsUrl())
                .isEqualTo("https://moved.example.com/");

        cloud.setJenkinsUrl("https://jenkins.internal/");
        assertThat(TemplateSpecs.connection(cloud, template, "https://ci.example.com/")
                        .jenkinsUrl())
                .isEqualTo("https://jenkins.internal/");
    }

    @Test
    void refusesToLaunchWithoutAnyJenkinsUrl() {
        EcsCloud cloud = SeedCloud.cloud();
        assertThat(TemplateSpecs.jenkinsUrl(cloud, " ")).isNull();
        assertThatThrownBy(() -> TemplateSpecs.connection(cloud, SeedCloud.template(), null))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("Jenkins URL");
    }

    @Test
    void mapsEachConnectionKindToItsTransport() {
        EcsCloud cloud = SeedCloud.cloud();
        assertThat(TemplateSpecs.connection(cloud, SeedCloud.template(), "https://ci/")
                        .transport())
                .isEqualTo(new Transport.FixedTunnel("jenkins.jenkins-for-ecs-with-agents:50000"));
        CloudMapConnection cloudMap = new CloudMapConnection("jenkins-for-ecs-with-agents", "jenkins");
        cloud.setConnection(cloudMap);
        assertThat(TemplateSpecs.connection(cloud, SeedCloud.template(), "https://ci/")
                        .transport())
                .isEqualTo(new Transport.CloudMapTunnel("jenkins-for-ecs-with-agents", "jenkins", null));
        cloudMap.setPort(50000);
        assertThat(TemplateSpecs.connection(cloud, SeedCloud.template(), "https://ci/")
                        .transport())
                .isEqualTo(new Transport.CloudMapTunnel("jenkins-for-ecs-with-agents", "jenkins", 50000));
    }

    @Test
    void buildsTheCloudsOneEngineConfigurationWhileEachLaunchCarriesItsTemplatesSettings() {
        EcsCloud cloud = SeedCloud.cloud();
        EngineConfig config = TemplateSpecs.cloudEngineConfig(cloud, AwsConfig.of("us-east-1"), "controller-1");

        assertThat(config.owner().controllerId()).isEqualTo("controller-1");
        assertThat(config.owner().cloud()).isEqualTo("ecs-cloud");
        assertThat(config.launch()).isNull();
        assertThat(config.connection()).isNull();
        assertThat(TemplateSpecs.launchSettings(cloud, SeedCloud.template()).cluster())
                .isEqualTo("default-cluster");
        assertThat(TemplateSpecs.connection(cloud, SeedCloud.template(), "https://ci/")
                        .jenkinsUrl())
                .isEqualTo("https://ci/");
    }

    @Test
    void targetsThePreflightAtTheClusterRolesFamiliesAndCloudMap() {
        EcsCloud cloud = SeedCloud.cloud();
        EcsAgentTemplate spot = new EcsAgentTemplate("spot");
        spot.setCapacity(Capacity.FARGATE_SPOT);
        spot.setExecutionRoleArn(SeedCloud.EXECUTION_ROLE);
        spot.setTaskRoleArn("arn:aws:iam::123456789012:role/build");
        cloud.setTemplates(List.of(SeedCloud.template(), spot));
        cloud.setConnection(new CloudMapConnection("jenkins-for-ecs-with-agents", "jenkins"));

        PreflightTarget target = TemplateSpecs.preflightTarget(cloud);

        assertThat(target.cluster()).isEqualTo("default-cluster");
        assertThat(target.usesSpot()).isTrue();
        assertThat(target.executionRoleArns()).containsExactly(SeedCloud.EXECUTION_ROLE);
        assertThat(target.taskRoleArns()).containsExactly("arn:aws:iam::123456789012:role/build");
        assertThat(target.families()).containsExactly("jenkins_ecs-cloud_jenkins-agent", "jenkins_ecs-cloud_spot");
        assertThat(target.cloudMap())
                .contains(new PreflightTarget.CloudMapName("jenkins-for-ecs-with-agents", "jenkins"));
    }

    @Test
    void anOnDemandCloudWithoutTunnelAsksNoSpotAndNoCloudMap() {
        EcsCloud cloud = SeedCloud.cloud();
        PreflightTarget target = TemplateSpecs.preflightTarget(cloud);
        assertThat(target.usesSpot()).isFalse();
        assertThat(target.cloudMap()).isEmpty();
    }

    @Test
    void aCloudWithoutTemplatesIsCheckedForTheFamiliesItsTemplatesWillHave() {
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setTemplates(List.of());
        assertThat(TemplateSpecs.preflightTarget(cloud).families()).containsExactly("jenkins_ecs-cloud_*");
    }

    @Test
    void aCloudWithoutClusterCannotLaunchOrBeChecked() {
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setCluster(" ");
        assertThatThrownBy(() -> TemplateSpecs.launchSettings(cloud, SeedCloud.template()))
                .isInstanceOf(CloudConfigurationException.class);
        assertThatThrownBy(() -> TemplateSpecs.preflightTarget(cloud))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("cluster");
    }

    @Test
    void anIncompleteTunnelIsAConfigurationProblemNamingTheField() {
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setConnection(new TunnelConnection("jenkins"));
        assertThatThrownBy(() -> TemplateSpecs.connection(cloud, SeedCloud.template(), "https://ci/"))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("'jenkins'");
        cloud.setConnection(new TunnelConnection(" "));
        assertThatThrownBy(() -> TemplateSpecs.connection(cloud, SeedCloud.template(), "https://ci/"))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("host:port");
        cloud.setConnection(new CloudMapConnection("jenkins-for-ecs-with-agents", ""));
        assertThatThrownBy(() -> TemplateSpecs.connection(cloud, SeedCloud.template(), "https://ci/"))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("service");
    }
}
