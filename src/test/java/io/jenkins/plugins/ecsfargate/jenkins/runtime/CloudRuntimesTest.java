package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Executor;
import hudson.slaves.NodeProvisioner.PlannedNode;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.TaskFault;
import io.jenkins.plugins.ecsfargate.jenkins.EcsAgentTemplate;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Saving the clouds page builds new cloud objects: the registry keeps one runtime per cloud name, hands a changed
 * cloud's agents, launches and stops to its new runtime without stopping a task, and closes what is left over.
 */
class CloudRuntimesTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private final TestLabel ecs = new TestLabel("ecs");
    private RuntimeHarness cloud;

    @BeforeEach
    void setUp() {
        cloud = new RuntimeHarness(aws, RuntimeHarness.template("jenkins-agent", "ecs"));
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    private EcsAgent connectedAgent(CloudRuntime runtime) {
        return cloud.connectedAgent(runtime, ecs);
    }

    private void changeTheTemplates() {
        cloud.templates.add(RuntimeHarness.template("other", "other"));
    }

    @Test
    void aFailedAgentStillShownIsNotFollowedAgainBySaveOrReconciliation() {
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger reports = Logger.getLogger(FailureReports.class.getName());
        reports.addHandler(capture);
        try {
            failedAgentIsShownOnce(warnings);
        } finally {
            reports.removeHandler(capture);
        }
    }

    private void failedAgentIsShownOnce(List<String> warnings) {
        aws.ecs().taskFaults().next(TaskFault.cannotPullContainer());
        Collection<PlannedNode> planned = cloud.runtime.provision(ecs, 1);
        String name = planned.iterator().next().displayName;
        cloud.runUntil(
                () -> cloud.jenkins.agent(name) != null
                        && cloud.jenkins.agent(name).status().stopReason() != null,
                Duration.ofMinutes(3));
        EcsAgent failed = cloud.jenkins.agent(name);
        String arn = failed.getTaskArn();

        changeTheTemplates();
        CloudRuntime saved = cloud.save();
        saved.adopt();
        cloud.runFor(Duration.ofSeconds(30));

        assertThat(saved.tracker().isTracking(arn)).isFalse();
        assertThat(saved.agents()).doesNotContainKey(name);
        assertThat(warnings.stream().filter(w -> w.contains(name)))
                .as("the one failure, reported once")
                .hasSize(1);
        cloud.runFor(TaskEvents.FAILED_NODE_GRACE);
        assertThat(cloud.jenkins.agent(name))
                .as("removed after its grace all the same")
                .isNull();
    }

    @Test
    void aSaveThatChangesNothingKeepsTheRuntime() {
        connectedAgent(cloud.runtime);

        assertThat(cloud.save()).isSameAs(cloud.runtime);
        assertThat(cloud.runtime.isCurrent()).isTrue();
    }

    @Test
    void aLaunchInFlightDuringASaveFinishesAndItsAgentBelongsToTheNewRuntime() {
        Collection<PlannedNode> planned = cloud.runtime.provision(ecs, 1);
        String name = planned.iterator().next().displayName;

        changeTheTemplates();
        CloudRuntime saved = cloud.save();

        assertThat(saved).isNotSameAs(cloud.runtime);
        assertThat(cloud.runtime.isCurrent()).isFalse();
        assertThat(cloud.runtime.isClosed()).as("a launch is still in flight").isFalse();
        assertThat(saved.usage().agents())
                .as("the planned agent counts against the new runtime's caps")
                .isEqualTo(1);

        EcsAgent agent = cloud.awaitConnected(name);

        assertThat(agent.runtime()).isSameAs(saved);
        assertThat(saved.tracker().isTracking(agent.getTaskArn())).isTrue();
        assertThat(cloud.runtime.isClosed())
                .as("closed once its last launch finished")
                .isTrue();
        assertThat(cloud.runtime.isFinished()).isTrue();
        assertThat(cloud.calls("RunTask")).isEqualTo(1);
        assertThat(cloud.calls("StopTask")).isZero();

        finishTheBuild(agent);
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));
        assertThat(cloud.jenkins.nodes()).isEmpty();
        assertThat(saved.usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void aSaveHandsRunningAgentsOverWithoutStoppingTheirTasks() {
        EcsAgent agent = connectedAgent(cloud.runtime);

        changeTheTemplates();
        CloudRuntime saved = cloud.save();

        assertThat(cloud.runtime.isClosed()).isTrue();
        assertThat(agent.runtime()).isSameAs(saved);
        cloud.runFor(Duration.ofMinutes(10));
        assertThat(cloud.liveTasks()).hasSize(1);
        assertThat(cloud.jenkins.nodes()).containsExactly(agent);
        assertThat(cloud.calls("StopTask")).isZero();

        aws.ecs().stopTask(agent.getTaskArn(), "SpotInterruption", "Your Spot Task was interrupted.");
        cloud.runUntil(() -> cloud.jenkins.nodes().isEmpty(), Duration.ofMinutes(5));
        assertThat(agent.status().stopReason()).contains("Spot Task was interrupted");
    }

    @Test
    void aStopNotYetConfirmedWhenTheCloudIsSavedIsCarriedOnByTheNewRuntime() {
        EcsAgent agent = connectedAgent(cloud.runtime);
        cloud.runtime.agentRetired(agent, "ecs-fargate: retired for the test");

        changeTheTemplates();
        CloudRuntime saved = cloud.save();

        assertThat(saved.tracker().isTracking(agent.getTaskArn())).isTrue();
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));
        assertThat(aws.ecs().allTasks().get(0).stoppedReason()).isEqualTo("ecs-fargate: retired for the test");
        cloud.runUntil(() -> saved.tracker().trackedCount() == 0, Duration.ofMinutes(1));
    }

    @Test
    void theRuntimeOfARemovedCloudRetiresItsIdleAgentsAndIsClosedByTheReconciliation() {
        EcsAgent agent = connectedAgent(cloud.runtime);

        Reconciliation.run(cloud.jenkins);

        assertThat(cloud.runtime.isCurrent()).isFalse();
        assertThat(cloud.runtime.canProvision(ecs)).isFalse();
        assertThat(cloud.runtime.provision(ecs, 1)).isEmpty();
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));
        assertThat(aws.ecs().allTasks().get(0).stoppedReason()).isEqualTo(CloudRuntimes.CLOUD_REMOVED);
        assertThat(cloud.jenkins.nodes()).doesNotContain(agent);
        cloud.runUntil(() -> cloud.runtime.isFinished(), Duration.ofMinutes(1));

        Reconciliation.run(cloud.jenkins);

        assertThat(cloud.runtime.isClosed()).isTrue();
        assertThat(cloud.jenkins.cloudRuntimes().retiring()).isEmpty();
        assertThat(cloud.jenkins.cloudRuntimes().current(RuntimeHarness.CLOUD)).isNull();
    }

    @Test
    void aRemovedCloudThatComesBackTakesItsAgentsBack() {
        EcsAgent agent = connectedAgent(cloud.runtime);
        cloud.runtime.agentRetired(agent, "keeps the retiring runtime busy");
        cloud.jenkins.cloudRuntimes().retainOnly(List.of());

        CloudRuntime back = cloud.save();

        assertThat(back).isNotSameAs(cloud.runtime);
        assertThat(cloud.jenkins.cloudRuntimes().retiring()).isEmpty();
        assertThat(back.tracker().isTracking(agent.getTaskArn())).isTrue();
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));
    }

    @Test
    void cloudObjectsOfOneNameShareTheRuntimeUntilTheSetupChangesAndAStaleObjectNeverTakesItBack() {
        FakeJenkins jenkins = new FakeJenkins((delay, task) -> task.run());
        EcsCloud first = ecsCloud(2048);
        jenkins.clouds.add(first);
        CloudRuntime runtime = first.runtime(jenkins);

        EcsCloud same = ecsCloud(2048);
        jenkins.clouds.set(0, same);
        assertThat(same.runtime(jenkins)).isSameAs(runtime);

        EcsCloud changed = ecsCloud(4096);
        jenkins.clouds.set(0, changed);
        CloudRuntime next = changed.runtime(jenkins);
        assertThat(next).isNotSameAs(runtime);
        assertThat(runtime.isCurrent()).isFalse();
        assertThat(runtime.isClosed()).isTrue();

        assertThat(first.runtime(jenkins)).isSameAs(next);
        assertThat(jenkins.cloudRuntimes().current(RuntimeHarness.CLOUD)).isSameAs(next);
        next.close();
    }

    private static EcsCloud ecsCloud(int memory) {
        EcsAgentTemplate template = new EcsAgentTemplate("jenkins-agent");
        template.setLabelString("ecs");
        template.setCpu(1024);
        template.setMemory(memory);
        template.setSubnets("subnet-0a1b2c3d");
        EcsCloud cloud = new EcsCloud(RuntimeHarness.CLOUD);
        cloud.setRegion("us-east-1");
        cloud.setCluster("default");
        cloud.setJenkinsUrl("https://ci.example.com/");
        cloud.setTemplates(List.of(template));
        return cloud;
    }

    private void finishTheBuild(EcsAgent agent) {
        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);
        OneShotRetentionStrategy retention = (OneShotRetentionStrategy) agent.getRetentionStrategy();
        Executor executor = new Executor(computer, 0);
        TestTask build = new TestTask("build", ecs);
        retention.taskAccepted(executor, build);
        retention.taskCompleted(executor, build, 1000);
    }
}
