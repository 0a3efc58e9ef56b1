package io.jenkins.plugins.ecsfargate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentLaunch;
import io.jenkins.plugins.ecsfargate.engine.launch.CapacityMode;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchedTask;
import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One engine serves a whole cloud: each launch brings its template's settings and connection. */
class OneEnginePerCloudTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private static AgentLaunch launch(String template, LaunchSettings settings, AgentConnection connection) {
        return new AgentLaunch(
                template,
                template + "-agent-1",
                "secret-0123456789abcdef",
                Specs.minimal(),
                LaunchOverrides.NONE,
                settings,
                connection);
    }

    @Test
    void launchesOfTwoTemplatesRunWithTheirOwnSettingsAndConnectionOnOneEngine() {
        try (EngineHarness harness = new EngineHarness(aws)) {
            FargateEngine engine = harness.cloudEngine();
            LaunchSettings onDemand = EngineHarness.settings();
            LaunchSettings spot = onDemand.withCapacity(CapacityMode.FARGATE_SPOT);
            AgentConnection maven =
                    new AgentConnection("https://ci.example.com/", null, "/home/jenkins/maven", List.of());
            AgentConnection gradle =
                    new AgentConnection("https://jenkins.example.org/", null, "/home/jenkins/gradle", List.of());

            LaunchedTask first = harness.await(engine.launch(launch("maven", onDemand, maven)));
            LaunchedTask second = harness.await(engine.launch(launch("gradle", spot, gradle)));

            EmulatedTask mavenTask = aws.ecs().task(first.taskArn()).orElseThrow();
            EmulatedTask gradleTask = aws.ecs().task(second.taskArn()).orElseThrow();
            assertThat(mavenTask.capacityProvider()).isEqualTo("FARGATE");
            assertThat(gradleTask.capacityProvider()).isEqualTo("FARGATE_SPOT");
            assertThat(mavenTask.env("JENKINS_AGENT_WORKDIR")).contains("/home/jenkins/maven");
            assertThat(gradleTask.env("JENKINS_AGENT_WORKDIR")).contains("/home/jenkins/gradle");
            assertThat(gradleTask.env("JENKINS_URL")).contains("https://jenkins.example.org/");
            assertThat(engine.configurationProblems()).isEmpty();
        }
    }

    @Test
    void eachLaunchsSettingsAreCheckedBeforeAnyCall() {
        try (EngineHarness harness = new EngineHarness(aws)) {
            FargateEngine engine = harness.cloudEngine();
            LaunchSettings noSubnet = LaunchSettings.of("default", List.of("subnet-nothex"), List.of());

            assertThat(harness.failureOf(
                                    engine.launch(launch("maven", noSubnet, AgentConnection.webSocket("https://ci/"))))
                            .cause())
                    .isEqualTo(FailureCause.INVALID_SPEC);
            assertThat(harness.failureOf(engine.launch(launch("gradle", null, null)))
                            .cause())
                    .isEqualTo(FailureCause.INVALID_SPEC);
            assertThat(aws.stats().totalCalls()).isZero();
        }
    }
}
