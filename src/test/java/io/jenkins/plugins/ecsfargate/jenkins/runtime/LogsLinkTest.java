package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.engine.spec.ContainerSpec;
import io.jenkins.plugins.ecsfargate.engine.spec.LogSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogsLinkTest {
    private static final String TASK = "arn:aws:ecs:eu-west-1:123456789012:task/default/0123abcd";

    @Test
    void pointsAtTheAgentContainersStreamInTheConsole() {
        ContainerSpec agent = ContainerSpec.builder("agent", "jenkins/inbound-agent")
                .logSettings(LogSettings.awslogs("/ecs/jenkins", "eu-west-1", "maven"))
                .build();

        assertThat(LogsLink.of(agent, TASK))
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1"
                        + "#logsV2:log-groups/log-group/$252Fecs$252Fjenkins/log-events/maven$252Fagent$252F0123abcd");
    }

    @Test
    void noLinkWithoutCloudWatchLogs() {
        ContainerSpec none =
                ContainerSpec.builder("agent", "jenkins/inbound-agent").build();
        ContainerSpec splunk = ContainerSpec.builder("agent", "jenkins/inbound-agent")
                .logSettings(new LogSettings("splunk", Map.of("splunk-url", "https://splunk.example.com")))
                .build();

        assertThat(LogsLink.of(none, TASK)).isNull();
        assertThat(LogsLink.of(splunk, TASK)).isNull();
    }
}
