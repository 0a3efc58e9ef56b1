package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import hudson.model.Node;
import hudson.slaves.NodeProvisioner.PlannedNode;
import io.jenkins.plugins.ecsfargate.engine.call.LaunchFailureException;
import io.jenkins.plugins.ecsfargate.engine.call.TemplatePausedException;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentLaunch;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchedTask;
import io.jenkins.plugins.ecsfargate.engine.retry.CircuitBreaker;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plans agents and starts their tasks. Planning is atomic per cloud (caps are checked and the new agents counted
 * under one lock), and each planned agent is started at once on Jenkins' timer: its node is added (which makes its
 * inbound secret known), RunTask goes out, and the task ARN is saved on the node the moment RunTask answers.
 */
final class AgentLaunches {
    private static final Logger LOGGER = Logger.getLogger(AgentLaunches.class.getName());

    private final CloudRuntime cloud;
    private final JenkinsRuntime jenkins;
    private final AtomicInteger inFlight = new AtomicInteger();

    AgentLaunches(CloudRuntime cloud) {
        this.cloud = cloud;
        this.jenkins = cloud.jenkins();
    }

    Collection<PlannedNode> provision(Label label, int excessWorkload) {
        List<PlannedNode> planned = new ArrayList<>();
        int remaining = excessWorkload;
        for (TemplatePlan template : cloud.templates().matching(label)) {
            if (remaining <= 0) {
                break;
            }
            Optional<CircuitBreaker.Pause> pause;
            try {
                pause = cloud.engine().pauseOf(template.name());
            } catch (RuntimeException e) {
                LOGGER.log(
                        Level.WARNING,
                        e,
                        () -> "Cloud " + cloud.cloudName() + ", template " + template.name()
                                + ": the engine cannot be built from this configuration");
                continue;
            }
            if (pause.isPresent()) {
                LOGGER.log(Level.FINE, "Template {0} is paused: {1}", new Object[] {
                    template.name(), pause.get().describe()
                });
                continue;
            }
            for (EcsAgent agent : plan(template, CapacityMath.agentsFor(remaining, template.numExecutors()))) {
                planned.add(start(agent, template));
                remaining -= template.numExecutors();
            }
        }
        return planned;
    }

    private synchronized List<EcsAgent> plan(TemplatePlan template, int wanted) {
        int allowed = CapacityMath.allowed(
                wanted,
                template,
                cloud.usage(template.name()),
                cloud.usage(),
                cloud.setup().limits());
        if (allowed < wanted) {
            LOGGER.log(Level.FINE, "Template {0}: {1} of {2} agents fit under the caps", new Object[] {
                template.name(), allowed, wanted
            });
        }
        List<EcsAgent> agents = new ArrayList<>(allowed);
        for (int i = 0; i < allowed; i++) {
            String name = AgentNames.next(cloud.cloudName(), template.name(), cloud.random(), this::taken);
            EcsAgent agent = cloud.newAgent(name, template);
            cloud.agents().put(name, agent);
            agents.add(agent);
        }
        return agents;
    }

    private boolean taken(String name) {
        return cloud.agents().containsKey(name)
                || jenkins.nodes().stream().anyMatch(node -> name.equals(node.getNodeName()));
    }

    private PlannedNode start(EcsAgent agent, TemplatePlan template) {
        CompletableFuture<Node> node = new CompletableFuture<>();
        inFlight.incrementAndGet();
        cloud.scheduler().schedule(Duration.ZERO, () -> launch(agent, template, node));
        return new PlannedNode(agent.getNodeName(), node, template.numExecutors());
    }

    private void launch(EcsAgent agent, TemplatePlan template, CompletableFuture<Node> node) {
        CompletableFuture<LaunchedTask> task;
        try {
            jenkins.addNode(agent);
            // The node is Jenkins' already. The provisioner adds whatever node this future yields at its next tick,
            // which may come after a one-shot agent ran its build and was removed: yielding none keeps it from
            // bringing a retired agent back as a node without a task.
            node.complete(null);
            String secret = jenkins.agentSecret(agent.getNodeName());
            agent.status().line(Messages.format("AgentLaunches.requesting", template.name()));
            task = cloud.engine()
                    .launch(new AgentLaunch(
                            template.name(),
                            agent.getNodeName(),
                            secret,
                            template.spec(),
                            template.overrides(),
                            template.launch(),
                            cloud.setup().connection(template)));
        } catch (IOException | RuntimeException e) {
            node.completeExceptionally(e);
            task = CompletableFuture.failedFuture(e);
        }
        task.whenComplete((launched, error) -> {
            try {
                if (error == null) {
                    started(agent, template, launched);
                } else {
                    failed(agent, template, error);
                }
            } finally {
                inFlight.decrementAndGet();
                cloud.launchFinished();
            }
        });
    }

    /** Launches started and not yet answered; a replaced runtime keeps its engines until none is left. */
    int inFlight() {
        return inFlight.get();
    }

    /**
     * RunTask answered. The agent's runtime now may be a newer one (the cloud was reconfigured meanwhile): that one
     * follows the task.
     */
    private void started(EcsAgent agent, TemplatePlan template, LaunchedTask launched) {
        String stopReason = agent.taskStarted(
                launched.clusterArn(),
                launched.taskArn(),
                LogsLink.of(template.spec().agent(), launched.taskArn()));
        agent.status().phase(TaskPhase.REQUESTED, launched.requestedAt(), launched.lastStatus());
        agent.status().line(Messages.format("AgentLaunches.started", launched.taskArn(), launched.capacityProvider()));
        CloudRuntime owner = agent.runtime();
        owner.tracker().track(agent.handle(), launched.requestedAt(), template.timeouts());
        if (stopReason != null) {
            owner.tracker().stop(agent.handle(), stopReason);
            return;
        }
        try {
            jenkins.updateNode(agent);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, e, () -> "Could not save the task ARN of agent " + agent.getNodeName());
        }
    }

    private void failed(EcsAgent agent, TemplatePlan template, Throwable error) {
        CloudRuntime owner = agent.runtime();
        LaunchFailure failure = LaunchFailureException.unwrap(error);
        if (failure == null) {
            LOGGER.log(Level.WARNING, error, () -> "Agent " + agent.getNodeName() + " could not be started");
            agent.status().stopped(Messages.format("AgentLaunches.notStarted", error), true);
        } else {
            agent.status().failed(failure, failure.describe());
            if (!(unwrapPause(error))) {
                owner.failures().failed(template.name(), agent.getNodeName(), failure);
            }
        }
        owner.removeNode(agent);
    }

    private static boolean unwrapPause(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof TemplatePausedException) {
                return true;
            }
        }
        return false;
    }
}
