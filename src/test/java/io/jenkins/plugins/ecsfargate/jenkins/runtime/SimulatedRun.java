package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.FargateQuotas;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin at work, for people to watch: the in-process ECS emulator stands in for AWS (AWS's default quotas and
 * rate limits, Fargate's measured start-up latencies) on a simulated clock, a cloud is configured like the reference
 * setup ({@code ecs-cloud}, template {@code jenkins-agent} for label {@code ecs}), a few builds are queued, and the
 * real provisioning path (cloud runtime, engine, AWS SDK over HTTP) starts one-shot agents for them. Prints the
 * timeline in simulated seconds and the AWS calls made. Argument: {@code [builds]} (default 3, at most 6, which
 * is what the default Fargate quota of 6 vCPUs runs at once at 1 vCPU each).
 */
public final class SimulatedRun {
    static final String CLUSTER = "default-cluster";
    static final Duration BUILD_TIME = Duration.ofSeconds(4);

    private SimulatedRun() {}

    public static void main(String[] args) {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (builds < 1 || builds > 6) {
            throw new IllegalArgumentException("between 1 and 6 builds: " + builds);
        }
        Logger plugin = Logger.getLogger("io.jenkins.plugins.ecsfargate");
        plugin.setLevel(Level.WARNING);
        show(new PrintStream(System.out, true, StandardCharsets.UTF_8), builds);
        plugin.setLevel(null);
    }

    /** Runs {@code builds} builds and prints the set-up, the timeline, the calls and the time taken. */
    static RunTimeline show(PrintStream out, int builds) {
        long wallStart = System.nanoTime();
        TemplatePlan seed = RuntimeHarness.seed();
        describe(out, seed, builds);
        RunTimeline timeline = run(builds, seed);
        timeline.print(out);
        Duration simulated = timeline.events().get(timeline.events().size() - 1).at();
        out.printf(
                Locale.ROOT,
                "Simulated %s of ECS time in %.1f s of wall time.%n",
                RunTimeline.seconds(simulated),
                (System.nanoTime() - wallStart) / 1e9);
        return timeline;
    }

    /** Runs {@code builds} builds of {@link #BUILD_TIME} against a fresh emulator until every task is STOPPED. */
    static RunTimeline run(int builds, TemplatePlan template) {
        EcsEmulatorExtension aws = new EcsEmulatorExtension().start();
        RuntimeHarness cloud = null;
        try {
            aws.ecs()
                    .createCluster(
                            CLUSTER,
                            List.of(FargateQuotas.FARGATE, FargateQuotas.FARGATE_SPOT),
                            Map.of(FargateQuotas.FARGATE, 1));
            cloud = new RuntimeHarness(aws, template);
            SimulatedBuilds jenkins = new SimulatedBuilds(cloud, template.labelString());
            Instant start = aws.clock().instant();
            jenkins.queueAll("build-", builds, BUILD_TIME);
            RuntimeHarness harness = cloud;
            cloud.runUntil(
                    () -> jenkins.allFinished()
                            && harness.liveTasks().isEmpty()
                            && harness.jenkins.nodes().isEmpty(),
                    Duration.ofMinutes(15));
            return RunTimeline.collect(start, jenkins, aws);
        } finally {
            if (cloud != null) {
                cloud.close();
            }
            aws.stop();
        }
    }

    private static void describe(PrintStream out, TemplatePlan template, int builds) {
        TaskDefinitionSpec spec = template.spec();
        LaunchSettings launch = template.launch();
        out.printf(
                Locale.ROOT,
                "Simulated run: %d builds for label '%s' on cloud '%s', template '%s': %s on %s, %d CPU / %d MiB,"
                        + " subnets %s, security groups %s, execution role %s, awslogs.%n",
                builds,
                template.labelString(),
                RuntimeHarness.CLOUD,
                template.name(),
                spec.agent().image(),
                launch.capacity(),
                spec.cpu(),
                spec.memory(),
                launch.subnets(),
                launch.securityGroups(),
                spec.executionRoleArn());
        out.println("AWS here is the in-process ECS emulator (AWS's default quotas and rate limits, Fargate's start-up"
                + " latencies) on a simulated clock; times are simulated seconds since the builds were queued. Each"
                + " build takes " + BUILD_TIME.toSeconds() + " s; agents are one-shot.");
        out.println();
    }
}
