package io.jenkins.plugins.ecsfargate.engine.taskdef;

import io.jenkins.plugins.ecsfargate.engine.call.AwsCalls;
import io.jenkins.plugins.ecsfargate.engine.call.LaunchFailureException;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.spec.FamilyNames;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecHash;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecValidator;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionRequests;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Finds the task-definition revision for a template's spec, registering one only when none exists: first an
 * in-memory cache, then the family's newest ACTIVE revisions carrying our ownership tags and the spec's hash,
 * and only then RegisterTaskDefinition. Concurrent launches of one template share a single look-up, so a burst
 * registers at most once; a restarted engine finds its revisions again by tag and registers nothing.
 */
public final class TaskDefinitionResolver {
    private static final Logger LOGGER = Logger.getLogger(TaskDefinitionResolver.class.getName());
    /** How many of a family's newest ACTIVE revisions are checked before registering a new one. */
    static final int REVISIONS_CHECKED = 10;

    private final EcsClient ecs;
    private final AwsCalls calls;
    private final OwnershipTags.Owner owner;
    private final Map<String, CompletableFuture<String>> cache = new ConcurrentHashMap<>();

    public TaskDefinitionResolver(EcsClient ecs, AwsCalls calls, OwnershipTags.Owner owner) {
        this.ecs = ecs;
        this.calls = calls;
        this.owner = owner;
    }

    /** The ARN of an ACTIVE revision of {@code template}'s family whose content is {@code spec}. */
    public CompletableFuture<String> resolve(String template, TaskDefinitionSpec spec) {
        List<SpecProblem> problems = SpecValidator.validate(spec);
        if (!problems.isEmpty()) {
            return CompletableFuture.failedFuture(new LaunchFailureException(new LaunchFailure(
                    LaunchPhase.TASK_DEFINITION,
                    FailureCause.INVALID_SPEC,
                    null,
                    problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; ")),
                    problems.get(0).field())));
        }
        String family = FamilyNames.of(owner.cloud(), template);
        String hash = SpecHash.of(spec);
        String key = family + '@' + hash;
        return cache.computeIfAbsent(key, k -> {
            CompletableFuture<String> lookup = findOrRegister(family, template, spec, hash);
            lookup.whenComplete((arn, error) -> {
                if (error != null) {
                    cache.remove(k, lookup);
                }
            });
            return lookup;
        });
    }

    /** Forgets cached revisions, e.g. after a clean-up deregistered some. */
    public void forget(String taskDefinitionArn) {
        cache.entrySet()
                .removeIf(e -> e.getValue().isDone()
                        && !e.getValue().isCompletedExceptionally()
                        && taskDefinitionArn.equals(e.getValue().join()));
    }

    private CompletableFuture<String> findOrRegister(
            String family, String template, TaskDefinitionSpec spec, String hash) {
        return calls.call(LaunchPhase.TASK_DEFINITION, "ListTaskDefinitions", () -> ecs.listTaskDefinitions(
                                r -> r.familyPrefix(family)
                                        .status(TaskDefinitionStatus.ACTIVE)
                                        .sort(SortOrder.DESC)
                                        .maxResults(REVISIONS_CHECKED))
                        .taskDefinitionArns())
                .thenCompose(arns -> firstMatching(arns, 0, hash))
                .thenCompose(match -> match.map(CompletableFuture::completedFuture)
                        .orElseGet(() -> register(family, template, spec, hash)));
    }

    private CompletableFuture<Optional<String>> firstMatching(List<String> arns, int index, String hash) {
        if (index >= arns.size()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String arn = arns.get(index);
        return tagsOf(arn).thenCompose(tags -> {
            if (OwnershipTags.isOwnedBy(tags, owner) && hash.equals(tags.get(OwnershipTags.SPEC_HASH))) {
                LOGGER.log(Level.FINE, "Reusing task definition {0}", arn);
                return CompletableFuture.completedFuture(Optional.of(arn));
            }
            return firstMatching(arns, index + 1, hash);
        });
    }

    CompletableFuture<Map<String, String>> tagsOf(String arn) {
        return calls.call(LaunchPhase.TASK_DEFINITION, "DescribeTaskDefinition", () -> ecs.describeTaskDefinition(
                                r -> r.taskDefinition(arn).include(TaskDefinitionField.TAGS))
                        .tags())
                .thenApply(tags -> tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b)));
    }

    private CompletableFuture<String> register(String family, String template, TaskDefinitionSpec spec, String hash) {
        return calls.call(LaunchPhase.TASK_DEFINITION, "RegisterTaskDefinition", () -> ecs.registerTaskDefinition(
                                TaskDefinitionRequests.register(family, template, spec, owner))
                        .taskDefinition()
                        .taskDefinitionArn())
                .thenApply(arn -> {
                    LOGGER.log(Level.INFO, "Registered task definition {0} for template {1} (spec {2})", new Object[] {
                        arn, template, hash.substring(0, 12)
                    });
                    return arn;
                });
    }
}
