package io.jenkins.plugins.ecsfargate.engine.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.Fault;
import io.jenkins.plugins.ecsfargate.emulator.LoggedCall;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

class AwsCallsTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private EngineFixture engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private CompletableFuture<List<String>> listTasks(EngineFixture fixture, String cluster) {
        EcsClient ecs = fixture.clients.ecs();
        return fixture.calls.call(LaunchPhase.TRACKING, "ListTasks", () -> ecs.listTasks(r -> r.cluster(cluster))
                .taskArns());
    }

    private LaunchFailure failureOf(CompletableFuture<?> future) {
        engine.scheduler.runUntilIdle();
        assertThat(future).isCompletedExceptionally();
        return LaunchFailureException.unwrap(org.assertj.core.api.Assertions.catchThrowable(future::join));
    }

    @Test
    void serverErrorsAndLostConnectionsAreRetried() {
        engine = new EngineFixture(aws);
        aws.faults().onCall("ecs:ListTasks", 1, Fault.serverError());
        aws.faults().onCall("ecs:ListTasks", 1, Fault.dropConnection());
        assertThat(engine.await(listTasks(engine, "default"))).isEmpty();
        assertThat(aws.stats().calls("ecs:ListTasks")).isEqualTo(3);
    }

    @Test
    void fatalErrorsAreNotRetried() {
        engine = new EngineFixture(aws);
        LaunchFailure failure = failureOf(listTasks(engine, "missing"));
        assertThat(failure.cause()).isEqualTo(FailureCause.CLUSTER_NOT_FOUND);
        assertThat(failure.phase()).isEqualTo(LaunchPhase.TRACKING);
        assertThat(aws.stats().calls("ecs:ListTasks")).isEqualTo(1);
    }

    @Test
    void throttlingIsRetriedWithGrowingBackoffUntilAttemptsRunOut() {
        engine = new EngineFixture(aws, 0.8, 5);
        aws.faults().always("ecs:ListTasks", Fault.throttling());
        LaunchFailure failure = failureOf(listTasks(engine, "default"));
        assertThat(failure.cause()).isEqualTo(FailureCause.THROTTLED);
        List<Instant> times =
                aws.stats().log("ecs:ListTasks").stream().map(LoggedCall::at).toList();
        assertThat(times).hasSize(5).isSorted();
        assertThat(Duration.between(times.get(0), times.get(4))).isPositive();
    }

    @Test
    void aThrottleSlowsDownTheOtherCallersOfTheBucket() {
        engine = new EngineFixture(aws);
        aws.faults().onCall("ecs:ListTasks", 1, Fault.throttling());
        Instant start = aws.clock().instant();
        CompletableFuture<List<String>> first = listTasks(engine, "default");
        engine.scheduler.runFor(Duration.ZERO);
        CompletableFuture<List<String>> second = listTasks(engine, "default");
        engine.await(CompletableFuture.allOf(first, second));
        Instant secondCall = aws.stats().log("ecs:ListTasks").get(1).at();
        assertThat(Duration.between(start, secondCall)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void programmingErrorsAreNotClassifiedAsAwsFailures() {
        engine = new EngineFixture(aws);
        CompletableFuture<Object> broken = engine.calls.call(LaunchPhase.RUN_TASK, "RunTask", () -> {
            throw new IllegalStateException("bug");
        });
        engine.scheduler.runUntilIdle();
        assertThatThrownBy(broken::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(LaunchFailureException.unwrap(org.assertj.core.api.Assertions.catchThrowable(broken::join)))
                .isNull();
    }
}
