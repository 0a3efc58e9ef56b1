package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
import io.jenkins.plugins.ecsfargate.engine.EngineTuning;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineHarness;
import io.jenkins.plugins.ecsfargate.engine.testing.ManualScheduler;
import io.jenkins.plugins.ecsfargate.engine.tracking.TrackerSettings;
import io.jenkins.plugins.ecsfargate.jenkins.EcsAgentTemplate;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.SeedCloud;
import io.jenkins.plugins.ecsfargate.jenkins.TemplateSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One cloud's runtime over the test's emulator, with a fake Jenkins and a scheduler on the emulator's clock. Agents
 * "connect" when their task reaches RUNNING, as the real inbound agent would: the emulator's RUNNING hook reads the
 * task's environment, checks the secret against the one Jenkins would expect, and reports the agent online.
 */
final class RuntimeHarness implements AutoCloseable {
    static final String CLOUD = "ecs-cloud";
    static final Duration AGENT_START = Duration.ofSeconds(2);

    final EcsEmulatorExtension aws;
    final ManualScheduler scheduler;
    final FakeJenkins jenkins;
    final List<TemplatePlan> templates = new CopyOnWriteArrayList<>();
    final List<String> refusedAgents = new CopyOnWriteArrayList<>();
    volatile CloudLimits limits = CloudLimits.NONE;
    volatile boolean agentsConnect = true;
    /** How the cloud's agents connect back; WebSocket to the fake Jenkins unless a test sets a tunnel. */
    volatile AgentConnection connection;

    volatile EngineTuning tuning = EngineTuning.defaults();
    final CloudRuntime runtime;
    private final Consumer<EmulatedTask> dialIn = this::agentDialsIn;

    RuntimeHarness(EcsEmulatorExtension aws, TemplatePlan... plans) {
        this(aws, 7, plans);
    }

    /** A harness whose agent names come from {@code seed}: a restarted controller must not reuse old names. */
    RuntimeHarness(EcsEmulatorExtension aws, long seed, TemplatePlan... plans) {
        this.aws = aws;
        this.scheduler = new ManualScheduler(aws.clock(), aws.clock()::advance);
        this.jenkins = new FakeJenkins(scheduler, aws.clock(), seed);
        this.connection = AgentConnection.webSocket(jenkins.rootUrl());
        templates.addAll(List.of(plans));
        this.runtime = jenkins.cloudRuntimes().runtimeFor(new Setup());
        aws.ecs().onTaskRunning(dialIn);
    }

    static TaskDefinitionSpec spec(int cpu, int memory) {
        return Specs.minimal().toBuilder().cpu(cpu).memory(memory).build();
    }

    static TemplatePlan template(String name, String labels) {
        return template(name, labels, 0, 0);
    }

    static TemplatePlan template(String name, String labels, int maxAgents, int idleMinutes) {
        return new TemplatePlan(
                name, labels, 1, maxAgents, idleMinutes, null, EngineHarness.settings(), spec(1024, 2048), null);
    }

    /** The reference setup's template ({@code SeedCloud}), translated as a saved cloud translates it. */
    static TemplatePlan seed() {
        EcsCloud cloud = SeedCloud.cloud();
        EcsAgentTemplate template = cloud.getTemplates().get(0);
        return new TemplatePlan(
                template.getName(),
                template.getLabelString(),
                template.getNumExecutors(),
                template.getMaxAgents(),
                0,
                template.getAgentWorkDir(),
                TemplateSpecs.launchSettings(cloud, template),
                TemplateSpecs.taskDefinition(cloud, template),
                null);
    }

    /** The agent's JVM starts a moment after its container does. */
    private void agentDialsIn(EmulatedTask task) {
        scheduler.schedule(AGENT_START, () -> connect(task));
    }

    /** The inbound agent in the task: Jenkins lets it in only with the right secret for an existing node. */
    private void connect(EmulatedTask task) {
        String name = task.env("JENKINS_AGENT_NAME").orElse(null);
        String secret = task.env("JENKINS_SECRET").orElse(null);
        EcsAgent agent = name == null ? null : jenkins.agent(name);
        if (!agentsConnect || agent == null || !FakeJenkins.secretOf(name).equals(secret)) {
            refusedAgents.add(String.valueOf(name));
            return;
        }
        new EcsComputerListener().onOnline(jenkins.computer(agent), TaskListener.NULL);
    }

    /**
     * Saves the cloud's configuration as it is now (as Manage Jenkins &gt; Clouds does, with a new cloud object) and
     * returns the runtime the registry gives it: the same one if nothing changed, else a new one.
     */
    CloudRuntime save() {
        return jenkins.cloudRuntimes().runtimeFor(new Setup());
    }

    void runFor(Duration period) {
        scheduler.runFor(period);
    }

    /** Runs the scheduler in small steps until {@code condition} holds; fails after {@code limit}. */
    void runUntil(BooleanSupplier condition, Duration limit) {
        Instant end = aws.clock().instant().plus(limit);
        while (!condition.getAsBoolean()) {
            if (!aws.clock().instant().isBefore(end)) {
                throw new AssertionError("condition not reached within " + limit);
            }
            scheduler.runFor(Duration.ofMillis(250));
        }
    }

    /** Runs until the agent named {@code name} exists and has connected; returns it. */
    EcsAgent awaitConnected(String name) {
        runUntil(
                () -> jenkins.agent(name) != null
                        && jenkins.agent(name).status().connected(),
                Duration.ofMinutes(3));
        return jenkins.agent(name);
    }

    /** Provisions one agent for {@code label} on {@code runtime} and returns it once it has connected. */
    EcsAgent connectedAgent(CloudRuntime runtime, Label label) {
        return awaitConnected(runtime.provision(label, 1).iterator().next().displayName);
    }

    List<EmulatedTask> liveTasks() {
        return aws.ecs().liveTasks();
    }

    long calls(String operation) {
        return aws.stats().calls("ecs:" + operation);
    }

    @Override
    public void close() {
        aws.ecs().removeHook(dialIn);
        CloudRuntime current = jenkins.cloudRuntimes().current(CLOUD);
        if (current != null) {
            current.close();
        }
        runtime.close();
    }

    private final class Setup implements CloudSetup {
        @Override
        public String cloudName() {
            return CLOUD;
        }

        @Override
        public CloudLimits limits() {
            return limits;
        }

        @Override
        public List<TemplatePlan> templates() {
            return List.copyOf(templates);
        }

        @Override
        public EngineConfig engineConfig() {
            return new EngineConfig(
                    EngineFixture.config(aws), new OwnershipTags.Owner(FakeJenkins.CONTROLLER, CLOUD), tuning);
        }

        @Override
        public AgentConnection connection(TemplatePlan template) {
            return connection;
        }

        @Override
        public String cluster() {
            return "default";
        }

        @Override
        public TrackerSettings trackerSettings() {
            return TrackerSettings.defaults().withTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(2));
        }
    }
}
