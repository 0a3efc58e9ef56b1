package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Computer;
import hudson.model.Descriptor;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.slaves.NodeProvisioner.PlannedNode;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import io.jenkins.plugins.ecsfargate.engine.tracking.ReapReport;
import io.jenkins.plugins.ecsfargate.engine.tracking.ReapRequest;
import io.jenkins.plugins.ecsfargate.engine.tracking.Reaper;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskHandle;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskState;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskTimeouts;
import io.jenkins.plugins.ecsfargate.engine.tracking.TaskTracker;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Everything one cloud does at run time: it plans agents under the caps, starts their tasks at once, follows them
 * through the cloud's one task tracker, and retires them. Built from the cloud's configuration on first use and
 * never persisted; a restarted or reconfigured cloud adopts the agents Jenkins still has.
 *
 * <p>Every agent of the cloud is in {@link #agents} from the moment it is planned until its node is removed, so the
 * caps and the provisioning strategy count agents that are planned, starting and running alike.
 */
public final class CloudRuntime implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(CloudRuntime.class.getName());

    private final CloudSetup setup;
    private final JenkinsRuntime jenkins;
    private final Scheduler scheduler;
    private final Clock clock;
    private final RandomGenerator random;
    private FargateEngine engine;
    private TaskTracker tracker;
    private volatile boolean adopted;
    private final Templates templates;
    private final FailureReports failures;
    private final AgentLaunches launches;
    private final TaskEvents events;
    private final Map<String, EcsAgent> agents = new ConcurrentHashMap<>();
    private final Object fingerprint;
    private volatile CloudRuntime successor;
    private volatile boolean retiring;
    private boolean closed;

    public CloudRuntime(
            CloudSetup setup, JenkinsRuntime jenkins, Scheduler scheduler, Clock clock, RandomGenerator random) {
        this.setup = setup;
        this.jenkins = jenkins;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.templates = new Templates(setup, jenkins);
        this.failures = new FailureReports(this);
        this.launches = new AgentLaunches(this);
        this.events = new TaskEvents(this);
        this.fingerprint = setup.fingerprint();
    }

    public String cloudName() {
        return setup.cloudName();
    }

    public Clock clock() {
        return clock;
    }

    /** Whether some template of this cloud serves {@code label} (null: builds that ask for no label). */
    public boolean canProvision(Label label) {
        CloudRuntime next = successor;
        if (next != null) {
            return next.canProvision(label);
        }
        return !retiring && !templates.matching(label).isEmpty();
    }

    /** Plans agents for {@code excessWorkload} executors of {@code label} under the caps and starts them now. */
    public Collection<PlannedNode> provision(Label label, int excessWorkload) {
        CloudRuntime next = successor;
        if (next != null) {
            return next.provision(label, excessWorkload);
        }
        if (excessWorkload <= 0 || !canProvision(label)) {
            return List.of();
        }
        if (!adopted) {
            adopt();
        }
        return launches.provision(label, excessWorkload);
    }

    /** Executors of this cloud's agents for {@code label} that are planned or starting but not connected yet. */
    public int startingExecutors(Label label) {
        int executors = 0;
        for (EcsAgent agent : agents.values()) {
            if (!agent.status().settled().isDone() && templates.serves(agent.getTemplateName(), label)) {
                executors += agent.getNumExecutors();
            }
        }
        return executors;
    }

    /**
     * Why {@code item} cannot run because of this cloud (its only templates failed fatally), or null; see
     * {@link FailureReports#blockage}.
     */
    public TemplateFailureBlockage blockage(Queue.Item item) {
        return isCurrent() ? failures.blockage(item) : null;
    }

    /** Agents and vCPU of the whole cloud, counting planned and starting agents. */
    public Usage usage() {
        return usageOf(null);
    }

    /** Agents and vCPU of one template, counting planned and starting agents. */
    public Usage usage(String template) {
        return usageOf(template);
    }

    private Usage usageOf(String template) {
        Usage usage = Usage.NONE;
        for (EcsAgent agent : agents.values()) {
            if (template == null || template.equals(agent.getTemplateName())) {
                usage = usage.plus(agent.vcpus());
            }
        }
        return usage;
    }

    /** The agent connected to Jenkins: its connect timeout ends and its template is known to work. */
    public void agentConnected(EcsAgent agent) {
        agent.status().connected(clock.instant());
        if (agent.handle() != null) {
            tracker().connected(agent.handle());
        }
        templates.find(agent.getTemplateName()).ifPresent(t -> engine().reportStarted(t.name()));
        failures.recovered(agent.getTemplateName());
    }

    /** Retires an agent on Jenkins' timer: Jenkins disconnects it, we stop its task, Jenkins removes the node. */
    public void retire(EcsAgent agent, String reason) {
        agent.retireWith(reason);
        scheduler.schedule(Duration.ZERO, () -> {
            try {
                jenkins.terminate(agent);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, e, () -> "Could not retire agent " + agent.getNodeName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Called from the agent's {@code _terminate}: stops its task with {@code reason} and forgets the agent. */
    void agentRetired(EcsAgent agent, String reason) {
        agents.remove(agent.getNodeName(), agent);
        agent.status().line(Messages.format("CloudRuntime.retired", reason));
        if (!agent.stopOnceStarted(reason)) {
            tracker().stop(agent.handle(), reason);
        }
    }

    /**
     * Takes in the agents of this cloud that Jenkins has (after a restart or a reconfiguration) and follows their
     * tasks again. Agents whose RunTask never answered before the restart are removed: the reaper stops their task
     * if ECS started one after all.
     */
    public void adopt() {
        adopted = true;
        for (Node node : jenkins.nodes()) {
            if (node instanceof EcsAgent agent && cloudName().equals(agent.getCloudName())) {
                adopt(agent);
            }
        }
    }

    private void adopt(EcsAgent agent) {
        if (agents.get(agent.getNodeName()) == agent) {
            return;
        }
        if (agent.status().stopReason() != null) {
            // Taken down already, its node kept a while to show why: following its stopped task again would report
            // the same failure twice and count it twice against the template.
            return;
        }
        if (agent.handle() == null) {
            LOGGER.log(Level.INFO, "Agent {0} has no ECS task on record; removing it", agent.getNodeName());
            removeNode(agent);
            return;
        }
        agent.attach(this);
        agents.put(agent.getNodeName(), agent);
        if (!tracker().isTracking(agent.getTaskArn())) {
            tracker().track(agent.handle(), clock.instant(), timeoutsOf(agent));
            Computer computer = jenkins.computer(agent);
            if (computer != null && computer.isOnline()) {
                agentConnected(agent);
            }
        }
    }

    /**
     * One reconciliation pass: agents Jenkins has are adopted and their tasks followed; agents that never got a
     * task are removed; the engine's reaper stops tasks of this cloud that no agent wants (sparing launches in
     * flight) and reports agents whose task is gone, whose nodes are then taken down.
     */
    public CompletableFuture<ReapReport> reconcile() {
        if (!isCurrent()) {
            return CompletableFuture.completedFuture(ReapReport.NONE);
        }
        adopt();
        if (setup.templates().isEmpty()) {
            return CompletableFuture.completedFuture(ReapReport.NONE);
        }
        List<TaskHandle> known = agents.values().stream()
                .map(EcsAgent::handle)
                .filter(Objects::nonNull)
                .toList();
        ReapRequest request = new ReapRequest(setup.cluster(), engine().config().owner(), agents::containsKey, known);
        return tracker().reaper(Reaper.DEFAULT_GRACE).reap(request).whenComplete((report, error) -> {
            if (error != null) {
                LOGGER.log(Level.WARNING, error, () -> "Reconciling cloud " + cloudName() + " failed");
                return;
            }
            if (!report.stopped().isEmpty()) {
                LOGGER.log(Level.INFO, "Cloud {0}: stopped {1} tasks no agent wanted", new Object[] {
                    cloudName(), report.stopped().size()
                });
            }
            for (ReapReport.GoneTask gone : report.gone()) {
                EcsAgent agent = agents.get(gone.handle().agentName());
                if (agent != null && gone.handle().taskArn().equals(agent.getTaskArn())) {
                    events.gone(agent, gone.stopCode(), gone.stoppedReason());
                }
            }
        });
    }

    /** Stops following tasks and closes the cloud's AWS clients; the tasks keep running for the next runtime. */
    @Override
    public void close() {
        synchronized (this) {
            if (tracker != null) {
                tracker.close();
            }
        }
        closeEngine();
    }

    /** Whether this is the runtime its cloud should use: not replaced by a newer one, not retiring, not closed. */
    public synchronized boolean isCurrent() {
        return successor == null && !retiring && !closed;
    }

    /** The setup this runtime was built from, as {@link CloudSetup#fingerprint()} gave it. */
    Object fingerprint() {
        return fingerprint;
    }

    /**
     * Hands everything this runtime follows to {@code next}, which replaces it: every agent (those still launching
     * too: their launches finish here and report to {@code next}) and every stop not yet confirmed. The tracker
     * closes at once, the engines when the last launch in flight has finished.
     */
    void handOverTo(CloudRuntime next) {
        List<EcsAgent> moving;
        Map<TaskHandle, String> stops;
        synchronized (this) {
            successor = next;
            retiring = false;
            moving = List.copyOf(agents.values());
            agents.clear();
            stops = tracker == null ? Map.of() : tracker.pendingStops();
            if (tracker != null) {
                tracker.close();
            }
        }
        moving.forEach(next::takeOver);
        stops.forEach((handle, reason) -> next.tracker().stop(handle, reason));
        launchFinished();
    }

    /** Takes in an agent of the runtime this one replaces, following its task from where that one was. */
    private void takeOver(EcsAgent agent) {
        agent.attach(this);
        agents.put(agent.getNodeName(), agent);
        TaskHandle handle = agent.handle();
        if (handle != null) {
            follow(agent, handle);
        }
    }

    /** Tracks the agent's task, its start timeout counting from its RunTask, and tells the tracker if it is online. */
    void follow(EcsAgent agent, TaskHandle handle) {
        Instant requested = agent.status().phases().getOrDefault(TaskPhase.REQUESTED, clock.instant());
        tracker().track(handle, requested, timeoutsOf(agent));
        if (agent.status().connected()) {
            tracker().connected(handle);
        }
    }

    /**
     * The cloud was removed: nothing new starts, and agents without a build are retired (busy ones are retired by
     * their retention strategy when their build ends).
     */
    void retireIdleAgents(String reason) {
        synchronized (this) {
            if (successor != null || closed) {
                return;
            }
            retiring = true;
        }
        for (EcsAgent agent : agents.values()) {
            Computer computer = jenkins.computer(agent);
            if (computer == null || computer.isIdle()) {
                retire(agent, reason);
            }
        }
    }

    /** Whether nothing of this runtime is left: no agent, no launch in flight, no task still followed. */
    synchronized boolean isFinished() {
        return agents.isEmpty() && launches.inFlight() == 0 && (tracker == null || tracker.trackedCount() == 0);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** A launch finished; a replaced runtime closes its engines after its last one. */
    void launchFinished() {
        synchronized (this) {
            if (successor == null || launches.inFlight() > 0 || closed) {
                return;
            }
        }
        closeEngine();
    }

    /**
     * Marks this runtime closed and closes its engine, once whoever asks first (outside the lock: closing clients
     * may take a moment).
     */
    private void closeEngine() {
        FargateEngine built;
        synchronized (this) {
            built = closed ? null : engine;
            closed = true;
        }
        if (built != null) {
            built.close();
        }
    }

    // ---- for the collaborators in this package ----

    CloudSetup setup() {
        return setup;
    }

    JenkinsRuntime jenkins() {
        return jenkins;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    RandomGenerator random() {
        return random;
    }

    /**
     * What the tracker knows of the task now, without building a tracker for the asking: the agent page reads this,
     * since a description that changes only the status (an agent that connected before ECS said RUNNING) makes no
     * event.
     */
    Optional<TaskState> liveState(String taskArn) {
        TaskTracker current;
        synchronized (this) {
            current = tracker;
        }
        return current == null || taskArn == null ? Optional.empty() : current.state(taskArn);
    }

    /** The cloud's one tracker, built on first use (so that a cloud with a broken configuration still loads). */
    synchronized TaskTracker tracker() {
        if (tracker == null) {
            if (successor != null) {
                throw new IllegalStateException("the runtime of cloud " + cloudName() + " was replaced");
            }
            FargateEngine cloudEngine = engine();
            tracker = new TaskTracker(
                    cloudEngine.clients().ecs(), cloudEngine.calls(), scheduler, clock, setup.trackerSettings());
            tracker.addListener(events::onEvent);
        }
        return tracker;
    }

    /**
     * The cloud's one engine (its clients, rate limiter, task-definition cache and per-template breakers), built on
     * first use; every template's launches carry their own settings.
     */
    synchronized FargateEngine engine() {
        if (engine == null) {
            if (closed) {
                throw new IllegalStateException("the runtime of cloud " + cloudName() + " is closed");
            }
            engine = new FargateEngine(setup.engineConfig().cloudOnly(), scheduler, clock, random);
        }
        return engine;
    }

    /** The start and connect timeouts of the agent's template; null (the tracker's) if the template is gone. */
    private TaskTimeouts timeoutsOf(EcsAgent agent) {
        return templates
                .find(agent.getTemplateName())
                .map(TemplatePlan::timeouts)
                .orElse(null);
    }

    Templates templates() {
        return templates;
    }

    FailureReports failures() {
        return failures;
    }

    Map<String, EcsAgent> agents() {
        return agents;
    }

    EcsAgent newAgent(String name, TemplatePlan template) {
        try {
            return new EcsAgent(name, cloudName(), template, this, clock.instant());
        } catch (Descriptor.FormException | IOException e) {
            throw new IllegalStateException("cannot create agent " + name, e);
        }
    }

    /** Removes the agent's node if Jenkins still has this very node, and forgets the agent. */
    void removeNode(EcsAgent agent) {
        agents.remove(agent.getNodeName(), agent);
        boolean present = jenkins.nodes().stream().anyMatch(n -> n == agent);
        if (!present) {
            return;
        }
        try {
            jenkins.removeNode(agent);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, e, () -> "Could not remove agent " + agent.getNodeName());
        }
    }
}
