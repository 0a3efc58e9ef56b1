package io.jenkins.plugins.ecsfargate.emulator;

import static io.jenkins.plugins.ecsfargate.emulator.EcsAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;

class EcsQuotaAndFaultTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private EcsClient ecs;
    private String definition;

    @BeforeEach
    void setUp() {
        ecs = aws.ecsClientWithoutRetries();
        aws.ecs().latencies().setAll(Duration.ofSeconds(1));
        definition = ecs.registerTaskDefinition(EcsRequests.taskDefinition("agent")
                        .cpu("1024")
                        .memory("2048")
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private RunTaskRequest.Builder run() {
        return EcsRequests.runTask(definition);
    }

    private RunTaskRequest.Builder runSpot() {
        return run().launchType((LaunchType) null)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                        .capacityProvider("FARGATE_SPOT")
                        .weight(1)
                        .build());
    }

    @Test
    void onDemandVcpuQuotaFailsTasksInsideA200() {
        RunTaskResponse answer = ecs.runTask(run().count(8).build());

        assertThat(answer.tasks()).hasSize(6);
        assertThat(answer.failures()).hasSize(2).allSatisfy(f -> {
            assertThat(f.reason()).startsWith("You\u2019ve reached the limit on the number of vCPUs");
            assertThat(f.arn()).isNull();
        });
        assertThat(ecs.runTask(runSpot().count(6).build()).tasks()).hasSize(6);
    }

    @Test
    void stoppedTasksGiveTheirVcpusBack() {
        List<String> arns = ecs.runTask(run().count(6).build()).tasks().stream()
                .map(t -> t.taskArn())
                .toList();
        assertThat(ecs.runTask(run().build()).failures()).hasSize(1);

        ecs.stopTask(r -> r.task(arns.get(0)));
        assertThat(ecs.runTask(run().build()).failures()).hasSize(1);
        aws.clock().advance(Duration.ofSeconds(10));

        assertThat(ecs.runTask(run().build()).tasks()).hasSize(1);
    }

    @Test
    void capacityCanBeUnavailablePerProvider() {
        aws.ecs().quotas().setCapacityAvailable(FargateQuotas.FARGATE_SPOT, false);

        RunTaskResponse spot = ecs.runTask(runSpot().build());
        assertThat(spot.tasks()).isEmpty();
        assertThat(spot.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .isEqualTo("Capacity is unavailable at this time. Please try again later or in a different"
                        + " availability zone"));
        assertThat(ecs.runTask(run().build()).tasks()).hasSize(1);

        aws.ecs().quotas().setCapacityAvailable(FargateQuotas.FARGATE_SPOT, true);
        aws.ecs().quotas().capacityUnavailableForNext(FargateQuotas.FARGATE, 1);
        RunTaskResponse two = ecs.runTask(run().count(2).build());
        assertThat(two.tasks()).hasSize(1);
        assertThat(two.failures()).hasSize(1);
    }

    @Test
    void apiRateLimitsThrottleAndRefillWithTheClock() {
        for (int i = 0; i < 20; i++) {
            ecs.describeTaskDefinition(r -> r.taskDefinition(definition));
        }
        // RegisterTaskDefinition: 20 burst, 1/s (one was used in setUp).
        for (int i = 0; i < 19; i++) {
            ecs.registerTaskDefinition(EcsRequests.taskDefinition("agent").build());
        }
        assertRejected(
                () -> ecs.registerTaskDefinition(
                        EcsRequests.taskDefinition("agent").build()),
                "ThrottlingException");
        aws.clock().advance(Duration.ofSeconds(1));
        ecs.registerTaskDefinition(EcsRequests.taskDefinition("agent").build());

        assertThat(aws.stats().throttled("ecs:RegisterTaskDefinition")).isEqualTo(1);
        assertThat(aws.stats().throttled("ecs:DescribeTaskDefinition")).isZero();
    }

    @Test
    void fargateLaunchRateThrottlesRunTask() {
        aws.ecs().quotas().setOnDemandVcpu(4000);
        for (int i = 0; i < 10; i++) {
            assertThat(ecs.runTask(run().count(10).build()).tasks()).hasSize(10);
        }
        assertRejected(() -> ecs.runTask(run().count(10).build()), "ThrottlingException");
        aws.clock().advance(Duration.ofMillis(500));
        assertThat(ecs.runTask(run().count(10).build()).tasks()).hasSize(10);
    }

    @Test
    void sdkRetriesScriptedServerErrorsAndTheEmulatorCountsThem() {
        aws.faults().onCalls("ecs:ListTasks", 1, 2, Fault.serverError());
        EcsClient retrying = aws.ecsClient();

        assertThat(retrying.listTasks(r -> {}).taskArns()).isEmpty();

        assertThat(aws.stats().calls("ecs:ListTasks")).isEqualTo(3);
        assertThat(aws.stats().retries("ecs:ListTasks")).isEqualTo(2);
        assertThat(aws.stats().log("ecs:ListTasks"))
                .extracting(LoggedCall::status)
                .containsExactly(500, 500, 200);
    }

    @Test
    void lostRunTaskAnswerStillStartedTheTaskAndTheClientTokenRecoversIt() {
        aws.faults().onCall("ecs:RunTask", 1, Fault.dropAnswer());

        assertThatThrownBy(() -> ecs.runTask(run().clientToken("agent-7").build()))
                .isInstanceOf(SdkClientException.class);
        assertThat(aws.ecs().liveTasks()).hasSize(1);

        RunTaskResponse retried = ecs.runTask(run().clientToken("agent-7").build());
        assertThat(retried.tasks()).singleElement().satisfies(t -> assertThat(t.taskArn())
                .isEqualTo(aws.ecs().liveTasks().get(0).taskArn()));
        assertThat(aws.ecs().liveTasks()).hasSize(1);
    }

    @Test
    void stopTaskFailuresCanBeScripted() {
        String arn = ecs.runTask(run().build()).tasks().get(0).taskArn();
        aws.faults().onCall("ecs:StopTask", 1, Fault.error(400, "AccessDeniedException", "User is not authorized"));

        assertRejected(() -> ecs.stopTask(r -> r.task(arn)), "AccessDeniedException");
        assertThat(aws.ecs().task(arn))
                .hasValueSatisfying(t -> assertThat(t.desiredStatus()).isEqualTo("RUNNING"));
        ecs.stopTask(r -> r.task(arn));
        assertThat(aws.ecs().task(arn))
                .hasValueSatisfying(t -> assertThat(t.desiredStatus()).isEqualTo("STOPPED"));
    }

    @Test
    void newTasksCanBeInvisibleForAMoment() {
        aws.ecs().setVisibilityDelay(Duration.ofSeconds(2));
        String arn = ecs.runTask(run().build()).tasks().get(0).taskArn();

        assertThat(ecs.describeTasks(r -> r.tasks(arn)).failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        assertThat(ecs.listTasks(r -> {}).taskArns()).isEmpty();
        aws.clock().advance(Duration.ofSeconds(2));
        assertThat(ecs.describeTasks(r -> r.tasks(arn)).tasks()).hasSize(1);
    }
}
