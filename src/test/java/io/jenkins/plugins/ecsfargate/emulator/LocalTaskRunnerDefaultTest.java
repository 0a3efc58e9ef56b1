package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Without asking for it, the emulator runs no process: tasks live and die by the latency model alone. */
class LocalTaskRunnerDefaultTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    @Test
    void theRunnerIsOffByDefault() throws Exception {
        EcsClient ecs = aws.ecsClientWithoutRetries();
        aws.ecs().latencies().setAll(Duration.ofSeconds(1));
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        try (FakeController controller = new FakeController()) {
            String definition = ecs.registerTaskDefinition(
                            EcsRequests.taskDefinition("agents").build())
                    .taskDefinition()
                    .taskDefinitionArn();
            String arn = ecs.runTask(EcsRequests.runAgent(definition, Map.of("JENKINS_URL", controller.url())))
                    .tasks()
                    .get(0)
                    .taskArn();

            aws.clock().advance(Duration.ofSeconds(4));
            assertThat(aws.ecs().task(arn).orElseThrow().lastStatus()).isEqualTo("RUNNING");
            ecs.stopTask(r -> r.cluster("default").task(arn));
            aws.clock().advance(Duration.ofMinutes(2));

            assertThat(aws.taskRunner()).isEmpty();
            assertThat(aws.ecs().task(arn).orElseThrow().lastStatus()).isEqualTo("STOPPED");
            assertThat(controller.jarDownloads()).isZero();
            assertThat(ProcessHandle.current().children()).isSubsetOf(before);
        }
    }
}
