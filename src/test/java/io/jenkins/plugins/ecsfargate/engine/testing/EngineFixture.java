package io.jenkins.plugins.ecsfargate.engine.testing;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsClientFactory;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsClients;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.aws.CredentialSource;
import io.jenkins.plugins.ecsfargate.engine.call.AwsCalls;
import io.jenkins.plugins.ecsfargate.engine.retry.Backoff;
import io.jenkins.plugins.ecsfargate.engine.retry.EcsRateLimiter;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One engine's plumbing over the emulator of the running test: clients from {@link AwsClientFactory} pointed at the
 * emulator, a rate limiter and a scheduler on the emulator's clock. Build a second one for "a new engine on the
 * same ECS".
 */
public final class EngineFixture implements AutoCloseable {
    public static final OwnershipTags.Owner OWNER = new OwnershipTags.Owner("controller-1", "prod");

    public final EcsEmulatorExtension aws;
    public final ManualScheduler scheduler;
    public final EcsRateLimiter limiter;
    public final AwsCalls calls;
    public final AwsClientFactory factory = new AwsClientFactory();
    public final AwsClients clients;

    public EngineFixture(EcsEmulatorExtension aws) {
        this(aws, 0.8, 8);
    }

    public EngineFixture(EcsEmulatorExtension aws, double share, int maxAttempts) {
        this.aws = aws;
        this.scheduler = new ManualScheduler(aws.clock(), aws.clock()::advance);
        this.limiter = new EcsRateLimiter(share, aws.clock());
        this.calls = new AwsCalls(
                limiter,
                scheduler,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(20), new Random(7)),
                maxAttempts);
        this.clients = factory.clientsFor(config(aws));
    }

    public static AwsConfig config(EcsEmulatorExtension aws) {
        return AwsConfig.of("us-east-1")
                .withEndpoint(aws.endpoint())
                .withCredentials(new CredentialSource.StaticKeys("AKIAENGINETEST000000", "engine-test-secret"))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** Runs the scheduler until {@code future} is done and returns its value (or throws its failure). */
    public <T> T await(CompletableFuture<T> future) {
        scheduler.runUntilIdle();
        try {
            return future.get(0, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("not completed: " + e, e);
        }
    }

    public long calls(String operation) {
        return aws.stats().calls("ecs:" + operation);
    }

    @Override
    public void close() {
        factory.close();
    }
}
