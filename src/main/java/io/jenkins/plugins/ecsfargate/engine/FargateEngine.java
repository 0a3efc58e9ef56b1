package io.jenkins.plugins.ecsfargate.engine;

import io.jenkins.plugins.ecsfargate.engine.aws.AwsClientFactory;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsClients;
import io.jenkins.plugins.ecsfargate.engine.call.AwsCalls;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentLaunch;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettingsValidator;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchedTask;
import io.jenkins.plugins.ecsfargate.engine.launch.Launcher;
import io.jenkins.plugins.ecsfargate.engine.launch.TunnelResolver;
import io.jenkins.plugins.ecsfargate.engine.retry.Backoff;
import io.jenkins.plugins.ecsfargate.engine.retry.CircuitBreaker;
import io.jenkins.plugins.ecsfargate.engine.retry.CircuitBreakers;
import io.jenkins.plugins.ecsfargate.engine.retry.EcsRateLimiter;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import io.jenkins.plugins.ecsfargate.engine.taskdef.CleanupReport;
import io.jenkins.plugins.ecsfargate.engine.taskdef.TaskDefinitionCleaner;
import io.jenkins.plugins.ecsfargate.engine.taskdef.TaskDefinitionResolver;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * One cloud's engine: the entry point the Jenkins adapter calls. Owns the cloud's AWS clients, its rate limiter,
 * task-definition cache and circuit breakers. All results are futures completed on the injected scheduler;
 * failures are {@code LaunchFailureException}s carrying a classified {@link LaunchFailure}. One engine per cloud:
 * each launch carries its template's settings. Build a new engine when the cloud's AWS access changes, and close the
 * old one.
 */
public final class FargateEngine implements AutoCloseable {
    private final EngineConfig config;
    private final AwsClientFactory factory = new AwsClientFactory();
    private final AwsClients clients;
    private final AwsCalls calls;
    private final TaskDefinitionResolver taskDefinitions;
    private final TaskDefinitionCleaner cleaner;
    private final CircuitBreakers breakers;
    private final Launcher launcher;

    public FargateEngine(EngineConfig config, Scheduler scheduler, Clock clock, RandomGenerator random) {
        this.config = config;
        EngineTuning tuning = config.tuning();
        this.clients = factory.clientsFor(config.aws());
        EcsRateLimiter limiter = new EcsRateLimiter(tuning.rateShare(), clock);
        this.calls = new AwsCalls(
                limiter,
                scheduler,
                new Backoff(tuning.backoffBase(), tuning.backoffCap(), random),
                tuning.maxAttempts());
        this.taskDefinitions = new TaskDefinitionResolver(clients.ecs(), calls, config.owner());
        this.cleaner = new TaskDefinitionCleaner(clients.ecs(), calls, config.owner(), taskDefinitions);
        this.breakers = new CircuitBreakers(
                tuning.breakerThreshold(), tuning.breakerFirstPause(), tuning.breakerMaxPause(), clock);
        this.launcher = new Launcher(
                clients.ecs(),
                calls,
                taskDefinitions,
                new TunnelResolver(clients.cloudMap(), calls, clock, tuning.tunnelTtl()),
                config.owner(),
                config.launch(),
                config.connection(),
                breakers,
                clock,
                random);
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * What is wrong with the default launch settings and agent connection, field by field; empty when fine or when
     * there are no defaults (each launch's own are checked when it is launched).
     */
    public List<SpecProblem> configurationProblems() {
        if (config.launch() == null || config.connection() == null) {
            return List.of();
        }
        return LaunchSettingsValidator.validate(config.launch(), config.connection());
    }

    /** Starts one agent task; see {@link Launcher#launch}. */
    public CompletableFuture<LaunchedTask> launch(AgentLaunch launch) {
        return launcher.launch(launch);
    }

    /** The task-definition ARN for a template's spec, registering it if needed (e.g. to warm up at start). */
    public CompletableFuture<String> taskDefinitionFor(String template, TaskDefinitionSpec spec) {
        return taskDefinitions.resolve(template, spec);
    }

    /** Deregisters and deletes this cloud's revisions that no template in {@code templatesInUse} needs. */
    public CompletableFuture<CleanupReport> cleanUpTaskDefinitions(Map<String, TaskDefinitionSpec> templatesInUse) {
        return cleaner.cleanUp(templatesInUse);
    }

    /** The template's launch pause in force, with its cause, if its circuit breaker is open. */
    public Optional<CircuitBreaker.Pause> pauseOf(String template) {
        return breakers.pauseOf(template);
    }

    /** The agent's task runs (or it connected): closes the template's breaker. */
    public void reportStarted(String template) {
        launcher.reportStarted(template);
    }

    /** A launched task failed after RunTask: counts against the template's breaker. */
    public Optional<CircuitBreaker.Pause> reportFailure(String template, LaunchFailure failure) {
        return launcher.reportFailure(template, failure);
    }

    /** The cloud's AWS clients, for the parts of the engine built on top (tracker, reaper, preflight). */
    public AwsClients clients() {
        return clients;
    }

    /** The cloud's rate-limited, retrying call runner, shared with the tracker and reaper. */
    public AwsCalls calls() {
        return calls;
    }

    @Override
    public void close() {
        factory.close();
    }
}
