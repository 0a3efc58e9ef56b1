package io.jenkins.plugins.ecsfargate.engine.launch;

import static io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.Fault;
import io.jenkins.plugins.ecsfargate.emulator.LoggedCall;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import io.jenkins.plugins.ecsfargate.engine.testing.RateCheck;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 30% of all ECS calls answered with ThrottlingException: every agent still starts, within AWS's rates. */
class ThrottlingStormTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withSeed(5);

    @Test
    void everyAgentLaunchesAndTheRequestRateStaysUnderTheQuota() {
        aws.ecs().quotas().setOnDemandVcpu(4000);
        aws.faults().withProbability("ecs:*", 0.3, Fault.throttling());
        try (EngineHarness harness = new EngineHarness(aws)) {
            FargateEngine engine = harness.engine(EngineHarness.settings());
            List<CompletableFuture<LaunchedTask>> launches = IntStream.range(0, 60)
                    .mapToObj(i -> engine.launch(agent("maven", i, Specs.minimal(), LaunchOverrides.NONE)))
                    .toList();
            harness.scheduler.runUntilIdle();

            assertThat(launches)
                    .allSatisfy(launch -> assertThat(launch).isCompleted().isNotCompletedExceptionally());
            assertThat(aws.ecs().allTasks()).hasSize(60);
            assertThat(aws.stats().throttled("ecs:RunTask")).isPositive();
            assertThat(aws.stats().calls("ecs:RegisterTaskDefinition")
                            - aws.stats().throttled("ecs:RegisterTaskDefinition"))
                    .isEqualTo(1);
            assertThat(engine.pauseOf("maven")).isEmpty();

            List<Instant> runTasks =
                    aws.stats().log("ecs:RunTask").stream().map(LoggedCall::at).toList();
            assertThat(RateCheck.worstExcess(runTasks, 20, 20)).isLessThanOrEqualTo(0);
            List<Instant> registrations = aws.stats().log("ecs:RegisterTaskDefinition").stream()
                    .map(LoggedCall::at)
                    .toList();
            assertThat(RateCheck.worstExcess(registrations, 20, 1)).isLessThanOrEqualTo(0);
        }
    }
}
