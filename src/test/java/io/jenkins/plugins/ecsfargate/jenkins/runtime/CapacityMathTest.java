package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapacityMathTest {
    private static TemplatePlan template(int maxAgents, int cpu, int executors) {
        return new TemplatePlan(
                "t",
                "ecs",
                executors,
                maxAgents,
                0,
                null,
                io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness.settings(),
                RuntimeHarness.spec(cpu, cpu * 2),
                null);
    }

    @Test
    void agentsForRoundsExecutorsUpToWholeAgents() {
        assertThat(CapacityMath.agentsFor(0, 2)).isZero();
        assertThat(CapacityMath.agentsFor(-3, 2)).isZero();
        assertThat(CapacityMath.agentsFor(1, 2)).isEqualTo(1);
        assertThat(CapacityMath.agentsFor(4, 2)).isEqualTo(2);
        assertThat(CapacityMath.agentsFor(5, 2)).isEqualTo(3);
    }

    @Test
    void noCapsMeansEverythingWantedFits() {
        assertThat(CapacityMath.allowed(
                        7, template(0, 1024, 1), new Usage(50, 50), new Usage(90, 90), CloudLimits.NONE))
                .isEqualTo(7);
    }

    @Test
    void theTemplateCapCountsTheTemplatesAgents() {
        TemplatePlan t = template(3, 1024, 1);
        assertThat(CapacityMath.allowed(5, t, new Usage(1, 1), new Usage(9, 9), CloudLimits.NONE))
                .isEqualTo(2);
        assertThat(CapacityMath.allowed(5, t, new Usage(3, 3), Usage.NONE, CloudLimits.NONE))
                .isZero();
        assertThat(CapacityMath.allowed(5, t, new Usage(4, 4), Usage.NONE, CloudLimits.NONE))
                .as("over the cap after a configuration change")
                .isZero();
    }

    @Test
    void theCloudCapsAgentsAndVcpu() {
        TemplatePlan t = template(0, 2048, 1);
        assertThat(CapacityMath.allowed(5, t, Usage.NONE, new Usage(8, 4), new CloudLimits(10, 0)))
                .isEqualTo(2);
        assertThat(CapacityMath.allowed(5, t, Usage.NONE, new Usage(1, 4), new CloudLimits(0, 9)))
                .as("2 vCPU each, 5 left")
                .isEqualTo(2);
        assertThat(CapacityMath.allowed(5, t, Usage.NONE, new Usage(1, 4), new CloudLimits(3, 100)))
                .isEqualTo(2);
    }

    @Test
    void fractionalVcpuAddUpExactly() {
        TemplatePlan quarter = template(0, 256, 1);
        assertThat(CapacityMath.allowed(10, quarter, Usage.NONE, new Usage(2, 0.5), new CloudLimits(0, 1)))
                .isEqualTo(2);
    }
}
