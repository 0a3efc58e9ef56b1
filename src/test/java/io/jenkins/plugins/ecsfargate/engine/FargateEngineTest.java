package io.jenkins.plugins.ecsfargate.engine;

import static io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchedTask;
import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.taskdef.CleanupReport;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The facade the Jenkins adapter uses: warm-up, launch, clean-up, breaker reports. */
class FargateEngineTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    @Test
    void aWarmedUpTemplateLaunchesWithoutRegisteringAndIsCleanedUpWhenRemoved() {
        try (EngineHarness harness = new EngineHarness(aws)) {
            FargateEngine engine = harness.engine(EngineHarness.settings());
            assertThat(engine.configurationProblems()).isEmpty();
            String arn = harness.await(engine.taskDefinitionFor("maven", Specs.minimal()));
            LaunchedTask task = harness.await(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)));
            assertThat(task.taskDefinitionArn()).isEqualTo(arn);
            assertThat(aws.stats().calls("ecs:RegisterTaskDefinition")).isEqualTo(1);

            CleanupReport kept = harness.await(engine.cleanUpTaskDefinitions(Map.of("maven", Specs.minimal())));
            assertThat(kept.deregistered()).isEmpty();
            CleanupReport removed = harness.await(engine.cleanUpTaskDefinitions(Map.of()));
            assertThat(removed.deregistered()).containsExactly(arn);
            assertThat(removed.deleted()).containsExactly(arn);
        }
    }

    @Test
    void startFailuresReportedByTheCallerPauseTheTemplateAndASuccessResumesIt() {
        try (EngineHarness harness = new EngineHarness(aws)) {
            FargateEngine engine = harness.engine(EngineHarness.settings());
            LaunchFailure pull = FailureClassifier.fromStoppedTask(
                    LaunchPhase.START, "TaskFailedToStart", "CannotPullContainerError: not found", List.of());
            engine.reportFailure("maven", pull);
            engine.reportFailure("maven", pull);
            assertThat(engine.reportFailure("maven", pull)).isPresent();
            assertThat(engine.launch(agent("maven", 1, Specs.minimal(), LaunchOverrides.NONE)))
                    .isCompletedExceptionally();
            assertThat(aws.stats().totalCalls()).isZero();
            harness.scheduler.runFor(Duration.ofMinutes(1));
            harness.await(engine.launch(agent("maven", 2, Specs.minimal(), LaunchOverrides.NONE)));
            engine.reportStarted("maven");
            assertThat(engine.pauseOf("maven")).isEmpty();
        }
    }
}
