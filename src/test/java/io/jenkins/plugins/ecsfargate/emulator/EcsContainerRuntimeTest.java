package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** How ECS hands running tasks to a {@link ContainerRuntime} and lets their stops wait for the real exit. */
class EcsContainerRuntimeTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private final RecordingRuntime runtime = new RecordingRuntime();
    private EcsClient ecs;
    private String definition;

    /** Takes over the tasks it is told to, and records what ECS asks of it. */
    static final class RecordingRuntime implements ContainerRuntime {
        volatile boolean taking = true;
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<String> stopped = new CopyOnWriteArrayList<>();

        @Override
        public boolean takesOver(EmulatedTask task) {
            return taking;
        }

        @Override
        public void start(EmulatedTask task) {
            started.add(task.taskArn());
        }

        @Override
        public void stop(EmulatedTask task) {
            stopped.add(task.taskArn());
        }
    }

    @BeforeEach
    void setUp() {
        ecs = aws.ecsClientWithoutRetries();
        aws.ecs().latencies().setAll(Duration.ofSeconds(1));
        aws.ecs().runContainersWith(runtime);
        definition = ecs.registerTaskDefinition(
                        EcsRequests.taskDefinition("agents").build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private String runToRunning() {
        String arn = ecs.runTask(EcsRequests.runTask(definition).build())
                .tasks()
                .get(0)
                .taskArn();
        aws.clock().advance(Duration.ofSeconds(4));
        return arn;
    }

    private Task describe(String arn) {
        return ecs.describeTasks(r -> r.cluster("default").tasks(arn)).tasks().get(0);
    }

    @Test
    void aStopOfATakenTaskWaitsInStoppingUntilTheRuntimeReportsTheExit() {
        String arn = runToRunning();
        assertThat(runtime.started).containsExactly(arn);

        ecs.stopTask(r -> r.cluster("default").task(arn));
        assertThat(runtime.stopped).containsExactly(arn);
        aws.clock().advance(Duration.ofHours(2));
        Task stopping = describe(arn);
        assertThat(stopping.lastStatus()).isEqualTo("STOPPING");
        assertThat(stopping.executionStoppedAt()).isNull();
        assertThat(stopping.containers().get(0).exitCode()).isNull();

        aws.ecs().containerExited(arn, 130);
        assertThat(describe(arn).executionStoppedAt()).isEqualTo(aws.clock().instant());
        aws.clock().advance(Duration.ofSeconds(1));
        Task stopped = describe(arn);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(130);
        assertThat(runtime.started).containsExactly(arn);
        assertThat(runtime.stopped).containsExactly(arn);
    }

    @Test
    void theEmulatorsOwnStopsWaitForTheRuntimeToo() {
        String arn = runToRunning();

        aws.ecs().interruptSpot(arn);
        assertThat(runtime.stopped).containsExactly(arn);
        aws.clock().advance(Duration.ofMinutes(5));
        assertThat(describe(arn).lastStatus()).isEqualTo("STOPPING");

        aws.ecs().containerExited(arn, 143);
        aws.clock().advance(Duration.ofSeconds(1));
        Task stopped = describe(arn);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.SPOT_INTERRUPTION);
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(143);
    }

    @Test
    void anExitWithoutAStopEndsTheTaskWithEssentialContainerExited() {
        String arn = runToRunning();

        aws.ecs().containerExited(arn, 2);
        aws.clock().advance(Duration.ofMinutes(1));

        Task stopped = describe(arn);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(2);
    }

    @Test
    void tasksTheRuntimeDeclinesFollowTheLatencyModel() {
        runtime.taking = false;
        String arn = runToRunning();

        ecs.stopTask(r -> r.cluster("default").task(arn));
        aws.clock().advance(Duration.ofSeconds(5));

        assertThat(runtime.started).isEmpty();
        assertThat(runtime.stopped).isEmpty();
        Task stopped = describe(arn);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(143);
    }
}
