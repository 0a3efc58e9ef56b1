package io.jenkins.plugins.ecsfargate.engine.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.call.LaunchFailureException;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.spec.ContainerSpec;
import io.jenkins.plugins.ecsfargate.engine.spec.FamilyNames;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.Specs;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionRequests;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

class TaskDefinitionResolverTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension();

    private EngineFixture engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private TaskDefinitionResolver resolver(EngineFixture fixture) {
        return new TaskDefinitionResolver(fixture.clients.ecs(), fixture.calls, EngineFixture.OWNER);
    }

    @Test
    void aHundredConcurrentLaunchesRegisterOnceAndANewEngineRegistersNothing() {
        engine = new EngineFixture(aws);
        TaskDefinitionResolver resolver = resolver(engine);
        List<CompletableFuture<String>> lookups = IntStream.range(0, 100)
                .mapToObj(i -> resolver.resolve("maven", Specs.full()))
                .toList();
        engine.await(CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)));
        String arn = lookups.get(0).join();
        assertThat(lookups).allSatisfy(f -> assertThat(f.join()).isEqualTo(arn));
        assertThat(arn).contains(":task-definition/" + FamilyNames.of("prod", "maven") + ":1");
        assertThat(engine.calls("RegisterTaskDefinition")).isEqualTo(1);
        assertThat(engine.calls("ListTaskDefinitions")).isEqualTo(1);

        assertThat(engine.await(resolver.resolve("maven", Specs.full()))).isEqualTo(arn);
        assertThat(engine.calls("ListTaskDefinitions")).isEqualTo(1);

        try (EngineFixture restarted = new EngineFixture(aws)) {
            assertThat(restarted.await(resolver(restarted).resolve("maven", Specs.full())))
                    .isEqualTo(arn);
        }
        assertThat(engine.calls("RegisterTaskDefinition")).isEqualTo(1);
        assertThat(engine.calls("DescribeTaskDefinition")).isEqualTo(1);
    }

    @Test
    void changingOneFieldRegistersExactlyOneMoreRevision() {
        engine = new EngineFixture(aws);
        TaskDefinitionResolver resolver = resolver(engine);
        String first = engine.await(resolver.resolve("maven", Specs.full()));
        TaskDefinitionSpec changed = Specs.full().toBuilder().memory(16384).build();
        List<CompletableFuture<String>> lookups = IntStream.range(0, 20)
                .mapToObj(i -> resolver.resolve("maven", changed))
                .toList();
        engine.await(CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)));
        assertThat(lookups.get(0).join()).isNotEqualTo(first).endsWith(":2");
        assertThat(engine.calls("RegisterTaskDefinition")).isEqualTo(2);
        assertThat(engine.await(resolver.resolve("maven", Specs.full()))).isEqualTo(first);
        assertThat(engine.calls("RegisterTaskDefinition")).isEqualTo(2);
    }

    @Test
    void revisionsWithTheSameContentButNotOursAreNotReused() {
        engine = new EngineFixture(aws);
        String family = FamilyNames.of("prod", "maven");
        EcsClient ecs = aws.ecsClient();
        OwnershipTags.Owner other = new OwnershipTags.Owner("controller-2", "prod");
        String foreign = ecs.registerTaskDefinition(
                        TaskDefinitionRequests.register(family, "maven", Specs.full(), other))
                .taskDefinition()
                .taskDefinitionArn();
        String ours = engine.await(resolver(engine).resolve("maven", Specs.full()));
        assertThat(ours).isNotEqualTo(foreign);
        assertThat(engine.calls("RegisterTaskDefinition")).isEqualTo(2);
    }

    @Test
    void anInvalidSpecFailsWithTheFieldAndCallsNothing() {
        engine = new EngineFixture(aws);
        TaskDefinitionSpec spec = TaskDefinitionSpec.builder(
                        ContainerSpec.builder("agent", "busybox").build())
                .cpu(1024)
                .memory(1024)
                .build();
        CompletableFuture<String> lookup = resolver(engine).resolve("maven", spec);
        assertThatThrownBy(() -> engine.await(lookup)).satisfies(e -> {
            LaunchFailure failure = LaunchFailureException.unwrap(e);
            assertThat(failure.cause()).isEqualTo(FailureCause.INVALID_SPEC);
            assertThat(failure.fieldToFix()).isEqualTo("memory");
            assertThat(failure.describe()).contains("1024 MiB does not fit cpu 1024");
        });
        assertThat(aws.stats().totalCalls()).isZero();
    }

    @Test
    void aFailedLookupIsNotCached() {
        engine = new EngineFixture(aws, 0.8, 1);
        aws.faults().onCall("ecs:ListTaskDefinitions", 1, io.jenkins.plugins.ecsfargate.emulator.Fault.serverError());
        TaskDefinitionResolver resolver = resolver(engine);
        CompletableFuture<String> failed = resolver.resolve("maven", Specs.full());
        assertThatThrownBy(() -> engine.await(failed))
                .satisfies(e ->
                        assertThat(LaunchFailureException.unwrap(e).cause()).isEqualTo(FailureCause.SERVER_ERROR));
        assertThat(engine.await(resolver.resolve("maven", Specs.full()))).endsWith(":1");
    }

    @Test
    void cleanUpRemovesOnlyOurUnusedRevisions() {
        engine = new EngineFixture(aws);
        TaskDefinitionResolver resolver = resolver(engine);
        TaskDefinitionSpec old = Specs.minimal();
        TaskDefinitionSpec current = Specs.minimal().toBuilder().memory(4096).build();
        String oldArn = engine.await(resolver.resolve("maven", old));
        String currentArn = engine.await(resolver.resolve("maven", current));
        String goneTemplateArn = engine.await(resolver.resolve("gradle", old));
        EcsClient ecs = aws.ecsClient();
        String family = FamilyNames.of("prod", "maven");
        String foreign = ecs.registerTaskDefinition(
                        TaskDefinitionRequests.register(family, "maven", old, EngineFixture.OWNER).toBuilder()
                                .tags(List.of())
                                .build())
                .taskDefinition()
                .taskDefinitionArn();

        TaskDefinitionCleaner cleaner =
                new TaskDefinitionCleaner(ecs(engine), engine.calls, EngineFixture.OWNER, resolver);
        CleanupReport report = engine.await(cleaner.cleanUp(Map.of("maven", current)));

        assertThat(report.deregistered()).containsExactlyInAnyOrder(oldArn, goneTemplateArn);
        assertThat(report.deleted()).containsExactlyInAnyOrder(oldArn, goneTemplateArn);
        assertThat(report.notOwned()).isEqualTo(1);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(currentArn))
                        .taskDefinition()
                        .status())
                .isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(foreign))
                        .taskDefinition()
                        .status())
                .isEqualTo(TaskDefinitionStatus.ACTIVE);
        long registered = engine.calls("RegisterTaskDefinition");
        assertThat(engine.await(resolver.resolve("maven", old))).isNotEqualTo(oldArn);
        assertThat(engine.calls("RegisterTaskDefinition")).isEqualTo(registered + 1);
    }

    private static EcsClient ecs(EngineFixture fixture) {
        return fixture.clients.ecs();
    }
}
