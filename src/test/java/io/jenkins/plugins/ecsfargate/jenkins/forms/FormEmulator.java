package io.jenkins.plugins.ecsfargate.jenkins.forms;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulator;
import io.jenkins.plugins.ecsfargate.emulator.EcsService;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorClock;
import java.util.List;

/**
 * The AWS a cloud form talks to in tests: the ECS emulator with clusters {@code default-cluster} (FARGATE only)
 * and {@code spot-cluster} (FARGATE and FARGATE_SPOT), ListClusters over three clusters, and STS answering as
 * an IAM user of account 123456789012. Every call is counted.
 */
final class FormEmulator implements AutoCloseable {
    static final String ACCOUNT = "123456789012";
    static final String CALLER = "arn:aws:iam::123456789012:user/jenkins";

    private final EcsEmulator emulator = new EcsEmulator(EmulatorClock.manual());
    private final String endpoint;

    FormEmulator() {
        EcsService ecs = new EcsService(emulator.clock());
        ecs.createCluster("default-cluster", "FARGATE");
        ecs.createCluster("spot-cluster", "FARGATE", "FARGATE_SPOT");
        emulator.register(new ListClustersService(
                List.of(ecs.clusterArn("spot-cluster"), ecs.clusterArn("default-cluster"), ecs.clusterArn("build"))));
        emulator.register(new CallerIdentityService(ACCOUNT, CALLER));
        emulator.register(ecs);
        endpoint = emulator.start().toString();
    }

    String endpoint() {
        return endpoint;
    }

    long calls() {
        return emulator.stats().totalCalls();
    }

    long calls(String operation) {
        return emulator.stats().snapshot().entrySet().stream()
                .filter(e -> e.getKey().endsWith(operation))
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
