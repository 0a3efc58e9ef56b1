package io.jenkins.plugins.ecsfargate.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The emulator as a stand-alone process, so any AWS client (the AWS CLI with {@code --endpoint-url}) can run tasks
 * against it: real time, AWS's default quotas and rate limits, cluster {@code default} with FARGATE and
 * FARGATE_SPOT (default strategy FARGATE). Options: {@code --port N} (default: ephemeral), {@code --time-scale X}
 * (lifecycle speed; 0.1 starts tasks ten times faster), {@code --vcpu N} (both vCPU quotas), {@code --no-throttling},
 * {@code --run-agents} (run each task's agent container as a local inbound agent, see {@link LocalTaskRunner}) with
 * {@code --agents-dir DIR} for its jars, work directories and logs (default: a new temporary directory). Prints the
 * endpoint, then serves until the process is stopped; stopping it kills the agents it started. From the repository root:
 *
 * <pre>
 * mvn -B -ntp test-compile exec:java -Dexec.mainClass=io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorMain \
 *     -Dexec.classpathScope=test -Dexec.args="--port 4566 --time-scale 0.1"
 * </pre>
 */
public final class EcsEmulatorMain {
    private EcsEmulatorMain() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        int port = 0;
        double timeScale = 1.0;
        Double vcpu = null;
        boolean throttling = true;
        boolean runAgents = false;
        Path agentsDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--time-scale" -> timeScale = Double.parseDouble(args[++i]);
                case "--vcpu" -> vcpu = Double.valueOf(args[++i]);
                case "--no-throttling" -> throttling = false;
                case "--run-agents" -> runAgents = true;
                case "--agents-dir" -> agentsDir = Path.of(args[++i]);
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --port N, --time-scale X, --vcpu N, --no-throttling, --run-agents,"
                            + " --agents-dir DIR)");
            }
        }
        EmulatorClock clock = EmulatorClock.system();
        EcsEmulator emulator = new EcsEmulator(clock, System.nanoTime());
        EcsService ecs = new EcsService(clock, "us-east-1", "123456789012", System.nanoTime());
        ecs.createCluster(
                "default",
                List.of(FargateQuotas.FARGATE, FargateQuotas.FARGATE_SPOT),
                Map.of(FargateQuotas.FARGATE, 1));
        ecs.latencies().setTimeScale(timeScale);
        if (vcpu != null) {
            ecs.quotas().setOnDemandVcpu(vcpu).setSpotVcpu(vcpu);
        }
        ecs.quotas().setLaunchRateLimited(throttling);
        emulator.register(ecs);
        AccountServices.create(clock, System.nanoTime()).registerWith(emulator);
        EcsRateLimits.applyDefaults(emulator.rateLimits());
        emulator.rateLimits().setEnabled(throttling);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (runAgents) {
            Path root = agentsDir != null ? agentsDir : Files.createTempDirectory("ecs-emulator-agents");
            LocalTaskRunner.attach(emulator, ecs, root);
            out.println("Running agent containers locally; work directories and logs under " + root);
        }
        URI endpoint = emulator.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "ecs-emulator-shutdown"));
        out.println("ECS emulator listening at " + endpoint);
        out.println("Try: AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws --endpoint-url " + endpoint
                + " --region us-east-1 ecs list-tasks");
        new CountDownLatch(1).await();
    }
}
