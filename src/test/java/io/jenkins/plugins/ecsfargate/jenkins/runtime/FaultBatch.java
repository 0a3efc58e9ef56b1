package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Executor;
import hudson.model.Queue;
import hudson.slaves.NodeProvisioner.PlannedNode;
import io.jenkins.plugins.ecsfargate.emulator.AccountServices;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

/**
 * Drives one batch of agents through a cloud over the emulator, the way Jenkins would: builds wait for label
 * {@code ecs}, the cloud provisions an agent for each, every agent that comes online takes one build that runs for
 * {@link #BUILD} and is then retired (one-shot), and the clock runs until ECS and Jenkins are quiet. Keeps every
 * agent it demanded so that each can be accounted for afterwards, and the failures the engine's tracker reported.
 */
final class FaultBatch implements AutoCloseable {
    static final TestLabel LABEL = new TestLabel("ecs");
    static final Duration BUILD = Duration.ofMinutes(1);

    final EcsEmulatorExtension aws;
    final AccountServices account;
    final TemplatePlan template;
    RuntimeHarness cloud;
    final List<EcsAgent> agents = new ArrayList<>();
    final List<EcsAgent> lostAtRestart = new ArrayList<>();
    final List<Queue.WaitingItem> builds = new ArrayList<>();
    final List<TaskEvent> engineFailures = new CopyOnWriteArrayList<>();
    private final List<RuntimeHarness> closed = new ArrayList<>();
    private long restarts;

    FaultBatch(EcsEmulatorExtension aws, AccountServices account, TemplatePlan template) {
        this.aws = aws;
        this.account = account;
        this.template = template;
        this.cloud = harness(7);
    }

    private RuntimeHarness harness(long seed) {
        RuntimeHarness harness = new RuntimeHarness(aws, seed, template);
        harness.runtime.tracker().addListener(event -> {
            if (event.failure() != null) {
                engineFailures.add(event);
            }
        });
        return harness;
    }

    /** Queues {@code count} builds for the label and provisions an agent for each; returns the new agents. */
    List<EcsAgent> demand(int count) {
        for (int i = 0; i < count; i++) {
            Queue.WaitingItem build = TestTask.waiting("build-" + builds.size(), LABEL);
            builds.add(build);
            cloud.jenkins.queue.add(build);
        }
        return provision(count);
    }

    /** Asks the cloud for {@code count} agents for the builds already queued. */
    List<EcsAgent> provision(int count) {
        Collection<PlannedNode> planned = cloud.runtime.provision(LABEL, count);
        assertThat(planned).as("agents planned").hasSize(count);
        cloud.runFor(Duration.ZERO);
        List<EcsAgent> added = planned.stream().map(this::agentOf).toList();
        agents.addAll(added);
        return added;
    }

    private EcsAgent agentOf(PlannedNode planned) {
        try {
            planned.future.get(0, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("agent " + planned.displayName + " was not added", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        EcsAgent agent = cloud.jenkins.addedAgent(planned.displayName);
        if (agent == null) {
            throw new AssertionError("agent " + planned.displayName + " is not a node");
        }
        return agent;
    }

    /** Runs until each of {@code batch} connected or ended. */
    void settle(List<EcsAgent> batch, Duration limit) {
        cloud.runUntil(() -> batch.stream().allMatch(a -> a.status().settled().isDone()), limit);
    }

    /**
     * Every agent online takes a waiting build; after {@link #BUILD} the builds whose agent is still online complete
     * and their one-shot agents retire.
     */
    void buildAndRetire(List<EcsAgent> batch) {
        Map<EcsAgent, Executor> running = new LinkedHashMap<>();
        for (EcsAgent agent : batch) {
            EcsComputer computer = (EcsComputer) cloud.jenkins.computer(agent);
            if (computer == null || !online(agent)) {
                continue;
            }
            Executor executor = new Executor(computer, 0);
            Queue.Item build = cloud.jenkins.queue.remove(0);
            retention(agent).taskAccepted(executor, build.task);
            running.put(agent, executor);
        }
        cloud.runFor(BUILD);
        running.forEach((agent, executor) -> {
            if (online(agent) && cloud.jenkins.computer(agent) != null) {
                retention(agent).taskCompleted(executor, new TestTask("done", LABEL), BUILD.toMillis());
            }
        });
    }

    private static OneShotRetentionStrategy retention(EcsAgent agent) {
        return (OneShotRetentionStrategy) agent.getRetentionStrategy();
    }

    private static boolean online(EcsAgent agent) {
        return agent.status().connected() && agent.status().failureCause() == null;
    }

    /**
     * Runs until no task runs in ECS, Jenkins has no node left and the tracker has seen every stop, or fails after
     * {@code limit}.
     */
    void drain(Duration limit) {
        try {
            cloud.runUntil(
                    () -> aws.ecs().liveTasks().isEmpty()
                            && cloud.jenkins.nodes().isEmpty()
                            && cloud.runtime.tracker().trackedCount() == 0,
                    limit);
        } catch (AssertionError e) {
            throw new AssertionError(
                    "not quiet after " + limit + ": tasks "
                            + aws.ecs().liveTasks().stream()
                                    .map(t -> t.tags().get(OwnershipTags.AGENT) + " " + t.lastStatus())
                                    .toList()
                            + ", nodes " + cloud.jenkins.nodes().size() + ", tracked "
                            + cloud.runtime.tracker().trackedCount(),
                    e);
        }
    }

    /**
     * The controller dies: the runtime stops following its tasks and nothing it had scheduled runs any more. A new
     * runtime of the same controller starts with the nodes Jenkins had saved and the builds still queued, and
     * reconciles.
     */
    void restart() {
        RuntimeHarness old = cloud;
        old.close();
        closed.add(old);
        restarts++;
        cloud = harness(7 + restarts);
        old.jenkins.nodes().forEach(cloud.jenkins::addNode);
        cloud.jenkins.queue.addAll(old.jenkins.queue);
        cloud.runtime.reconcile();
        cloud.runFor(Duration.ZERO);
    }

    /** One pass of the periodic reconciliation. */
    void reconcile() {
        cloud.runtime.reconcile();
        cloud.runFor(Duration.ZERO);
    }

    /**
     * How each agent ended: {@code online} (connected and retired), {@code online, then <cause>} (connected, then its
     * task failed), {@code failed: <cause>} (never connected), by the cause the engine classified and the agent
     * recorded; {@code unaccounted} otherwise.
     */
    String outcome(EcsAgent agent) {
        if (lostAtRestart.contains(agent)) {
            List<EmulatedTask> tasks = tasksOf(agent);
            boolean reaped = cloud.jenkins.agent(agent.getNodeName()) == null
                    && !tasks.isEmpty()
                    && tasks.stream()
                            .allMatch(t -> "STOPPED".equals(t.lastStatus())
                                    && t.stoppedReason().contains("no longer wanted"));
            return reaped ? "lost at restart, task reaped" : "unaccounted";
        }
        boolean connected = agent.status().connected();
        LaunchFailure cause = agent.status().failureCause();
        if (cause == null) {
            return connected ? "online" : "unaccounted";
        }
        return (connected ? "online, then " : "failed: ") + cause.cause();
    }

    /** How many of the agents demanded ended each way. */
    Map<String, Long> outcomes() {
        return agents.stream().collect(Collectors.groupingBy(this::outcome, TreeMap::new, Collectors.counting()));
    }

    /** The task ECS ran for {@code agent}, found by the agent tag. */
    List<EmulatedTask> tasksOf(EcsAgent agent) {
        return aws.ecs().allTasks().stream()
                .filter(t -> agent.getNodeName().equals(t.tags().get(OwnershipTags.AGENT)))
                .toList();
    }

    /** ECS calls the emulator answered so far, every operation. */
    long ecsCalls() {
        return aws.stats().snapshot().entrySet().stream()
                .filter(e -> e.getKey().startsWith("ecs:"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Calls the emulator answered with {@code status} (0: connection dropped) for ECS operations. */
    long ecsCallsAnswered(int status) {
        return aws.stats().log().stream()
                .filter(c -> c.operationKey().startsWith("ecs:") && c.status() == status)
                .count();
    }

    /** The tasks of this controller's cloud that ECS lists as running or about to (the SDK's ListTasks). */
    List<String> listedTasks() {
        EcsClient ecs = aws.ecsClient();
        String startedBy =
                OwnershipTags.startedBy(new OwnershipTags.Owner(FakeJenkins.CONTROLLER, RuntimeHarness.CLOUD));
        List<String> listed = new ArrayList<>(
                ecs
                        .listTasksPaginator(r -> r.cluster("default").desiredStatus(DesiredStatus.RUNNING))
                        .taskArns()
                        .stream()
                        .toList());
        listed.addAll(ecs.listTasksPaginator(r -> r.cluster("default").startedBy(startedBy)).taskArns().stream()
                .toList());
        return listed;
    }

    @Override
    public void close() {
        cloud.close();
        closed.forEach(RuntimeHarness::close);
    }
}
