package io.jenkins.plugins.ecsfargate.emulator;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Measures whether the emulator can stay out of the way of the benchmarks: it launches 1,000 tasks, lets them reach
 * RUNNING on the clock, then has several client threads poll them the way a tracker does (DescribeTasks in batches
 * of 100, plus ListTasks) and prints the request rate and latency. Throttling is off: this measures the emulator,
 * not AWS's limits. Arguments: {@code [threads] [requestsPerThread]} (default 8 and 250).
 */
public final class EcsEmulatorBenchmark {
    private EcsEmulatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        EmulatorClock clock = EmulatorClock.manual();
        EcsService ecs = new EcsService(clock);
        ecs.createCluster("default", FargateQuotas.FARGATE, FargateQuotas.FARGATE_SPOT);
        ecs.quotas().setOnDemandVcpu(4000).setLaunchRateLimited(false);
        try (EcsEmulator emulator = new EcsEmulator(clock).register(ecs)) {
            URI endpoint = emulator.start();
            List<String> arns = new ArrayList<>();
            try (EcsClient client = AwsClients.ecsWithoutRetries(endpoint)) {
                String definition = client.registerTaskDefinition(
                                EcsRequests.taskDefinition("bench").build())
                        .taskDefinition()
                        .taskDefinitionArn();
                long launchStart = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    client.runTask(EcsRequests.runTask(definition).count(10).build()).tasks().stream()
                            .map(Task::taskArn)
                            .forEach(arns::add);
                }
                out.printf(
                        Locale.ROOT,
                        "launched %d tasks in %.1f s%n",
                        arns.size(),
                        (System.nanoTime() - launchStart) / 1e9);
            }
            clock.advance(Duration.ofMinutes(2));
            out.printf(Locale.ROOT, "live tasks: %d%n", ecs.liveTasks().size());
            AtomicLong described = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> poll(endpoint, arns, offset, perThread, described)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            long requests = (long) threads * perThread;
            out.printf(
                    Locale.ROOT,
                    "%d requests from %d threads in %.2f s: %.0f requests/s, %.1f ms mean latency,"
                            + " %d task descriptions%n",
                    requests,
                    threads,
                    seconds,
                    requests / seconds,
                    seconds * 1000 * threads / requests,
                    described.get());
            List<LoggedCall> log = emulator.stats().log("ecs:DescribeTasks");
            out.printf(
                    Locale.ROOT,
                    "emulator time per DescribeTasks of 100 tasks: %.2f ms mean (of %d)%n",
                    log.stream().mapToLong(LoggedCall::handlingNanos).average().orElse(0) / 1e6,
                    log.size());
            out.println("emulator internal errors: "
                    + emulator.stats().internalErrors().size());
        }
    }

    private static void poll(URI endpoint, List<String> arns, int offset, int requests, AtomicLong described) {
        try (EcsClient client = AwsClients.ecsWithoutRetries(endpoint)) {
            for (int i = 0; i < requests; i++) {
                if (i % 10 == 0) {
                    client.listTasks(r -> r.maxResults(100));
                } else {
                    int from = ((offset + i) * 100) % arns.size();
                    List<String> batch = arns.subList(from, Math.min(arns.size(), from + 100));
                    described.addAndGet(
                            client.describeTasks(r -> r.tasks(batch)).tasks().size());
                }
            }
        }
    }
}
