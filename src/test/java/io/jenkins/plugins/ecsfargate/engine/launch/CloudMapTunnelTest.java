package io.jenkins.plugins.ecsfargate.engine.launch;

import static io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.AccountServices;
import io.jenkins.plugins.ecsfargate.emulator.CloudMapDirectory;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.EngineTuning;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudMapTunnelTest {
    private AccountServices account;

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension()
            .configure(emulator ->
                    account = AccountServices.create(emulator.clock()).registerWith(emulator));

    private String jenkinsService() {
        CloudMapDirectory.Namespace namespace = account.cloudMap().createPrivateDnsNamespace("ci.local");
        return account.cloudMap().createService(namespace.id(), "jenkins").id();
    }

    private void twoInstances() {
        String service = jenkinsService();
        account.cloudMap()
                .registerInstance(service, "b", Map.of("AWS_INSTANCE_IPV4", "10.0.1.24", "AWS_INSTANCE_PORT", "8080"));
        account.cloudMap()
                .registerInstance(service, "a", Map.of("AWS_INSTANCE_IPV4", "10.0.1.23", "AWS_INSTANCE_PORT", "8080"));
    }

    private FargateEngine engine(EngineHarness harness, Transport transport) {
        return harness.engine(
                EngineHarness.settings(),
                new AgentConnection(EngineHarness.JENKINS_URL, transport, null, List.of()),
                EngineTuning.defaults());
    }

    @Test
    void theTunnelIsResolvedAtLaunchAndReusedForABurst() {
        twoInstances();
        try (EngineHarness harness = new EngineHarness(aws)) {
            FargateEngine engine = engine(harness, new Transport.CloudMapTunnel("ci.local", "jenkins", 50000));
            LaunchedTask first = harness.await(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
            harness.await(engine.launch(agent("maven", 2, Specs.minimal(), LaunchOverrides.NONE)));
            assertThat(aws.ecs().task(first.taskArn()).orElseThrow().env(InboundAgentEnvironment.TUNNEL))
                    .contains("10.0.1.23:50000");
            assertThat(aws.stats().calls("servicediscovery:DiscoverInstances")).isEqualTo(1);
            harness.scheduler.runFor(Duration.ofMinutes(1));
            harness.await(engine.launch(agent("maven", 3, Specs.minimal(), LaunchOverrides.NONE)));
            assertThat(aws.stats().calls("servicediscovery:DiscoverInstances")).isEqualTo(2);
        }
    }

    @Test
    void theRegisteredPortIsUsedWhenNoneIsConfigured() {
        twoInstances();
        try (EngineHarness harness = new EngineHarness(aws)) {
            FargateEngine engine = engine(harness, new Transport.CloudMapTunnel("ci.local", "jenkins", null));
            LaunchedTask task = harness.await(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
            assertThat(aws.ecs().task(task.taskArn()).orElseThrow().env(InboundAgentEnvironment.TUNNEL))
                    .contains("10.0.1.23:8080");
        }
    }

    @Test
    void anEmptyServiceOrAMissingNamespaceFailsInTheTunnelPhase() {
        jenkinsService();
        try (EngineHarness harness = new EngineHarness(aws)) {
            FargateEngine empty = engine(harness, new Transport.CloudMapTunnel("ci.local", "jenkins", 50000));
            LaunchFailure none =
                    harness.failureOf(empty.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
            assertThat(none.cause()).isEqualTo(FailureCause.CLOUD_MAP_EMPTY);
            assertThat(none.phase()).isEqualTo(LaunchPhase.TUNNEL);
            assertThat(none.fieldToFix()).isEqualTo("tunnel");
            FargateEngine wrong = engine(harness, new Transport.CloudMapTunnel("nope.local", "jenkins", 50000));
            LaunchFailure missing =
                    harness.failureOf(wrong.launch(agent("gradle", 1, Specs.minimal(), LaunchOverrides.NONE)));
            assertThat(missing.cause()).isEqualTo(FailureCause.CLOUD_MAP_NOT_FOUND);
            assertThat(aws.stats().calls("ecs:RunTask")).isZero();
        }
    }
}
