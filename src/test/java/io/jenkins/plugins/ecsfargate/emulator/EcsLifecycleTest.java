package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.LatencyModel.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

class EcsLifecycleTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private EcsClient ecs;
    private String taskDefinitionArn;

    @BeforeEach
    void setUp() {
        ecs = aws.ecsClientWithoutRetries();
        aws.ecs()
                .latencies()
                .set(Phase.PROVISIONING, Latency.fixed(Duration.ofSeconds(5)))
                .set(Phase.PRE_PULL, Latency.fixed(Duration.ofSeconds(5)))
                .set(Phase.PULL, Latency.fixed(Duration.ofSeconds(10)))
                .set(Phase.START, Latency.fixed(Duration.ofSeconds(5)))
                .set(Phase.DEACTIVATE, Latency.fixed(Duration.ofSeconds(1)))
                .set(Phase.CONTAINER_STOP, Latency.fixed(Duration.ofSeconds(2)))
                .set(Phase.DEPROVISION, Latency.fixed(Duration.ofSeconds(20)));
        taskDefinitionArn = ecs.registerTaskDefinition(
                        EcsRequests.taskDefinition("agent").build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private Task run() {
        return ecs.runTask(EcsRequests.runTask(taskDefinitionArn)
                        .overrides(TaskOverride.builder()
                                .containerOverrides(ContainerOverride.builder()
                                        .name("agent")
                                        .environment(
                                                KeyValuePair.builder()
                                                        .name("JENKINS_AGENT_NAME")
                                                        .value("agent-1")
                                                        .build(),
                                                KeyValuePair.builder()
                                                        .name("JENKINS_SECRET")
                                                        .value("s3cr3t")
                                                        .build())
                                        .build())
                                .build())
                        .build())
                .tasks()
                .get(0);
    }

    private Task describe(String arn) {
        return ecs.describeTasks(r -> r.cluster("default").tasks(arn)).tasks().get(0);
    }

    @Test
    void startsProvisioningAndWalksToRunningWithTheClock() {
        Task launched = run();
        assertThat(launched.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(launched.desiredStatus()).isEqualTo("RUNNING");
        assertThat(launched.createdAt()).isEqualTo(aws.clock().instant());

        aws.clock().advance(Duration.ofSeconds(5));
        Task pending = describe(launched.taskArn());
        assertThat(pending.lastStatus()).isEqualTo("PENDING");
        assertThat(pending.connectivityAt()).isEqualTo(launched.createdAt().plusSeconds(5));

        aws.clock().advance(Duration.ofSeconds(15));
        Task pulled = describe(launched.taskArn());
        assertThat(pulled.lastStatus()).isEqualTo("PENDING");
        assertThat(pulled.pullStartedAt()).isEqualTo(launched.createdAt().plusSeconds(10));
        assertThat(pulled.pullStoppedAt()).isEqualTo(launched.createdAt().plusSeconds(20));

        aws.clock().advance(Duration.ofSeconds(5));
        Task running = describe(launched.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(launched.createdAt().plusSeconds(25));
        assertThat(running.containers().get(0).lastStatus()).isEqualTo("RUNNING");
        assertThat(running.version()).isGreaterThan(launched.version());
    }

    @Test
    void runningHookSeesTheAgentEnvironment() {
        List<EmulatedTask> seen = new ArrayList<>();
        aws.ecs().onTaskRunning(seen::add);
        Task launched = run();

        aws.clock().advance(Duration.ofSeconds(24));
        assertThat(seen).isEmpty();
        aws.clock().advance(Duration.ofSeconds(1));

        assertThat(seen).singleElement().satisfies(task -> {
            assertThat(task.taskArn()).isEqualTo(launched.taskArn());
            assertThat(task.lastStatus()).isEqualTo("RUNNING");
            assertThat(task.env("JENKINS_AGENT_NAME")).hasValue("agent-1");
            assertThat(task.env("JENKINS_SECRET")).hasValue("s3cr3t");
        });
        aws.clock().advance(Duration.ofMinutes(5));
        assertThat(seen).hasSize(1);
    }

    @Test
    void stopTaskAnswersAtOnceAndStopsThroughEveryPhase() {
        Task launched = run();
        aws.clock().advance(Duration.ofSeconds(30));
        List<EmulatedTask> stopped = new ArrayList<>();
        aws.ecs().onTaskStopped(stopped::add);

        Task stopping = ecs.stopTask(r -> r.task(launched.taskArn())).task();
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.lastStatus()).isEqualTo("RUNNING");
        assertThat(stopping.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopping.stoppedReason()).isEqualTo("Task stopped by user");
        assertThat(stopping.stoppingAt()).isEqualTo(aws.clock().instant());

        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            aws.clock().advance(Duration.ofSeconds(1));
            String status = describe(launched.taskArn()).lastStatus();
            if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
                statuses.add(status);
            }
        }
        assertThat(statuses).containsExactly("DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED");
        Task done = describe(launched.taskArn());
        assertThat(done.stoppedAt()).isNotNull();
        assertThat(done.executionStoppedAt()).isBefore(done.stoppedAt());
        assertThat(done.containers().get(0).exitCode()).isEqualTo(143);
        assertThat(stopped).singleElement().satisfies(t -> assertThat(t.stopCode())
                .isEqualTo("UserInitiated"));
    }

    @Test
    void stoppedTasksVanishAfterRetention() {
        aws.ecs().setStoppedTaskRetention(Duration.ofMinutes(10));
        Task launched = run();
        aws.clock().advance(Duration.ofSeconds(30));
        aws.ecs().containerExited(launched.taskArn(), 0);
        aws.clock().advance(Duration.ofSeconds(30));
        assertThat(describe(launched.taskArn()).lastStatus()).isEqualTo("STOPPED");
        assertThat(describe(launched.taskArn()).stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(describe(launched.taskArn()).containers().get(0).exitCode()).isZero();

        aws.clock().advance(Duration.ofMinutes(10));

        var answer = ecs.describeTasks(r -> r.cluster("default").tasks(launched.taskArn()));
        assertThat(answer.tasks()).isEmpty();
        assertThat(answer.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo(launched.taskArn());
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }
}
