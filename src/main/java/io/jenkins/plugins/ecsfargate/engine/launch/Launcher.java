package io.jenkins.plugins.ecsfargate.engine.launch;

import io.jenkins.plugins.ecsfargate.engine.call.AwsCalls;
import io.jenkins.plugins.ecsfargate.engine.call.LaunchFailureException;
import io.jenkins.plugins.ecsfargate.engine.call.TemplatePausedException;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.retry.CircuitBreaker;
import io.jenkins.plugins.ecsfargate.engine.retry.CircuitBreakers;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecValidator;
import io.jenkins.plugins.ecsfargate.engine.taskdef.TaskDefinitionResolver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Starts agents: resolves the template's task definition (registered at most once per distinct spec), resolves the
 * tunnel, and sends one RunTask per agent with the inbound-agent environment as a container override. A
 * FARGATE_SPOT shortage (no capacity, or the Spot vCPU quota reached) falls back to FARGATE when the cloud asks for
 * it. Each RunTask carries a client token minted once per launch, so the engine's retries of a call whose answer
 * was lost never start a second task.
 *
 * <p>Every failure is a {@link LaunchFailureException} with a classified {@link LaunchFailure}, and counts against
 * the template's circuit breaker; a paused template fails at once with a {@link TemplatePausedException}. The
 * caller reports success ({@link #reportStarted}) once the task runs, which closes the breaker, and reports start
 * failures the tracker observes ({@link #reportFailure}).
 */
public final class Launcher {
    private static final Logger LOGGER = Logger.getLogger(Launcher.class.getName());
    static final int MAX_OVERRIDES_CHARS = 8192;

    private final EcsClient ecs;
    private final AwsCalls calls;
    private final TaskDefinitionResolver taskDefinitions;
    private final TunnelResolver tunnels;
    private final OwnershipTags.Owner owner;
    private final LaunchSettings defaultSettings;
    private final AgentConnection defaultConnection;
    private final CircuitBreakers breakers;
    private final Clock clock;
    private final RandomGenerator tokens;

    public Launcher(
            EcsClient ecs,
            AwsCalls calls,
            TaskDefinitionResolver taskDefinitions,
            TunnelResolver tunnels,
            OwnershipTags.Owner owner,
            LaunchSettings defaultSettings,
            AgentConnection defaultConnection,
            CircuitBreakers breakers,
            Clock clock,
            RandomGenerator tokens) {
        this.ecs = ecs;
        this.calls = calls;
        this.taskDefinitions = taskDefinitions;
        this.tunnels = tunnels;
        this.owner = owner;
        this.defaultSettings = defaultSettings;
        this.defaultConnection = defaultConnection;
        this.breakers = breakers;
        this.clock = clock;
        this.tokens = tokens;
    }

    /**
     * Starts one agent, with the launch's own settings and connection (or the defaults); completes when ECS
     * accepted the task (typically PROVISIONING), not when it runs.
     */
    public CompletableFuture<LaunchedTask> launch(AgentLaunch launch) {
        CircuitBreaker breaker = breakers.forTemplate(launch.template());
        Optional<CircuitBreaker.Pause> pause = breaker.pause();
        if (pause.isPresent()) {
            return CompletableFuture.failedFuture(new TemplatePausedException(pause.get()));
        }
        LaunchSettings settings = launch.settings() != null ? launch.settings() : defaultSettings;
        AgentConnection connection = launch.connection() != null ? launch.connection() : defaultConnection;
        List<SpecProblem> problems = new ArrayList<>();
        if (settings == null || connection == null) {
            problems.add(new SpecProblem(
                    settings == null ? "launch" : "connection", "neither the launch nor the engine gives one"));
        } else {
            problems.addAll(LaunchSettingsValidator.validate(
                    settings, connection, launch.spec().operatingSystem()));
        }
        problems.addAll(SpecValidator.validate(launch.overrides(), launch.spec()));
        if (!problems.isEmpty()) {
            LaunchFailure invalid = new LaunchFailure(
                    LaunchPhase.RUN_TASK,
                    FailureCause.INVALID_SPEC,
                    null,
                    problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; ")),
                    problems.get(0).field());
            breaker.recordFailure(invalid);
            return CompletableFuture.failedFuture(new LaunchFailureException(invalid));
        }
        Instant requestedAt = clock.instant();
        String token =
                HexFormat.of().toHexDigits(tokens.nextLong()) + HexFormat.of().toHexDigits(tokens.nextLong());
        CompletableFuture<LaunchedTask> started = taskDefinitions
                .resolve(launch.template(), launch.spec())
                .thenCompose(arn -> tunnels.resolve(connection.transport()).thenCompose(tunnel -> {
                    Map<String, String> env = InboundAgentEnvironment.of(
                            connection,
                            launch.agentName(),
                            launch.secret(),
                            tunnel,
                            launch.overrides().environment());
                    int size = overridesSize(env, launch.overrides().command());
                    if (size > MAX_OVERRIDES_CHARS) {
                        return CompletableFuture.failedFuture(new LaunchFailureException(new LaunchFailure(
                                LaunchPhase.RUN_TASK,
                                FailureCause.INVALID_SPEC,
                                null,
                                "the per-run environment and command take about " + size
                                        + " characters; RunTask allows " + MAX_OVERRIDES_CHARS + " for all overrides",
                                "overrides.environment")));
                    }
                    return run(launch, settings, arn, env, firstProvider(settings), token, requestedAt);
                }));
        started.whenComplete((task, error) -> {
            if (error != null) {
                LaunchFailure failure = LaunchFailureException.unwrap(error);
                if (failure != null) {
                    breaker.recordFailure(failure);
                    LOGGER.log(Level.WARNING, "Agent {0} of template {1} did not start: {2}", new Object[] {
                        launch.agentName(), launch.template(), failure.describe()
                    });
                }
            } else {
                LOGGER.log(Level.INFO, "Agent {0} requested as task {1} on {2}", new Object[] {
                    launch.agentName(), task.taskArn(), task.capacityProvider()
                });
            }
        });
        return started;
    }

    /** The agent's task reached RUNNING (or the agent connected): the template works, close its breaker. */
    public void reportStarted(String template) {
        breakers.forTemplate(template).recordSuccess();
    }

    /** A launched task failed later (image pull, start timeout...): count it against the template. */
    public Optional<CircuitBreaker.Pause> reportFailure(String template, LaunchFailure failure) {
        return breakers.forTemplate(template).recordFailure(failure);
    }

    /** A slight overestimate of the JSON RunTask's {@code overrides} takes, which ECS caps at 8,192 characters. */
    static int overridesSize(Map<String, String> env, List<String> command) {
        int size = 512;
        for (Map.Entry<String, String> variable : env.entrySet()) {
            size += variable.getKey().length() + variable.getValue().length() + 24;
        }
        for (String argument : command) {
            size += argument.length() + 3;
        }
        return size;
    }

    private static String firstProvider(LaunchSettings settings) {
        return settings.capacity() == CapacityMode.FARGATE ? RunTaskRequests.FARGATE : RunTaskRequests.FARGATE_SPOT;
    }

    private CompletableFuture<LaunchedTask> run(
            AgentLaunch launch,
            LaunchSettings settings,
            String taskDefinitionArn,
            Map<String, String> env,
            String provider,
            String token,
            Instant requestedAt) {
        String providerToken = token + "-" + (RunTaskRequests.FARGATE.equals(provider) ? "o" : "s");
        return calls.call(
                        LaunchPhase.RUN_TASK,
                        "RunTask",
                        () -> ecs.runTask(RunTaskRequests.build(
                                settings, owner, launch, taskDefinitionArn, env, provider, providerToken)))
                .thenCompose(response -> {
                    Optional<Task> task = response.tasks().stream().findFirst();
                    if (task.isPresent()) {
                        return CompletableFuture.completedFuture(handle(launch, task.get(), provider, requestedAt));
                    }
                    LaunchFailure failure = failureOf(response);
                    boolean spotShortage = failure.cause() == FailureCause.CAPACITY_UNAVAILABLE
                            || failure.cause() == FailureCause.VCPU_LIMIT;
                    if (spotShortage
                            && settings.capacity() == CapacityMode.FARGATE_SPOT_THEN_FARGATE
                            && RunTaskRequests.FARGATE_SPOT.equals(provider)) {
                        LOGGER.log(
                                Level.INFO,
                                "No Fargate Spot capacity for {0} ({1}); launching on FARGATE",
                                new Object[] {launch.agentName(), failure.cause()});
                        return run(
                                launch, settings, taskDefinitionArn, env, RunTaskRequests.FARGATE, token, requestedAt);
                    }
                    return CompletableFuture.failedFuture(new LaunchFailureException(failure));
                });
    }

    private static LaunchFailure failureOf(RunTaskResponse response) {
        Failure first = response.failures().stream()
                .findFirst()
                .orElse(Failure.builder()
                        .reason("no task and no failure in the RunTask answer")
                        .build());
        return FailureClassifier.fromRunTaskFailure(first.reason(), first.detail());
    }

    private static LaunchedTask handle(AgentLaunch launch, Task task, String provider, Instant requestedAt) {
        return new LaunchedTask(
                launch.agentName(),
                launch.template(),
                task.clusterArn(),
                task.taskArn(),
                task.taskDefinitionArn(),
                task.capacityProviderName() == null ? provider : task.capacityProviderName(),
                task.lastStatus(),
                requestedAt);
    }
}
