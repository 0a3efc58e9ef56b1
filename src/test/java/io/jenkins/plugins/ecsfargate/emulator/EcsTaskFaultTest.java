package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

class EcsTaskFaultTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private EcsClient ecs;
    private String definition;
    private final List<EmulatedTask> running = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ecs = aws.ecsClientWithoutRetries();
        aws.ecs().latencies().setAll(Duration.ofSeconds(2));
        aws.ecs().onTaskRunning(running::add);
        definition = ecs.registerTaskDefinition(
                        EcsRequests.taskDefinition("agent").build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private String launch() {
        return ecs.runTask(EcsRequests.runTask(definition).build())
                .tasks()
                .get(0)
                .taskArn();
    }

    private Task after(String arn, Duration elapsed) {
        aws.clock().advance(elapsed);
        return ecs.describeTasks(r -> r.tasks(arn)).tasks().get(0);
    }

    @Test
    void cannotPullContainerStopsTheTaskBeforeRunning() {
        aws.ecs().taskFaults().next(TaskFault.cannotPullContainer());
        String arn = launch();

        Task task = after(arn, Duration.ofMinutes(1));

        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(task.stoppedReason()).startsWith("CannotPullContainerError");
        assertThat(task.startedAt()).isNull();
        assertThat(task.pullStartedAt()).isNotNull();
        Container container = task.containers().get(0);
        assertThat(container.reason()).startsWith("CannotPullContainerError");
        assertThat(container.exitCode()).isNull();
        assertThat(running).isEmpty();
        assertThat(launchAndRun()).isEqualTo("RUNNING");
    }

    @Test
    void anImageWithAFaultOfItsOwnFailsEveryTaskThatUsesIt() {
        String image = "registry.example.com/missing/agent:1";
        aws.ecs().taskFaults().forImage(image, TaskFault.cannotPullContainer());
        String broken = ecs.registerTaskDefinition(EcsRequests.taskDefinition("broken")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("agent")
                                .image(image)
                                .essential(true)
                                .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();

        String first = launch();
        String failing =
                ecs.runTask(EcsRequests.runTask(broken).build()).tasks().get(0).taskArn();
        String second = launch();

        assertThat(after(failing, Duration.ofMinutes(1)).stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(after(first, Duration.ZERO).lastStatus()).isEqualTo("RUNNING");
        assertThat(after(second, Duration.ZERO).lastStatus()).isEqualTo("RUNNING");
    }

    private String launchAndRun() {
        return after(launch(), Duration.ofMinutes(1)).lastStatus();
    }

    @Test
    void resourceInitializationErrorFailsBeforeThePull() {
        aws.ecs().taskFaults().next(TaskFault.resourceInitializationError());

        Task task = after(launch(), Duration.ofMinutes(1));

        assertThat(task.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(task.stoppedReason()).startsWith("ResourceInitializationError");
        assertThat(task.pullStartedAt()).isNull();
    }

    @Test
    void stuckPendingUntilTheStartTimeout() {
        aws.ecs().taskFaults().next(TaskFault.stuckPending());
        String arn = launch();

        assertThat(after(arn, Duration.ofMinutes(2)).lastStatus()).isEqualTo("PENDING");
        Task task = after(arn, Duration.ofMinutes(2));

        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
    }

    @Test
    void spotInterruptionAfterRunning() {
        aws.ecs().taskFaults().next(TaskFault.spotInterruption(Duration.ofMinutes(5)));
        String arn = launch();

        assertThat(after(arn, Duration.ofMinutes(1)).lastStatus()).isEqualTo("RUNNING");
        Task interrupted = after(arn, Duration.ofMinutes(5));

        assertThat(interrupted.desiredStatus()).isEqualTo("STOPPED");
        assertThat(interrupted.stopCode()).isEqualTo(TaskStopCode.SPOT_INTERRUPTION);
        assertThat(interrupted.stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
        assertThat(after(arn, Duration.ofMinutes(2)).lastStatus()).isEqualTo("STOPPED");
    }

    @Test
    void outOfMemoryAndEssentialExitCarryExitCodes() {
        aws.ecs().taskFaults().next(TaskFault.outOfMemory(Duration.ofSeconds(30)));
        aws.ecs().taskFaults().next(TaskFault.essentialContainerExited(Duration.ofSeconds(30), 1));
        String oom = launch();
        String exited = launch();

        aws.clock().advance(Duration.ofMinutes(2));
        Task oomTask = after(oom, Duration.ZERO);
        Task exitedTask = after(exited, Duration.ZERO);

        assertThat(oomTask.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(oomTask.containers().get(0).exitCode()).isEqualTo(137);
        assertThat(oomTask.containers().get(0).reason()).startsWith("OutOfMemoryError");
        assertThat(exitedTask.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(exitedTask.containers().get(0).exitCode()).isEqualTo(1);
        assertThat(running).hasSize(2);
    }

    @Test
    void externalStopsActAsEcsOrTheContainer() {
        String spot = launch();
        String infra = launch();
        String oom = launch();
        aws.clock().advance(Duration.ofMinutes(1));
        List<EmulatedTask> stopped = new ArrayList<>();
        aws.ecs().onTaskStopped(stopped::add);

        aws.ecs().interruptSpot(spot);
        Task warned = after(spot, Duration.ZERO);
        assertThat(warned.lastStatus()).isEqualTo("RUNNING");
        assertThat(warned.desiredStatus()).isEqualTo("STOPPED");
        assertThat(warned.stopCode()).isEqualTo(TaskStopCode.TERMINATION_NOTICE);
        aws.ecs().stopTask(infra, "InfrastructureHealth", "Task stopped due to infrastructure health");
        aws.ecs().outOfMemory(oom);
        aws.clock().advance(Duration.ofMinutes(1));

        assertThat(stopped)
                .extracting(EmulatedTask::stopCode)
                .containsExactlyInAnyOrder("SpotInterruption", "InfrastructureHealth", "EssentialContainerExited");
        assertThat(aws.ecs().liveTasks()).isEmpty();
        assertThat(aws.ecs().allTasks()).hasSize(3);
    }

    @Test
    void probabilisticTaskFaultsRepeatWithTheSeed() {
        aws.ecs().taskFaults().withProbability(0.5, TaskFault.cannotPullContainer());
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            arns.add(launch());
        }
        aws.clock().advance(Duration.ofMinutes(1));

        long failed = arns.stream()
                .filter(arn -> "TaskFailedToStart"
                        .equals(aws.ecs().task(arn).orElseThrow().stopCode()))
                .count();
        assertThat(failed).isBetween(1L, 9L);
        assertThat(running).hasSize((int) (10 - failed));
    }

    @org.junit.jupiter.api.Test
    void aFailedPullNamesTheImageAsTheRuntimeResolvesIt() {
        assertThat(TaskFault.resolvedReference("alpine:3")).isEqualTo("docker.io/library/alpine:3");
        assertThat(TaskFault.resolvedReference("jenkins/inbound-agent:alpine"))
                .isEqualTo("docker.io/jenkins/inbound-agent:alpine");
        assertThat(TaskFault.resolvedReference("registry.example.com/missing/agent:1"))
                .isEqualTo("registry.example.com/missing/agent:1");
        assertThat(TaskFault.resolvedReference("localhost/agent")).isEqualTo("localhost/agent");
        assertThat(TaskFault.cannotPullContainer()
                        .striking("123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:7")
                        .reason())
                .startsWith("CannotPullContainerError:")
                .contains("failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:7: not found");
    }
}
