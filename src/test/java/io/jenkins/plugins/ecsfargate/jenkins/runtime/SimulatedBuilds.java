package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Computer;
import hudson.model.Executor;
import hudson.model.ExecutorListener;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.slaves.NodeProvisioner.PlannedNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Jenkins' side of a simulated run, on the cloud's scheduler: builds wait in the queue for one label, the
 * provisioner asks the cloud at once for what the queue needs beyond the agents available or on their way (as
 * {@link EcsProvisioningStrategy} does), a connected agent takes the oldest waiting build, and the build ends after
 * its duration, which retires a one-shot agent. A build whose queue item the cloud cancels counts as failed.
 */
final class SimulatedBuilds {
    /** How often the simulated Jenkins looks for connected agents and reviews the demand. */
    static final Duration TICK = Duration.ofMillis(250);

    /** One build and what happened to it. */
    static final class Build {
        final String name;
        final Instant queuedAt;
        final Duration duration;
        final Queue.WaitingItem item;
        String agent;
        Instant startedAt;
        Instant finishedAt;
        boolean cancelled;

        Build(String name, Label label, Instant queuedAt, Duration duration) {
            this.name = name;
            this.queuedAt = queuedAt;
            this.duration = duration;
            this.item = TestTask.waiting(name, label);
        }
    }

    private final RuntimeHarness cloud;
    private final Label label;
    private final Deque<Build> waiting = new ArrayDeque<>();
    private final List<Build> builds = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private final Map<String, EcsAgent> agents = new LinkedHashMap<>();
    private boolean ticking;

    SimulatedBuilds(RuntimeHarness cloud, String label) {
        this.cloud = cloud;
        this.label = new TestLabel(label);
    }

    /** Queues a build now and has the provisioner look at the queue at once (Jenkins' queue listener does). */
    Build queue(String name, Duration duration) {
        Build build = enqueue(name, duration);
        reviewAndTick();
        return build;
    }

    /** Queues {@code count} builds at the same moment, then reviews once: one demand for all of them. */
    void queueAll(String prefix, int count, Duration duration) {
        for (int i = 1; i <= count; i++) {
            enqueue(prefix + i, duration);
        }
        reviewAndTick();
    }

    private Build enqueue(String name, Duration duration) {
        Build build = new Build(name, label, cloud.aws.clock().instant(), duration);
        waiting.add(build);
        builds.add(build);
        cloud.jenkins.queue.add(build.item);
        return build;
    }

    private void reviewAndTick() {
        review();
        if (!ticking) {
            ticking = true;
            cloud.scheduler.schedule(TICK, this::tick);
        }
    }

    List<Build> builds() {
        return List.copyOf(builds);
    }

    /** Every agent the cloud planned for these builds, in planning order, including those already removed. */
    Collection<EcsAgent> agents() {
        return List.copyOf(agents.values());
    }

    boolean allFinished() {
        return builds.stream().allMatch(b -> b.finishedAt != null || b.cancelled);
    }

    /** Builds waiting for an agent right now. */
    int waiting() {
        return waiting.size();
    }

    private void tick() {
        dispatch();
        review();
        if (allFinished()) {
            ticking = false;
        } else {
            cloud.scheduler.schedule(TICK, this::tick);
        }
    }

    private void review() {
        dropCancelled();
        int idle = (int) cloud.jenkins.agents().stream().filter(this::idle).count();
        int excess =
                new ProvisioningDemand(waiting.size(), idle, 0, 0, cloud.runtime.startingExecutors(label)).excess();
        for (PlannedNode planned : cloud.runtime.provision(label, excess)) {
            if (planned.future instanceof CompletableFuture<Node> node) {
                node.thenRun(() -> agents.put(planned.displayName, cloud.jenkins.addedAgent(planned.displayName)));
            }
        }
    }

    private void dispatch() {
        dropCancelled();
        for (EcsAgent agent : cloud.jenkins.agents()) {
            if (waiting.isEmpty()) {
                return;
            }
            if (idle(agent)) {
                start(waiting.poll(), agent);
            }
        }
    }

    private boolean idle(EcsAgent agent) {
        return !used.contains(agent.getNodeName())
                && agent.status().connected()
                && agent.status().stopReason() == null;
    }

    private void dropCancelled() {
        waiting.removeIf(build -> {
            build.cancelled = cloud.jenkins.cancelled.contains(build.item);
            return build.cancelled;
        });
    }

    private void start(Build build, EcsAgent agent) {
        used.add(agent.getNodeName());
        agents.putIfAbsent(agent.getNodeName(), agent);
        cloud.jenkins.queue.remove(build.item);
        Computer computer = cloud.jenkins.computer(agent);
        Executor executor = new Executor(computer, 0);
        ExecutorListener listener = (ExecutorListener) agent.getRetentionStrategy();
        Queue.Task task = build.item.task;
        build.agent = agent.getNodeName();
        build.startedAt = cloud.aws.clock().instant();
        listener.taskAccepted(executor, task);
        cloud.scheduler.schedule(build.duration, () -> {
            build.finishedAt = cloud.aws.clock().instant();
            listener.taskCompleted(executor, task, build.duration.toMillis());
        });
    }
}
