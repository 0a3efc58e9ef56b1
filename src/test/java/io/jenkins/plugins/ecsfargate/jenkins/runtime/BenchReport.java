package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The benchmark results as Markdown tables, with the targets and whether they were met. */
final class BenchReport {
    private BenchReport() {}

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        md.append(String.format(
                Locale.ROOT,
                "Measured %s on %s processors, %s, %s.%n%n",
                machine.get("date"),
                machine.get("processors"),
                machine.get("java"),
                machine.get("os")));
        List<BurstBenchmark.Result> bursts = (List<BurstBenchmark.Result>) results.get("burst");
        List<LaunchLatencyBenchmark.Result> latency = (List<LaunchLatencyBenchmark.Result>) results.get("latency");
        ControllerCostBenchmark.Summary cost = (ControllerCostBenchmark.Summary) results.get("controllerCost");
        SteadyLoadBenchmark.Result steady = (SteadyLoadBenchmark.Result) results.get("steadyLoad");
        targets(md, bursts, latency, cost);
        burst(md, bursts);
        latency(md, latency);
        cost(md, cost);
        steady(md, steady);
        md.append(String.format(Locale.ROOT, "%nWhole benchmark: %.0f s of wall time.%n", results.get("wallSeconds")));
        return md.toString();
    }

    private static void targets(
            StringBuilder md,
            List<BurstBenchmark.Result> bursts,
            List<LaunchLatencyBenchmark.Result> latency,
            ControllerCostBenchmark.Summary cost) {
        md.append("| Target | Measured | Met |\n|---|---|---|\n");
        double warmP99 = latency.get(0).p99Ms();
        row(md, "plugin-added latency p99 < 100 ms (warm cache)", format(warmP99) + " ms", warmP99 < 100);
        for (BurstBenchmark.Result burst : bursts) {
            if (burst.agents() == 100 && burst.rateShare() == 0.8) {
                double calls = burst.callsPerAgent().get("total");
                row(md, "≤ 3.5 ECS calls per agent, burst of 100", format(calls), calls <= 3.5);
            }
            if (burst.agents() == 1000) {
                row(
                        md,
                        "burst of 1,000 within 10% of the quota bound (rate share " + burst.rateShare() + ")",
                        "×" + format(burst.ratioToBound()),
                        burst.ratioToBound() <= 1.10);
            }
        }
        List<Integer> threads = cost.sizes().stream()
                .map(ControllerCostBenchmark.Result::threadsOutsideEmulator)
                .toList();
        row(
                md,
                "threads flat from 10 to 1,000 tracked agents",
                threads.stream().map(String::valueOf).collect(Collectors.joining(" / ")),
                threads.stream().distinct().count() == 1);
        row(md, "< 50 KB heap per tracked agent", format(cost.heapKbPerAgent()) + " KB", cost.heapKbPerAgent() < 50);
        md.append('\n');
    }

    private static void burst(StringBuilder md, List<BurstBenchmark.Result> bursts) {
        md.append("| Agents | Rate share | All RUNNING | All connected | Last RunTask | Quota: last RunTask"
                + " | Quota bound | Ratio | ECS calls per agent | Throttled | Retried | Failures |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (BurstBenchmark.Result b : bursts) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %.1f | %s s | %s s | %s s | %s s | %s s | ×%s | %s | %d | %d | %d |%n",
                    b.agents(),
                    b.rateShare(),
                    format(b.allRunningSeconds()),
                    format(b.allConnectedSeconds()),
                    format(b.lastRunTaskSeconds()),
                    format(b.quotaLastRunTaskSeconds()),
                    format(b.quotaBoundSeconds()),
                    format(b.ratioToBound()),
                    calls(b.callsPerAgent()),
                    b.throttled(),
                    b.retried(),
                    b.failures()));
        }
        md.append('\n');
    }

    private static void latency(StringBuilder md, List<LaunchLatencyBenchmark.Result> latency) {
        md.append("| Plugin latency, request to RunTask at ECS | Samples | p50 | p95 | p99 | Max |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (LaunchLatencyBenchmark.Result l : latency) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s ms | %s ms | %s ms | %s ms |%n",
                    l.cache(),
                    l.samples(),
                    format(l.p50Ms()),
                    format(l.p95Ms()),
                    format(l.p99Ms()),
                    format(l.maxMs())));
        }
        md.append('\n');
    }

    private static void cost(StringBuilder md, ControllerCostBenchmark.Summary cost) {
        md.append("| Tracked agents | Live threads (JVM) | Threads outside the emulator | CPU per tracked minute"
                + " | DescribeTasks per minute | Heap held by the cloud |\n");
        md.append("|---:|---:|---:|---:|---:|---:|\n");
        for (ControllerCostBenchmark.Result c : cost.sizes()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %d | %d | %s ms | %s | %.1f MiB |%n",
                    c.agents(),
                    c.liveThreads(),
                    c.threadsOutsideEmulator(),
                    format(c.cpuMsPerTrackedMinute()),
                    format(c.describeTasksPerMinute()),
                    c.retainedHeapBytes() / (1024.0 * 1024.0)));
        }
        md.append(String.format(
                Locale.ROOT, "%nHeap per tracked agent (slope): %s KB.%n%n", format(cost.heapKbPerAgent())));
    }

    private static void steady(StringBuilder md, SteadyLoadBenchmark.Result s) {
        md.append(String.format(
                Locale.ROOT,
                "Steady load: %s builds per minute (Poisson) for an hour, builds of %s min (median), one-shot"
                        + " agents: %d builds, %d agents, peak %d concurrent tasks.%n%n",
                format(s.arrivalsPerMinute()),
                format(s.medianBuildMinutes()),
                s.builds(),
                s.agents(),
                s.peakConcurrentTasks()));
        md.append("| Steady load (simulated seconds) | p50 | p95 | Max |\n|---|---:|---:|---:|\n");
        percentiles(md, "queue wait (demand to build start)", s.queueWait());
        percentiles(md, "plugin: agent planned to RunTask at ECS", s.pluginPart());
        percentiles(md, "Fargate: RunTask to RUNNING", s.fargateStartUp());
        percentiles(md, "agent: RUNNING to connected", s.agentConnect());
        md.append(String.format(
                Locale.ROOT,
                "%nECS calls per agent: %s; throttled %d, retried %d, failures %d.%n",
                calls(s.callsPerAgent()),
                s.throttled(),
                s.retried(),
                s.failures()));
    }

    private static void percentiles(StringBuilder md, String name, SteadyLoadBenchmark.Percentiles p) {
        md.append(String.format(
                Locale.ROOT, "| %s | %s | %s | %s |%n", name, format(p.p50()), format(p.p95()), format(p.max())));
    }

    private static void row(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ");
        md.append(met ? "yes" : "**no**").append(" |\n");
    }

    private static String calls(Map<String, Double> perAgent) {
        return format(perAgent.get("total")) + " ("
                + perAgent.entrySet().stream()
                        .filter(e -> !e.getKey().equals("total"))
                        .map(e -> e.getKey().replace("ecs:", "") + " " + format(e.getValue()))
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e6) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }
}
