package io.jenkins.plugins.ecsfargate.engine.tracking;

import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What one reaper pass looks at and who decides.
 *
 * @param startedBy the {@code startedBy} this controller's RunTask calls carry
 * @param owner only tasks tagged with this controller and cloud are ever stopped
 * @param agentWanted answers "is this agent name still wanted?" (a node exists or a launch is planned); called
 *     on the scheduler's thread, must not block
 * @param knownTasks the tasks the caller believes its agents run on; those ECS no longer runs are reported gone
 */
public record ReapRequest(
        String cluster,
        String startedBy,
        OwnershipTags.Owner owner,
        Predicate<String> agentWanted,
        Collection<TaskHandle> knownTasks) {
    public ReapRequest {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(agentWanted, "agentWanted");
        knownTasks = List.copyOf(knownTasks);
    }
}
