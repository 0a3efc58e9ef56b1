package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.slaves.NodeProvisioner.PlannedNode;
import hudson.slaves.NodeProvisioner.StrategyDecision;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.EcsProvisioningStrategy.JenkinsCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provisioning strategy's rules, fed with Jenkins' counts as its {@code apply} reads them. */
class ProvisioningStrategyTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private final TestLabel ecs = new TestLabel("ecs");
    private final List<PlannedNode> pending = new ArrayList<>();
    private RuntimeHarness cloud;

    @BeforeEach
    void setUp() {
        cloud = new RuntimeHarness(aws, RuntimeHarness.template("jenkins-agent", "ecs", 3, 0));
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    private StrategyDecision decide(TestLabel label, int queue, int available, int connecting, int planned) {
        return EcsProvisioningStrategy.decide(
                List.of(cloud.runtime),
                label,
                new JenkinsCounts(queue, available, connecting, planned),
                pending::addAll);
    }

    @Test
    void onlyWhatAvailableConnectingAndPlannedCapacityDoNotCoverIsProvisioned() {
        assertThat(decide(ecs, 4, 1, 1, 1)).isEqualTo(StrategyDecision.PROVISIONING_COMPLETED);

        assertThat(pending).hasSize(1);
        cloud.runFor(Duration.ofSeconds(1));
        assertThat(cloud.calls("RunTask")).isEqualTo(1);
    }

    @Test
    void demandAlreadyCoveredProvisionsNothingAndLeavesNothingToOthers() {
        assertThat(decide(ecs, 2, 0, 1, 1)).isEqualTo(StrategyDecision.PROVISIONING_COMPLETED);

        assertThat(pending).isEmpty();
        assertThat(cloud.runtime.usage().agents()).isZero();
    }

    @Test
    void anAgentOnItsWayIsNeverAskedForTwiceWhileJenkinsCountsLag() {
        decide(ecs, 1, 0, 0, 0);
        cloud.runFor(Duration.ofSeconds(1));

        assertThat(decide(ecs, 1, 0, 0, 0)).isEqualTo(StrategyDecision.PROVISIONING_COMPLETED);
        assertThat(pending).hasSize(1);
        cloud.runFor(Duration.ofSeconds(1));
        assertThat(cloud.calls("RunTask")).isEqualTo(1);
    }

    @Test
    void labelsOurCloudsDoNotServeAreLeftToOtherClouds() {
        assertThat(decide(new TestLabel("windows"), 5, 0, 0, 0))
                .isEqualTo(StrategyDecision.CONSULT_REMAINING_STRATEGIES);
        assertThat(EcsProvisioningStrategy.decide(List.of(), ecs, new JenkinsCounts(5, 0, 0, 0), pending::addAll))
                .isEqualTo(StrategyDecision.CONSULT_REMAINING_STRATEGIES);

        assertThat(pending).isEmpty();
        assertThat(cloud.runtime.usage().agents()).isZero();
    }

    @Test
    void demandBeyondTheCapsIsLeftToTheRemainingStrategies() {
        assertThat(decide(ecs, 5, 0, 0, 0)).isEqualTo(StrategyDecision.CONSULT_REMAINING_STRATEGIES);

        assertThat(pending).hasSize(3);
    }
}
