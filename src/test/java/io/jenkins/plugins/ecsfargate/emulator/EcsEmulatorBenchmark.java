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
 * RUNNING on the clock, then has several client threads (1) poll them the way a tracker does (DescribeTasks in
 * batches of 100, plus ListTasks), the heaviest answers the emulator renders, and (2) make the calls of agents' lives
 * (RunTask of one task, DescribeTasks of 10, StopTask) while the 1,000 stay live. It prints each phase's request rate
 * and latency as the clients see them, and the emulator's own time per answer. Throttling is off: this measures the
 * emulator, not AWS's limits. Arguments: {@code [threads] [requestsPerThread]} (default 8 and 250).
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
            long churnRequests = 0;
            start = System.nanoTime();
            ExecutorService churners = Executors.newFixedThreadPool(threads);
            futures.clear();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(churners.submit(() -> agentLives(endpoint, definition(ecs), arns, offset, perThread)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            churners.shutdown();
            churnRequests = (long) threads * perThread;
            seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "agent lives (RunTask of 1, DescribeTasks of 10, StopTask) with %d tasks live: %d requests from"
                            + " %d threads in %.2f s: %.0f requests/s, %.1f ms mean latency%n",
                    ecs.liveTasks().size(),
                    churnRequests,
                    threads,
                    seconds,
                    churnRequests / seconds,
                    seconds * 1000 * threads / churnRequests);
            for (String operation : List.of("ecs:RunTask", "ecs:StopTask")) {
                out.printf(
                        Locale.ROOT,
                        "emulator time per %s: %.2f ms mean%n",
                        operation,
                        emulator.stats().log(operation).stream()
                                        .mapToLong(LoggedCall::handlingNanos)
                                        .average()
                                        .orElse(0)
                                / 1e6);
            }
            out.println("emulator internal errors: "
                    + emulator.stats().internalErrors().size());
        }
    }

    private static String definition(EcsService ecs) {
        return ecs.liveTasks().get(0).taskDefinitionArn();
    }

    private static void agentLives(URI endpoint, String definition, List<String> arns, int offset, int requests) {
        try (EcsClient client = AwsClients.ecsWithoutRetries(endpoint)) {
            String started = null;
            for (int i = 0; i < requests; i++) {
                switch (i % 3) {
                    case 0 ->
                        started = client.runTask(EcsRequests.runTask(definition).build())
                                .tasks()
                                .get(0)
                                .taskArn();
                    case 1 -> {
                        int from = ((offset + i) * 10) % (arns.size() - 10);
                        client.describeTasks(r -> r.tasks(arns.subList(from, from + 10)));
                    }
                    default -> {
                        String task = started;
                        client.stopTask(r -> r.task(task).reason("build finished"));
                    }
                }
            }
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
