package io.jenkins.plugins.ecsfargate.engine.taskdef;

import java.util.List;

/**
 * What a task-definition clean-up did: our revisions no template uses were deregistered, and then deleted; revisions
 * in our families that carry no ownership tags of ours were left alone and counted.
 */
public record CleanupReport(List<String> deregistered, List<String> deleted, int notOwned) {
    public CleanupReport {
        deregistered = List.copyOf(deregistered);
        deleted = List.copyOf(deleted);
    }
}
