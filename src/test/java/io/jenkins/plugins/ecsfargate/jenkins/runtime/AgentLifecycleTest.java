package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Executor;
import hudson.slaves.NodeProvisioner.PlannedNode;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.emulator.Fault;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.tracking.ReapReport;
import io.jenkins.plugins.ecsfargate.engine.tracking.Reaper;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskHandle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole life of an agent against the emulator: provision, RunTask at once, the agent in the task connects with
 * the secret Jenkins expects, the build runs, and every way the agent ends leaves no task running.
 */
class AgentLifecycleTest {
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

    private EcsAgent provisionOne() {
        Collection<PlannedNode> planned = cloud.runtime.provision(ecs, 1);
        assertThat(planned).hasSize(1);
        String name = planned.iterator().next().displayName;
        cloud.runUntil(
                () -> cloud.jenkins.agent(name) != null
                        && cloud.jenkins.agent(name).getTaskArn() != null,
                Duration.ofSeconds(30));
        return cloud.jenkins.agent(name);
    }

    private EcsAgent connectedAgent() {
        return cloud.awaitConnected(provisionOne().getNodeName());
    }

    @Test
    void runTaskGoesOutWithoutWaitingForAProvisioningTick() throws Exception {
        Collection<PlannedNode> planned = cloud.runtime.provision(ecs, 1);
        String name = planned.iterator().next().displayName;

        cloud.runFor(Duration.ofSeconds(1));

        assertThat(cloud.calls("RunTask")).isEqualTo(1);
        EmulatedTask task = cloud.liveTasks().get(0);
        assertThat(task.env("JENKINS_AGENT_NAME")).contains(name);
        assertThat(task.env("JENKINS_SECRET")).contains(FakeJenkins.secretOf(name));
        assertThat(task.tags()).containsEntry("ecs-fargate:agent", name);
        EcsAgent agent = cloud.jenkins.agent(name);
        assertThat(agent.getTaskArn()).isEqualTo(task.taskArn());
        assertThat(cloud.jenkins.saved)
                .as("task ARN saved when RunTask answered")
                .containsSubsequence(name, name);
        assertThat(planned.iterator().next().future.get())
                .as("no node for Jenkins' provisioner to add again: the agent is added already")
                .isNull();
    }

    @Test
    void provisionConnectBuildStopLeavesNoTaskRunning() {
        EcsAgent agent = connectedAgent();
        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);
        OneShotRetentionStrategy retention = (OneShotRetentionStrategy) agent.getRetentionStrategy();
        Executor executor = new Executor(computer, 0);
        TestTask build = new TestTask("build", ecs);

        retention.taskAccepted(executor, build);
        assertThat(retention.isAcceptingTasks(computer)).isFalse();
        retention.taskCompleted(executor, build, 1000);
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));

        assertThat(cloud.jenkins.nodes()).isEmpty();
        assertThat(cloud.calls("StopTask")).isEqualTo(1);
        assertThat(aws.ecs().allTasks().get(0).stoppedReason()).isEqualTo(OneShotRetentionStrategy.REASON);
        assertThat(cloud.refusedAgents).isEmpty();
        assertThat(cloud.runtime.usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void theAgentLogAndPageShowEachPhaseWithItsTiming() {
        EcsAgent agent = connectedAgent();
        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        new EcsInboundLauncher().launch(computer, () -> new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("Task " + agent.getTaskArn())
                .contains("RUNNING after")
                .contains("CONNECTED after");
        assertThat(computer.getPhaseTimings())
                .extracting(EcsComputer.PhaseTiming::getPhase)
                .containsSubsequence("REQUESTED", "RUNNING", "CONNECTED");
        assertThat(computer.getTaskArn()).isEqualTo(agent.getTaskArn());
        assertThat(computer.getCluster()).endsWith("cluster/default");
        assertThat(computer.getTaskStatus()).isEqualTo("RUNNING");
    }

    @Test
    void anAgentConnectingBeforeEcsSaidRunningShowsTheTaskRunningWithinSeconds() {
        cloud.agentsConnect = false;
        EcsAgent agent = provisionOne();
        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);
        cloud.runUntil(() -> computer.getTaskStatus() != null, Duration.ofSeconds(30));
        assertThat(computer.getTaskStatus()).isNotEqualTo("RUNNING");

        new EcsComputerListener().onOnline(computer, hudson.model.TaskListener.NULL);
        cloud.runUntil(
                () -> "RUNNING"
                        .equals(aws.ecs().task(agent.getTaskArn()).orElseThrow().lastStatus()),
                Duration.ofMinutes(3));
        cloud.runFor(Duration.ofSeconds(10));

        assertThat(computer.getTaskStatus()).isEqualTo("RUNNING");
        assertThat(computer.getPhaseTimings())
                .extracting(EcsComputer.PhaseTiming::getPhase)
                .containsSubsequence("REQUESTED", "RUNNING", "CONNECTED");
    }

    @Test
    void aTaskThatStopsOnItsOwnTakesItsNodeOfflineWithTheStopCode() {
        EcsAgent agent = connectedAgent();
        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);

        aws.ecs().interruptSpot(agent.getTaskArn());
        cloud.runUntil(() -> computer.getOfflineCause() != null, Duration.ofMinutes(1));

        assertThat(computer.getOfflineCause()).isInstanceOf(TaskStoppedCause.class);
        assertThat(((TaskStoppedCause) computer.getOfflineCause()).getStopCode())
                .isEqualTo("SpotInterruption");
        assertThat(computer.getStopReason()).contains("SpotInterruption");
        cloud.runFor(TaskEvents.FAILED_NODE_GRACE.plusSeconds(1));
        assertThat(cloud.jenkins.nodes()).isEmpty();
        assertThat(cloud.liveTasks()).isEmpty();
        assertThat(cloud.calls("StopTask")).isZero();
    }

    @Test
    void anAgentRemovedInJenkinsHasItsTaskStopped() throws Exception {
        EcsAgent agent = connectedAgent();

        cloud.jenkins.terminate(agent);
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));

        assertThat(aws.ecs().allTasks().get(0).stoppedReason()).isEqualTo(EcsAgent.TERMINATED_BY_JENKINS);
        assertThat(cloud.jenkins.nodes()).isEmpty();
    }

    @Test
    void anAgentRetiredBeforeRunTaskAnsweredIsStoppedOnceItsTaskIsKnown() throws Exception {
        aws.faults().onCall("ecs:RunTask", 1, Fault.throttling());
        Collection<PlannedNode> planned = cloud.runtime.provision(ecs, 1);
        String name = planned.iterator().next().displayName;
        cloud.runFor(Duration.ZERO);
        EcsAgent agent = cloud.jenkins.agent(name);
        assertThat(agent.getTaskArn()).as("RunTask still in flight").isNull();

        cloud.jenkins.terminate(agent);
        cloud.runUntil(() -> agent.getTaskArn() != null && cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));

        assertThat(cloud.calls("StopTask")).isEqualTo(1);
        assertThat(cloud.jenkins.nodes()).isEmpty();
    }

    @Test
    void anAgentThatNeverConnectsIsStoppedAtTheConnectTimeout() {
        cloud.agentsConnect = false;
        EcsAgent agent = provisionOne();
        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);

        cloud.runUntil(() -> computer.getOfflineCause() != null, Duration.ofMinutes(5));
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));

        assertThat(agent.status().failure()).contains("CONNECT");
        assertThat(agent.status().failureCause().cause()).isEqualTo(FailureCause.CONNECT_TIMED_OUT);
        assertThat(agent.status().settled()).isDone();
        cloud.runFor(TaskEvents.FAILED_NODE_GRACE);
        assertThat(cloud.jenkins.nodes()).isEmpty();
    }

    @Test
    void idleAgentsAreKeptForTheirIdleMinutesThenStopped() {
        cloud.templates.set(0, RuntimeHarness.template("jenkins-agent", "ecs", 0, 2));
        EcsAgent agent = connectedAgent();
        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);
        IdleRetentionStrategy retention = (IdleRetentionStrategy) agent.getRetentionStrategy();

        cloud.runFor(Duration.ofMinutes(1));
        retention.check(computer);
        cloud.runFor(Duration.ofSeconds(1));
        assertThat(cloud.calls("StopTask")).isZero();

        cloud.runFor(Duration.ofMinutes(1).plusSeconds(1));
        retention.check(computer);
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));

        assertThat(aws.ecs().allTasks().get(0).stoppedReason()).contains("idle for more than 2 minutes");
        assertThat(cloud.jenkins.nodes()).isEmpty();
    }

    @Test
    void aOneShotAgentWhoseBuildWentAwayIsStoppedAMinuteAfterItConnected() {
        EcsAgent agent = connectedAgent();
        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);
        OneShotRetentionStrategy retention = (OneShotRetentionStrategy) agent.getRetentionStrategy();

        cloud.runFor(Duration.ofSeconds(30));
        retention.check(computer);
        cloud.runFor(Duration.ofSeconds(1));
        assertThat(cloud.calls("StopTask")).isZero();
        assertThat(retention.isAcceptingTasks(computer)).isTrue();

        cloud.runFor(Duration.ofSeconds(31));
        retention.check(computer);
        assertThat(retention.isAcceptingTasks(computer)).isFalse();
        cloud.runUntil(() -> cloud.liveTasks().isEmpty(), Duration.ofMinutes(3));

        assertThat(aws.ecs().allTasks().get(0).stoppedReason()).contains("got no build within 1 minute");
        assertThat(cloud.jenkins.nodes()).isEmpty();
    }

    @Test
    void aOneShotAgentKeepsItsBuildHoweverLongItTakes() {
        EcsAgent agent = connectedAgent();
        EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);
        OneShotRetentionStrategy retention = (OneShotRetentionStrategy) agent.getRetentionStrategy();
        retention.taskAccepted(new Executor(computer, 0), new TestTask("build", ecs));

        cloud.runFor(Duration.ofMinutes(5));
        retention.check(computer);
        cloud.runFor(Duration.ofSeconds(1));

        assertThat(cloud.calls("StopTask")).isZero();
        assertThat(cloud.liveTasks()).hasSize(1);
    }

    @Test
    void aRestartedCloudFollowsItsAgentsAgainAndRemovesThoseWithoutTask() throws Exception {
        EcsAgent agent = connectedAgent();
        EcsAgent neverStarted = cloud.runtime.newAgent("ecs-cloud-jenkins-agent-zzzzz", cloud.templates.get(0));
        cloud.jenkins.addNode(neverStarted);
        cloud.runtime.close();

        try (RuntimeHarness restarted = new RuntimeHarness(aws, RuntimeHarness.template("jenkins-agent", "ecs"))) {
            cloud.jenkins.nodes().forEach(restarted.jenkins::addNode);
            restarted.runtime.reconcile();

            assertThat(restarted.jenkins.agent(neverStarted.getNodeName())).isNull();
            assertThat(restarted.runtime.usage().agents()).isEqualTo(1);
            aws.ecs().stopTask(agent.getTaskArn(), "UserInitiated", "stopped in the console");
            restarted.runUntil(() -> restarted.jenkins.nodes().isEmpty(), Duration.ofMinutes(5));
        }
    }

    @Test
    void reconciliationStopsTasksNoAgentWantsAndSparesLaunchesInFlight() {
        EcsAgent orphan = connectedAgent();
        cloud.runtime.close();

        try (RuntimeHarness restarted = new RuntimeHarness(aws, 8, RuntimeHarness.template("jenkins-agent", "ecs"))) {
            restarted.runtime.provision(ecs, 1);
            restarted.runFor(Duration.ofSeconds(1));
            restarted.runFor(Reaper.DEFAULT_GRACE);
            restarted.runtime.provision(ecs, 1);
            restarted.runFor(Duration.ofSeconds(1));

            CompletableFuture<ReapReport> pass = restarted.runtime.reconcile();
            restarted.runUntil(pass::isDone, Duration.ofMinutes(1));
            ReapReport report = pass.join();
            restarted.runUntil(
                    () -> aws.ecs()
                            .task(orphan.getTaskArn())
                            .orElseThrow()
                            .lastStatus()
                            .equals("STOPPED"),
                    Duration.ofMinutes(3));

            assertThat(report.stopped()).extracting(TaskHandle::taskArn).containsExactly(orphan.getTaskArn());
            assertThat(restarted.liveTasks()).hasSize(2);
        }
    }
}
