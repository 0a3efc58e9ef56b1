package io.jenkins.plugins.ecsfargate.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A fresh emulator for every test: a manual clock, ECS with cluster {@code default} (FARGATE and FARGATE_SPOT,
 * default strategy FARGATE), AWS's default quotas and rate limits, plus any other services registered with
 * {@link #withService}, and on request a {@link LocalTaskRunner} ({@link #withLocalTaskRunner}; off by default).
 * Hands out real SDK v2 clients bound to it, closes them afterwards (the runner's processes with the emulator), and
 * fails the test if the emulator itself threw.
 *
 * <pre>{@code
 * @RegisterExtension
 * final EcsEmulatorExtension aws = new EcsEmulatorExtension();
 * }</pre>
 */
public final class EcsEmulatorExtension implements BeforeEachCallback, AfterEachCallback {
    private final List<Function<EmulatorClock, AwsService>> extraServices = new ArrayList<>();
    private final List<Consumer<EcsEmulator>> setup = new ArrayList<>();
    private long seed = 1L;
    private boolean throttling = true;
    private boolean runTasks;
    private Path runnerRoot;
    private Path temporaryRoot;
    private LocalTaskRunner runner;
    private EcsEmulator emulator;
    private EcsService ecs;
    private final List<SdkClient> clients = new ArrayList<>();

    /** Also serves {@code factory}'s service (Cloud Map, IAM, STS), built on the test's clock. */
    public EcsEmulatorExtension withService(Function<EmulatorClock, AwsService> factory) {
        extraServices.add(factory);
        return this;
    }

    /** Seeds latencies, ids and probabilistic faults. */
    public EcsEmulatorExtension withSeed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** No API rate limits or launch-rate buckets (functional tests that do not study throttling). */
    public EcsEmulatorExtension withoutThrottling() {
        this.throttling = false;
        return this;
    }

    /**
     * Runs each task's agent container as a local process ({@link LocalTaskRunner}) under a fresh temporary
     * directory, deleted after the test.
     */
    public EcsEmulatorExtension withLocalTaskRunner() {
        this.runTasks = true;
        return this;
    }

    /** Runs each task's agent container as a local process, keeping jars, work directories and logs under {@code root}. */
    public EcsEmulatorExtension withLocalTaskRunner(Path root) {
        this.runTasks = true;
        this.runnerRoot = root;
        return this;
    }

    /** Runs {@code action} on each new emulator before the test. */
    public EcsEmulatorExtension configure(Consumer<EcsEmulator> action) {
        setup.add(action);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    /** Starts a fresh emulator outside JUnit (simulations, benchmarks); {@link #stop} closes it. */
    public EcsEmulatorExtension start() {
        EmulatorClock clock = EmulatorClock.manual();
        emulator = new EcsEmulator(clock, seed);
        ecs = new EcsService(clock, "us-east-1", "123456789012", seed);
        ecs.createCluster(
                "default",
                List.of(FargateQuotas.FARGATE, FargateQuotas.FARGATE_SPOT),
                Map.of(FargateQuotas.FARGATE, 1));
        emulator.register(ecs);
        extraServices.forEach(factory -> emulator.register(factory.apply(clock)));
        EcsRateLimits.applyDefaults(emulator.rateLimits());
        emulator.rateLimits().setEnabled(throttling);
        ecs.quotas().setLaunchRateLimited(throttling);
        if (runTasks) {
            Path root = runnerRoot;
            if (root == null) {
                temporaryRoot = createTemporaryRoot();
                root = temporaryRoot;
            }
            runner = LocalTaskRunner.attach(emulator, ecs, root);
        }
        setup.forEach(action -> action.accept(emulator));
        emulator.start();
        return this;
    }

    private static Path createTemporaryRoot() {
        try {
            return Files.createTempDirectory("ecs-task-runner");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the clients and the emulator; fails if the emulator itself threw while answering. */
    public void stop() {
        clients.forEach(SdkClient::close);
        clients.clear();
        List<Throwable> internal = emulator.stats().internalErrors();
        emulator.close();
        runner = null;
        if (temporaryRoot != null) {
            deleteTree(temporaryRoot);
            temporaryRoot = null;
        }
        if (!internal.isEmpty()) {
            AssertionError error = new AssertionError("the emulator threw while answering: " + internal.get(0));
            internal.forEach(error::addSuppressed);
            throw error;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the task runner's files under " + root, e);
        }
    }

    public EcsEmulator emulator() {
        return emulator;
    }

    public EcsService ecs() {
        return ecs;
    }

    /** The local task runner, when {@link #withLocalTaskRunner enabled}. */
    public Optional<LocalTaskRunner> taskRunner() {
        return Optional.ofNullable(runner);
    }

    public EmulatorClock clock() {
        return emulator.clock();
    }

    public URI endpoint() {
        return emulator.endpoint();
    }

    public CallStats stats() {
        return emulator.stats();
    }

    public FaultScript faults() {
        return emulator.faults();
    }

    /** An ECS client with the SDK's default retries, closed after the test. */
    public EcsClient ecsClient() {
        return track(AwsClients.ecs(endpoint()));
    }

    /** An ECS client with adjusted override configuration (timeouts, retry strategy), closed after the test. */
    public EcsClient ecsClient(Consumer<ClientOverrideConfiguration.Builder> configure) {
        return track(AwsClients.ecs(endpoint(), configure));
    }

    /** An ECS client that never retries, closed after the test. */
    public EcsClient ecsClientWithoutRetries() {
        return track(AwsClients.ecsWithoutRetries(endpoint()));
    }

    public ServiceDiscoveryClient serviceDiscoveryClient() {
        return track(AwsClients.serviceDiscovery(endpoint()));
    }

    public IamClient iamClient() {
        return track(AwsClients.iam(endpoint()));
    }

    public StsClient stsClient() {
        return track(AwsClients.sts(endpoint()));
    }

    private <T extends SdkClient> T track(T client) {
        clients.add(client);
        return client;
    }
}
