package io.jenkins.plugins.ecsfargate.engine.tracking;

import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What one reaper pass looks at and who decides.
 *
 * @param cluster the cluster name or ARN
 * @param owner the tasks listed are those this controller and cloud started ({@link OwnershipTags#startedBy});
 *     only those also tagged with it are ever stopped
 * @param agentWanted answers "is this agent name still wanted?" (a node exists or a launch is planned); called
 *     on the scheduler's thread, must not block
 * @param knownTasks the tasks the caller believes its agents run on; those ECS no longer runs are reported gone
 */
public record ReapRequest(
        String cluster, OwnershipTags.Owner owner, Predicate<String> agentWanted, Collection<TaskHandle> knownTasks) {
    public ReapRequest {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(agentWanted, "agentWanted");
        knownTasks = List.copyOf(knownTasks);
    }
}
