package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The provisioning benchmarks of docs/performance.md, run by {@code mvn -B -ntp -Pbench verify}: bursts of 10, 100
 * and 1,000 agents next to the quota bound, the plugin's own launch latency, the controller's cost at 10, 100 and
 * 1,000 tracked agents, and an hour of steady load. Everything goes through the real provisioning path (cloud
 * runtime, engine, AWS SDK over HTTP) against the emulator with AWS's default rate limits, the Fargate launch rate
 * and Fargate's latency distributions on a simulated clock. Writes {@code results.json} and {@code results.md} to
 * the directory given as the argument (default {@code target/bench}). Targets are reported, never asserted.
 */
public final class ProvisioningBenchmark {
    private ProvisioningBenchmark() {}

    /** The sizes of one run: the full benchmark, or a small one that checks the runner works. */
    record Plan(int[] bursts, int warmSamples, int coldSamples, int[] trackedSizes, Duration steadyPeriod) {
        static Plan full() {
            return new Plan(new int[] {10, 100, 1000}, 500, 40, new int[] {10, 100, 1000}, Duration.ofHours(1));
        }
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/bench");
        Logger plugin = Logger.getLogger("io.jenkins.plugins.ecsfargate");
        plugin.setLevel(Level.WARNING);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, Object> results = run(Plan.full(), out);
        write(directory, results);
        out.println("Wrote " + directory.resolve("results.json") + " and " + directory.resolve("results.md"));
        plugin.setLevel(null);
    }

    static Map<String, Object> run(Plan plan, PrintStream out) {
        long start = System.nanoTime();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        List<BurstBenchmark.Result> bursts = new ArrayList<>();
        for (int agents : plan.bursts()) {
            for (double share : new double[] {0.8, 1.0}) {
                out.printf("burst of %d agents, rate share %.1f...%n", agents, share);
                bursts.add(BurstBenchmark.run(agents, share, 11));
            }
        }
        results.put("burst", bursts);
        out.println("plugin latency...");
        results.put("latency", LaunchLatencyBenchmark.run(plan.warmSamples(), plan.coldSamples(), 13));
        out.println("controller cost...");
        results.put("controllerCost", ControllerCostBenchmark.run(plan.trackedSizes(), 17));
        out.println("steady load...");
        results.put("steadyLoad", SteadyLoadBenchmark.run(6, 3, plan.steadyPeriod(), 19));
        results.put("wallSeconds", BenchSupport.round((System.nanoTime() - start) / 1e9, 1));
        return results;
    }

    static void write(Path directory, Map<String, Object> results) throws IOException {
        Files.createDirectories(directory);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(directory.resolve("results.json"), json.writeValueAsString(results), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("results.md"), BenchReport.markdown(results), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", Instant.now().toString());
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return machine;
    }
}
