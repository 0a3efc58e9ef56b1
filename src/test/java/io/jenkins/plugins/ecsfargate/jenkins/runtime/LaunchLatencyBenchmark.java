package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import hudson.slaves.NodeProvisioner.PlannedNode;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.LoggedCall;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The plugin's own latency, in real time: from the provisioning request ({@code CloudRuntime.provision}) to the
 * RunTask reaching the emulator (its request log keeps each call's arrival in {@link System#nanoTime()}). The cloud's
 * scheduler runs the launch on the calling thread at once, so what is measured is the plugin's work (planning, node,
 * secret, task definition, tunnel, request, SDK signing and sending), not a thread hand-off. Three cases: a warm
 * task-definition cache; a template whose task definition is not cached and not registered yet (ListTaskDefinitions,
 * RegisterTaskDefinition, then RunTask); and a restarted controller (a new cloud runtime with new AWS clients that
 * finds its revision by tag: ListTaskDefinitions, DescribeTaskDefinition, then RunTask). The simulated clock moves
 * on between samples so that no sample waits for a rate-limit token.
 */
final class LaunchLatencyBenchmark {
    private static final int WARM_UP = 30;

    /** One case's latencies in milliseconds. */
    record Result(String cache, int samples, double p50Ms, double p95Ms, double p99Ms, double maxMs) {}

    private LaunchLatencyBenchmark() {}

    static List<Result> run(int warmSamples, int coldSamples, long seed) {
        EcsEmulatorExtension aws = BenchSupport.emulator(seed);
        try {
            RuntimeHarness cloud = new RuntimeHarness(aws, RuntimeHarness.seed());
            Label ecs = new TestLabel(BenchSupport.LABEL);
            for (int i = 0; i < Math.min(WARM_UP, warmSamples); i++) {
                sample(aws, cloud, () -> cloud.runtime.provision(ecs, 1), Duration.ofSeconds(1));
            }
            double[] warm = new double[warmSamples];
            for (int i = 0; i < warmSamples; i++) {
                warm[i] = sample(aws, cloud, () -> cloud.runtime.provision(ecs, 1), Duration.ofSeconds(1));
            }
            double[] newDefinition = new double[coldSamples];
            TemplatePlan seedPlan = RuntimeHarness.seed();
            for (int i = 0; i < coldSamples; i++) {
                String label = "cold-" + i;
                cloud.templates.add(new TemplatePlan(
                        "template-" + i, label, 1, 0, 0, null, seedPlan.launch(), seedPlan.spec(), null));
                newDefinition[i] = sample(
                        aws, cloud, () -> cloud.runtime.provision(new TestLabel(label), 1), Duration.ofSeconds(2));
            }
            cloud.close();
            double[] restarted = new double[coldSamples];
            for (int i = 0; i < coldSamples; i++) {
                RuntimeHarness fresh = new RuntimeHarness(aws, seed + i, RuntimeHarness.seed());
                restarted[i] = sample(aws, fresh, () -> fresh.runtime.provision(ecs, 1), Duration.ofSeconds(1));
                fresh.close();
            }
            return List.of(
                    result("warm", warm),
                    result("cold: new task definition", newDefinition),
                    result("cold: restarted controller", restarted));
        } finally {
            aws.stop();
        }
    }

    /** One launch: milliseconds from the request to its RunTask's arrival; then {@code pause} of simulated time. */
    private static double sample(
            EcsEmulatorExtension aws,
            RuntimeHarness cloud,
            Supplier<Collection<PlannedNode>> provision,
            Duration pause) {
        long start = System.nanoTime();
        Collection<PlannedNode> planned = provision.get();
        cloud.scheduler.runFor(Duration.ZERO);
        String agent = planned.iterator().next().displayName;
        LoggedCall runTask = BenchSupport.runTasksByAgent(aws.stats()).get(agent);
        if (runTask == null) {
            throw new IllegalStateException("no RunTask for " + agent + " without waiting");
        }
        cloud.runFor(pause);
        return (runTask.receivedNanos() - start) / 1e6;
    }

    private static Result result(String cache, double[] millis) {
        return new Result(
                cache,
                millis.length,
                BenchSupport.round(BenchSupport.percentile(millis, 50), 2),
                BenchSupport.round(BenchSupport.percentile(millis, 95), 2),
                BenchSupport.round(BenchSupport.percentile(millis, 99), 2),
                BenchSupport.round(BenchSupport.percentile(millis, 100), 2));
    }
}
