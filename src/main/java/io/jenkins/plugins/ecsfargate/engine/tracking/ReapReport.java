package io.jenkins.plugins.ecsfargate.engine.tracking;

import java.util.List;

/**
 * What one reaper pass found and did.
 *
 * @param stopped orphans: ours, nobody wants their agent, older than the grace period; asked to stop and tracked
 *     until ECS confirms
 * @param spared ours and unwanted, but younger than the grace period (a launch in flight); looked at again next
 *     pass
 * @param kept ours and wanted (or already tracked); wanted tasks the tracker did not follow are tracked from now
 * @param gone known tasks ECS no longer runs: their agents should go
 * @param notOurs tasks with our {@code startedBy} but another controller's or cloud's tags, left alone
 */
public record ReapReport(
        List<TaskHandle> stopped,
        List<TaskHandle> spared,
        List<TaskHandle> kept,
        List<GoneTask> gone,
        List<String> notOurs) {
    public ReapReport {
        stopped = List.copyOf(stopped);
        spared = List.copyOf(spared);
        kept = List.copyOf(kept);
        gone = List.copyOf(gone);
        notOurs = List.copyOf(notOurs);
    }

    /** A pass that had nothing to look at. */
    public static final ReapReport NONE = new ReapReport(List.of(), List.of(), List.of(), List.of(), List.of());

    /**
     * A task the caller knew that ECS no longer runs.
     *
     * @param stopCode ECS's stop code, or null when ECS no longer knows the task at all
     */
    public record GoneTask(TaskHandle handle, String stopCode, String stoppedReason) {}
}
