package io.jenkins.plugins.ecsfargate.engine.testing;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
import io.jenkins.plugins.ecsfargate.engine.EngineTuning;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.call.LaunchFailureException;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentLaunch;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Whole engines over the test's emulator, on its clock, with a scheduler the test drives. */
public final class EngineHarness implements AutoCloseable {
    public static final List<String> SUBNETS = List.of("subnet-0a1b2c3d", "subnet-1a2b3c4d");
    public static final List<String> GROUPS = List.of("sg-0c2d3e4f");
    public static final String JENKINS_URL = "https://ci.example.com/";

    private final EcsEmulatorExtension aws;
    public final ManualScheduler scheduler;
    private final List<FargateEngine> engines = new ArrayList<>();

    public EngineHarness(EcsEmulatorExtension aws) {
        this.aws = aws;
        this.scheduler = new ManualScheduler(aws.clock(), aws.clock()::advance);
    }

    public static LaunchSettings settings() {
        return LaunchSettings.of("default", SUBNETS, GROUPS);
    }

    public FargateEngine engine(LaunchSettings settings, AgentConnection connection, EngineTuning tuning) {
        EngineConfig config =
                new EngineConfig(EngineFixture.config(aws), EngineFixture.OWNER, settings, connection, tuning);
        FargateEngine engine = new FargateEngine(config, scheduler, aws.clock(), new Random(engines.size() + 11));
        engines.add(engine);
        return engine;
    }

    /** A cloud's one engine without defaults: every launch carries its own settings and connection. */
    public FargateEngine cloudEngine() {
        FargateEngine engine = new FargateEngine(
                new EngineConfig(EngineFixture.config(aws), EngineFixture.OWNER, EngineTuning.defaults()),
                scheduler,
                aws.clock(),
                new Random(engines.size() + 11));
        engines.add(engine);
        return engine;
    }

    public FargateEngine engine(LaunchSettings settings) {
        return engine(settings, AgentConnection.webSocket(JENKINS_URL), EngineTuning.defaults());
    }

    public static AgentLaunch agent(String template, int n, TaskDefinitionSpec spec, LaunchOverrides overrides) {
        return new AgentLaunch(
                template, template + "-agent-" + n, "secret-" + n + "-0123456789abcdef", spec, overrides);
    }

    /** Runs the scheduler until idle and returns the future's value. */
    public <T> T await(CompletableFuture<T> future) {
        scheduler.runUntilIdle();
        if (!future.isDone()) {
            throw new AssertionError("the scheduler is idle but the future is not done");
        }
        return future.join();
    }

    /** Runs the scheduler until idle and returns the future's typed failure. */
    public LaunchFailure failureOf(CompletableFuture<?> future) {
        scheduler.runUntilIdle();
        try {
            future.get();
        } catch (ExecutionException e) {
            LaunchFailure failure = LaunchFailureException.unwrap(e);
            if (failure == null) {
                throw new AssertionError("failed without a typed failure", e);
            }
            return failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure but got " + future.join());
    }

    @Override
    public void close() {
        engines.forEach(FargateEngine::close);
    }
}
