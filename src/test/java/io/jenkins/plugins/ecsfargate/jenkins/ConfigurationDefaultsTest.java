package io.jenkins.plugins.ecsfargate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.jenkins.config.Architecture;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.IdleRetention;
import io.jenkins.plugins.ecsfargate.jenkins.config.OneShotRetention;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import io.jenkins.plugins.ecsfargate.jenkins.config.WebSocketConnection;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults of a new configuration, normalization on binding, and defaults restored for configurations saved earlier. */
class ConfigurationDefaultsTest {
    @Test
    void aNewTemplateIsAFirstAgentThatWorks() {
        EcsAgentTemplate template = new EcsAgentTemplate(" jenkins-agent ");

        assertThat(template.getName()).isEqualTo("jenkins-agent");
        assertThat(template.getImage()).isEqualTo("jenkins/inbound-agent:latest-jdk21");
        assertThat(template.getCpu()).isEqualTo(1024);
        assertThat(template.getMemory()).isEqualTo(2048);
        assertThat(template.getCpuArchitecture()).isEqualTo(Architecture.X86_64);
        assertThat(template.getEphemeralStorageGiB()).isEqualTo(20);
        assertThat(template.getCapacity()).isEqualTo(Capacity.FARGATE);
        assertThat(template.getRetention()).isEqualTo(new OneShotRetention());
        assertThat(template.getNumExecutors()).isEqualTo(1);
        assertThat(template.getMaxAgents()).isZero();
        assertThat(template.isAssignPublicIp()).isFalse();
        assertThat(template.getAgentWorkDir()).isEqualTo("/home/jenkins/agent");
        assertThat(template.getStartTimeoutSeconds()).isEqualTo(300);
        assertThat(template.getConnectTimeoutSeconds()).isEqualTo(120);
        assertThat(template.getLogs()).isNull();
        assertThat(template.getEnvironment()).isEmpty();
        assertThat(template.getSidecars()).isEmpty();
    }

    @Test
    void theDefaultImageAndWorkDirectoryFollowTheOperatingSystem() {
        EcsAgentTemplate template = new EcsAgentTemplate("t");
        assertThat(template.getOperatingSystem()).isEqualTo(OperatingSystem.LINUX);

        // a form binds the image it showed (the Linux default) before or after the system it offers
        template.setImage(EcsAgentTemplate.DEFAULT_IMAGE);
        template.setAgentWorkDir("/home/jenkins/agent");
        template.setOperatingSystem(OperatingSystem.WINDOWS_SERVER_2022_FULL);
        assertThat(template.getImage()).isEqualTo("jenkins/inbound-agent:jdk21-windowsservercore-ltsc2022");
        assertThat(template.getAgentWorkDir()).isEqualTo("C:/Users/jenkins/Work");

        template.setOperatingSystem(OperatingSystem.WINDOWS_SERVER_2019_CORE);
        assertThat(template.getImage()).isEqualTo("jenkins/inbound-agent:jdk21-windowsservercore-ltsc2019");

        template.setImage("registry.example.com/windows-agent:1");
        template.setAgentWorkDir("C:/agent");
        template.setOperatingSystem(null);
        assertThat(template.getOperatingSystem()).isEqualTo(OperatingSystem.LINUX);
        assertThat(template.getImage())
                .as("a chosen image stays chosen")
                .isEqualTo("registry.example.com/windows-agent:1");
        assertThat(template.getAgentWorkDir()).isEqualTo("C:/agent");
    }

    @Test
    void aNewCloudUsesWebSocketTheDefaultChainAndNoCaps() {
        EcsCloud cloud = new EcsCloud("ecs-cloud");
        assertThat(cloud.getName()).isEqualTo("ecs-cloud");
        assertThat(cloud.getConnection()).isEqualTo(new WebSocketConnection());
        assertThat(cloud.getCredentialsId()).isNull();
        assertThat(cloud.getJenkinsUrl()).isNull();
        assertThat(cloud.getMaxAgents()).isZero();
        assertThat(cloud.getMaxVcpus()).isZero();
        assertThat(cloud.getTemplates()).isEmpty();
    }

    @Test
    void bindingNormalizesBlanksListsAndOutOfRangeNumbers() {
        EcsAgentTemplate template = new EcsAgentTemplate("t");
        template.setImage(" ");
        template.setSubnets(" subnet-0a1b2c3d ,\nsubnet-0a1b2c3e  ");
        template.setSecurityGroups("");
        template.setMaxAgents(-3);
        template.setNumExecutors(0);
        template.setStartTimeoutSeconds(0);
        template.setAgentWorkDir("");
        template.setRetention(null);
        template.setCapacity(null);

        assertThat(template.getImage()).isEqualTo(EcsAgentTemplate.DEFAULT_IMAGE);
        assertThat(template.getSubnets()).isEqualTo("subnet-0a1b2c3d,subnet-0a1b2c3e");
        assertThat(template.subnetList()).containsExactly("subnet-0a1b2c3d", "subnet-0a1b2c3e");
        assertThat(template.getSecurityGroups()).isNull();
        assertThat(template.securityGroupList()).isEmpty();
        assertThat(template.getMaxAgents()).isZero();
        assertThat(template.getNumExecutors()).isEqualTo(1);
        assertThat(template.getStartTimeoutSeconds()).isEqualTo(300);
        assertThat(template.getAgentWorkDir()).isEqualTo("/home/jenkins/agent");
        assertThat(template.getRetention()).isEqualTo(new OneShotRetention());
        assertThat(template.getCapacity()).isEqualTo(Capacity.FARGATE);
        assertThat(new IdleRetention(0).getIdleMinutes()).isEqualTo(IdleRetention.DEFAULT_IDLE_MINUTES);

        EcsCloud cloud = new EcsCloud("c");
        cloud.setMaxVcpus(-1);
        cloud.setConnection(null);
        cloud.setTemplates(null);
        assertThat(cloud.getMaxVcpus()).isZero();
        assertThat(cloud.getConnection()).isEqualTo(new WebSocketConnection());
        assertThat(cloud.getTemplates()).isEmpty();
    }

    @Test
    void listsHandedOutCannotChangeTheConfiguration() {
        EcsCloud cloud = SeedCloud.cloud();
        List<EcsAgentTemplate> templates = cloud.getTemplates();
        assertThat(templates).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> templates.add(new EcsAgentTemplate("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(cloud.getTemplate("jenkins-agent")).isNotNull();
        assertThat(cloud.getTemplate("missing")).isNull();
    }

    @Test
    void configurationsSavedBeforeASettingExistedGetItsDefault() throws Exception {
        EcsAgentTemplate template = new EcsAgentTemplate("old");
        for (String field : List.of(
                "image",
                "cpuArchitecture",
                "operatingSystem",
                "capacity",
                "retention",
                "agentWorkDir",
                "environment",
                "secrets",
                "tags",
                "sidecars")) {
            clear(template, field);
        }
        EcsCloud cloud = new EcsCloud("old");
        clear(cloud, "connection");
        clear(cloud, "templates");

        template.readResolve();
        cloud.readResolve();

        assertThat(template.getImage()).isEqualTo(EcsAgentTemplate.DEFAULT_IMAGE);
        assertThat(template.getCpuArchitecture()).isEqualTo(Architecture.X86_64);
        assertThat(template.getOperatingSystem()).isEqualTo(OperatingSystem.LINUX);
        assertThat(template.getCapacity()).isEqualTo(Capacity.FARGATE);
        assertThat(template.getRetention()).isEqualTo(new OneShotRetention());
        assertThat(template.getAgentWorkDir()).isEqualTo("/home/jenkins/agent");
        assertThat(template.getEnvironment()).isEmpty();
        assertThat(template.getSecrets()).isEmpty();
        assertThat(template.getTags()).isEmpty();
        assertThat(template.getSidecars()).isEmpty();
        assertThat(cloud.getConnection()).isEqualTo(new WebSocketConnection());
        assertThat(cloud.getTemplates()).isEmpty();
    }

    /** What XStream leaves in a field that a saved configuration does not mention. */
    private static void clear(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, null);
    }
}
