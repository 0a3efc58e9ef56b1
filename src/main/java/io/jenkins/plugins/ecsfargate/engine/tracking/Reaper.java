package io.jenkins.plugins.ecsfargate.engine.tracking;

import io.jenkins.plugins.ecsfargate.engine.call.AwsCalls;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * Reconciles ECS with what the caller wants, so a crash, a restart or a lost answer never leaves an agent task
 * running (and billing) with nobody to use it. One pass lists the tasks this controller started (ListTasks by
 * {@code startedBy}; desired status RUNNING, which includes PROVISIONING and PENDING), reads their tags, and:
 * stops tasks of ours whose agent the caller no longer wants, unless they are younger than the grace period (a
 * launch in flight, whose agent the caller may not know yet); starts tracking wanted tasks the tracker does not
 * follow (after a restart); reports known tasks ECS no longer runs. Tasks without our controller and cloud tags
 * are never touched. Stops go through the {@link TaskTracker}, which confirms them.
 *
 * <p>Obtain one from {@link TaskTracker#reaper}, so both share the cloud's clients and rate limiter.
 *
 * <p>Safe to run at start-up and every few minutes: a pass only reads, except for the stops, and a task already
 * stopping is not asked twice.
 */
public final class Reaper {
    private static final Logger LOGGER = Logger.getLogger(Reaper.class.getName());
    /** Long enough for RunTask's answer to be tracked even when ECS answers slowly. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);

    private final EcsClient ecs;
    private final AwsCalls calls;
    private final TaskTracker tracker;
    private final Clock clock;
    private final Duration grace;

    Reaper(EcsClient ecs, AwsCalls calls, TaskTracker tracker, Clock clock, Duration grace) {
        this.ecs = ecs;
        this.calls = calls;
        this.tracker = tracker;
        this.clock = clock;
        this.grace = grace;
    }

    /** One pass; completes once every orphan has been asked to stop (the tracker then confirms each). */
    public CompletableFuture<ReapReport> reap(ReapRequest request) {
        return list(request, null, new ArrayList<>())
                .thenCompose(arns -> describe(request.cluster(), arns, true))
                .thenCompose(ours -> {
                    Pass pass = new Pass(request);
                    ours.tasks.forEach(pass::sort);
                    return gone(request, pass.listed).thenApply(pass::report);
                });
    }

    private CompletableFuture<List<String>> list(ReapRequest request, String token, List<String> arns) {
        return calls.call(
                        LaunchPhase.TRACKING,
                        "ListTasks",
                        () -> ecs.listTasks(r -> r.cluster(request.cluster())
                                .startedBy(OwnershipTags.startedBy(request.owner()))
                                .maxResults(100)
                                .nextToken(token)))
                .thenCompose(page -> {
                    arns.addAll(page.taskArns());
                    return page.nextToken() == null
                            ? CompletableFuture.completedFuture(arns)
                            : list(request, page.nextToken(), arns);
                });
    }

    /** Describes {@code arns} 100 at a time, one call after the other; MISSING ones come back as failures. */
    private CompletableFuture<Described> describe(String cluster, List<String> arns, boolean withTags) {
        CompletableFuture<Described> all = CompletableFuture.completedFuture(new Described());
        for (List<String> batch : Batches.of(arns)) {
            all = all.thenCompose(described -> calls.call(
                            LaunchPhase.TRACKING,
                            "DescribeTasks",
                            () -> ecs.describeTasks(r -> {
                                r.cluster(cluster).tasks(batch);
                                if (withTags) {
                                    r.include(TaskField.TAGS);
                                }
                            }))
                    .thenApply(described::add));
        }
        return all;
    }

    private CompletableFuture<List<ReapReport.GoneTask>> gone(ReapRequest request, Set<String> listed) {
        Map<String, TaskHandle> candidates = new LinkedHashMap<>();
        for (TaskHandle known : request.knownTasks()) {
            if (clusterName(known.cluster()).equals(clusterName(request.cluster()))
                    && !listed.contains(known.taskArn())
                    && !tracker.isTracking(known.taskArn())) {
                candidates.put(known.taskArn(), known);
            }
        }
        return describe(request.cluster(), List.copyOf(candidates.keySet()), false)
                .thenApply(described -> {
                    List<ReapReport.GoneTask> gone = new ArrayList<>();
                    for (Task task : described.tasks) {
                        if ("STOPPED".equals(task.desiredStatus())) {
                            gone.add(new ReapReport.GoneTask(
                                    candidates.get(task.taskArn()), task.stopCodeAsString(), task.stoppedReason()));
                        }
                    }
                    for (Failure failure : described.failures) {
                        TaskHandle handle = candidates.get(failure.arn());
                        if (handle != null && "MISSING".equals(failure.reason())) {
                            gone.add(new ReapReport.GoneTask(handle, null, null));
                        }
                    }
                    return gone;
                });
    }

    /** The cluster's name, whether given as name or ARN ({@code arn:...:cluster/<name>}). */
    static String clusterName(String nameOrArn) {
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }

    /** What one ECS description round returned. */
    private static final class Described {
        final List<Task> tasks = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();

        Described add(DescribeTasksResponse response) {
            tasks.addAll(response.tasks());
            failures.addAll(response.failures());
            return this;
        }
    }

    /** Sorts one pass's tasks into stopped, spared, kept and not ours. */
    private final class Pass {
        final ReapRequest request;
        final Instant now = clock.instant();
        final Set<String> listed = new HashSet<>();
        final List<TaskHandle> stopped = new ArrayList<>();
        final List<TaskHandle> spared = new ArrayList<>();
        final List<TaskHandle> kept = new ArrayList<>();
        final List<String> notOurs = new ArrayList<>();

        Pass(ReapRequest request) {
            this.request = request;
        }

        void sort(Task task) {
            listed.add(task.taskArn());
            if ("STOPPED".equals(task.desiredStatus())) {
                return;
            }
            Map<String, String> tags =
                    task.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
            String agent = tags.get(OwnershipTags.AGENT);
            if (!OwnershipTags.isOwnedBy(tags, request.owner()) || agent == null) {
                notOurs.add(task.taskArn());
                return;
            }
            TaskHandle handle = new TaskHandle(request.cluster(), task.taskArn(), agent);
            if (tracker.isTracking(task.taskArn())) {
                kept.add(handle);
            } else if (request.agentWanted().test(agent)) {
                tracker.track(handle);
                kept.add(handle);
            } else if (task.createdAt() != null && task.createdAt().plus(grace).isAfter(now)) {
                spared.add(handle);
            } else {
                stopped.add(handle);
                tracker.stop(handle, "ecs-fargate: agent " + agent + " is no longer wanted by this controller");
            }
        }

        ReapReport report(List<ReapReport.GoneTask> gone) {
            ReapReport report = new ReapReport(stopped, spared, kept, gone, notOurs);
            Level level = stopped.isEmpty() && gone.isEmpty() ? Level.FINE : Level.INFO;
            LOGGER.log(
                    level,
                    "Reaper pass over {0}: {1} stopped, {2} spared (launching), {3} kept, {4} gone, {5} not" + " ours",
                    new Object[] {
                        request.cluster(), stopped.size(), spared.size(), kept.size(), gone.size(), notOurs.size()
                    });
            return report;
        }
    }
}
