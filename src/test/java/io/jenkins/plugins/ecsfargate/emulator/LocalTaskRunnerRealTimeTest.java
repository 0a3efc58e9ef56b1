package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The runner as the stand-alone emulator and an end-to-end suite use it: on the system clock nobody advances time
 * or polls, so the runner's own ticking must start the agent once its task reaches RUNNING.
 */
class LocalTaskRunnerRealTimeTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path root;

    @Test
    void onTheSystemClockAgentsStartWithoutAnyRequestAndStopTaskEndsThem() throws Exception {
        EmulatorClock clock = EmulatorClock.system();
        EcsService ecs = new EcsService(clock);
        ecs.createCluster("default", List.of(FargateQuotas.FARGATE), Map.of(FargateQuotas.FARGATE, 1));
        ecs.latencies().setAll(Duration.ofMillis(20));
        CompletableFuture<EmulatedTask> stopped = new CompletableFuture<>();
        ecs.onTaskStopped(stopped::complete);
        try (EcsEmulator emulator = new EcsEmulator(clock).register(ecs);
                FakeController controller = new FakeController()) {
            LocalTaskRunner runner = LocalTaskRunner.attach(emulator, ecs, root);
            try (EcsClient client = AwsClients.ecsWithoutRetries(emulator.start())) {
                String definition = client.registerTaskDefinition(
                                EcsRequests.taskDefinition("agents").build())
                        .taskDefinition()
                        .taskDefinitionArn();
                Map<String, String> env = Map.of(
                        "JENKINS_URL", controller.url(), "JENKINS_AGENT_NAME", "agent-rt", "JENKINS_SECRET", "s");
                String arn = client.runTask(EcsRequests.runAgent(definition, env))
                        .tasks()
                        .get(0)
                        .taskArn();

                controller.started("agent-rt").get(WAIT_SECONDS, TimeUnit.SECONDS);
                client.stopTask(r -> r.cluster("default").task(arn));

                assertThat(stopped.get(WAIT_SECONDS, TimeUnit.SECONDS).taskArn())
                        .isEqualTo(arn);
                assertThat(runner.task(arn).orElseThrow().exit().get(WAIT_SECONDS, TimeUnit.SECONDS))
                        .isEqualTo(143);
                Task described = client.describeTasks(r -> r.cluster("default").tasks(arn))
                        .tasks()
                        .get(0);
                assertThat(described.lastStatus()).isEqualTo("STOPPED");
                assertThat(described.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
                assertThat(described.containers().get(0).exitCode()).isEqualTo(143);
            }
        }
    }
}
