package io.jenkins.plugins.ecsfargate.engine.taskdef;

import io.jenkins.plugins.ecsfargate.engine.call.AwsCalls;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.spec.FamilyNames;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecHash;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Removes this cloud's task-definition revisions that no current template uses: deregisters them, then deletes
 * them. Only revisions whose tags name this controller and cloud are touched; anything else in the same families
 * (registered by a person, another controller, infrastructure code) is left alone.
 */
public final class TaskDefinitionCleaner {
    private static final Logger LOGGER = Logger.getLogger(TaskDefinitionCleaner.class.getName());
    static final int DELETE_BATCH = 10;

    private final EcsClient ecs;
    private final AwsCalls calls;
    private final OwnershipTags.Owner owner;
    private final TaskDefinitionResolver resolver;

    public TaskDefinitionCleaner(
            EcsClient ecs, AwsCalls calls, OwnershipTags.Owner owner, TaskDefinitionResolver resolver) {
        this.ecs = ecs;
        this.calls = calls;
        this.owner = owner;
        this.resolver = resolver;
    }

    /** Cleans up everything of ours that {@code templatesInUse} (template name to spec) does not need. */
    public CompletableFuture<CleanupReport> cleanUp(Map<String, TaskDefinitionSpec> templatesInUse) {
        Set<String> inUse = templatesInUse.entrySet().stream()
                .map(e -> FamilyNames.of(owner.cloud(), e.getKey()) + '@' + SpecHash.of(e.getValue()))
                .collect(Collectors.toSet());
        List<String> deregistered = Collections.synchronizedList(new ArrayList<>());
        int[] notOwned = {0};
        return families()
                .thenCompose(families -> Futures.sequentially(families, family -> activeRevisions(family)
                        .thenCompose(arns -> Futures.sequentially(
                                arns, arn -> resolver.tagsOf(arn).thenCompose(tags -> {
                                    if (!OwnershipTags.isOwnedBy(tags, owner)) {
                                        notOwned[0]++;
                                        return CompletableFuture.completedFuture(null);
                                    }
                                    if (inUse.contains(family + '@' + tags.get(OwnershipTags.SPEC_HASH))) {
                                        return CompletableFuture.completedFuture(null);
                                    }
                                    return deregister(arn).thenApply(done -> deregistered.add(arn));
                                })))))
                .thenCompose(ignored -> delete(List.copyOf(deregistered)))
                .thenApply(deleted -> new CleanupReport(deregistered, deleted, notOwned[0]));
    }

    private CompletableFuture<List<String>> families() {
        return calls.call(LaunchPhase.TASK_DEFINITION, "ListTaskDefinitionFamilies", () -> ecs
                .listTaskDefinitionFamiliesPaginator(ListTaskDefinitionFamiliesRequest.builder()
                        .familyPrefix(FamilyNames.prefixFor(owner.cloud()))
                        .status(TaskDefinitionFamilyStatus.ACTIVE)
                        .build())
                .families()
                .stream()
                .toList());
    }

    private CompletableFuture<List<String>> activeRevisions(String family) {
        return calls.call(LaunchPhase.TASK_DEFINITION, "ListTaskDefinitions", () -> ecs
                .listTaskDefinitionsPaginator(ListTaskDefinitionsRequest.builder()
                        .familyPrefix(family)
                        .status(TaskDefinitionStatus.ACTIVE)
                        .build())
                .taskDefinitionArns()
                .stream()
                .toList());
    }

    private CompletableFuture<Void> deregister(String arn) {
        resolver.forget(arn);
        return calls.call(
                        LaunchPhase.TASK_DEFINITION,
                        "DeregisterTaskDefinition",
                        () -> ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn)))
                .thenAccept(response -> LOGGER.log(Level.INFO, "Deregistered unused task definition {0}", arn));
    }

    private CompletableFuture<List<String>> delete(List<String> arns) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += DELETE_BATCH) {
            batches.add(arns.subList(i, Math.min(arns.size(), i + DELETE_BATCH)));
        }
        return Futures.sequentially(batches, batch -> calls.call(
                                LaunchPhase.TASK_DEFINITION,
                                "DeleteTaskDefinitions",
                                () -> ecs.deleteTaskDefinitions(r -> r.taskDefinitions(batch)))
                        .thenApply(response -> response.taskDefinitions().stream()
                                .map(td -> td.taskDefinitionArn())
                                .toList()))
                .thenApply(lists -> lists.stream().flatMap(List::stream).toList());
    }
}
