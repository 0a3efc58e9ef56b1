package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** DescribeTasks, StopTask and ListTasks over the task store. Callers hold the ECS state lock. */
final class TaskOperations {
    static final String USER_STOP_REASON = "Task stopped by user";

    private final Clusters clusters;
    private final TaskStore tasks;
    private final LatencyModel latencies;

    TaskOperations(Clusters clusters, TaskStore tasks, LatencyModel latencies) {
        this.clusters = clusters;
        this.tasks = tasks;
        this.latencies = latencies;
    }

    ObjectNode describeTasks(JsonNode request, Instant now) {
        Clusters.Cluster cluster = clusters.require(Json.text(request, "cluster"));
        List<String> references = Json.strings(request, "tasks");
        if (references.isEmpty()) {
            throw EcsApiError.invalidParameter("Tasks cannot be empty.");
        }
        if (references.size() > 100) {
            throw EcsApiError.invalidParameter("Tasks cannot contain more than 100 elements.");
        }
        boolean includeTags = Json.strings(request, "include").contains("TAGS");
        ObjectNode answer = Json.object();
        ArrayNode described = answer.putArray("tasks");
        ArrayNode failures = answer.putArray("failures");
        for (String reference : references) {
            EcsTask task = tasks.find(cluster.name, reference, now);
            if (task == null) {
                failures.addObject().put("arn", reference).put("reason", "MISSING");
            } else {
                described.add(TaskRenderer.render(task, now, includeTags));
            }
        }
        return answer;
    }

    ObjectNode stopTask(JsonNode request, Instant now) {
        Clusters.Cluster cluster = clusters.require(Json.text(request, "cluster"));
        String reference = Json.text(request, "task");
        EcsTask task = reference == null ? null : tasks.find(cluster.name, reference, now);
        if (task == null) {
            throw EcsApiError.invalidParameter("The referenced task was not found.");
        }
        String reason = Json.text(request, "reason");
        if (reason != null && reason.length() > 255) {
            throw EcsApiError.invalidParameter("reason can be at most 255 characters.");
        }
        stop(task, now, "UserInitiated", reason == null ? USER_STOP_REASON : reason, null, null, false);
        ObjectNode answer = Json.object();
        answer.set("task", TaskRenderer.render(task, now, false));
        return answer;
    }

    /** Plans a stop (if none earlier is planned) and reschedules the task's hooks. */
    void stop(
            EcsTask task,
            Instant now,
            String stopCode,
            String reason,
            Integer exitCode,
            String containerReason,
            boolean containersExited) {
        if (task.timeline.requestStop(
                now, latencies, stopCode, reason, exitCode, containerReason, containersExited, task.containersHeld)) {
            tasks.schedule(task);
        }
    }

    /**
     * The essential container exited now with {@code exitCode}: completes a stop that awaited it, or else stops the
     * task with {@code EssentialContainerExited}.
     */
    void containerExited(EcsTask task, Instant now, int exitCode) {
        if (task.timeline.containersExited(now, latencies, exitCode)) {
            tasks.schedule(task);
        } else {
            stop(task, now, "EssentialContainerExited", TaskFault.ESSENTIAL_EXITED_REASON, exitCode, null, true);
        }
    }

    ObjectNode listTasks(JsonNode request, Instant now) {
        Clusters.Cluster cluster = clusters.require(Json.text(request, "cluster"));
        if (Json.text(request, "serviceName") != null) {
            throw EcsApiError.of("ServiceNotFoundException", "Service not found.");
        }
        String family = Json.text(request, "family");
        String startedBy = Json.text(request, "startedBy");
        String desired = Json.text(request, "desiredStatus");
        String wanted = desired == null ? "RUNNING" : desired;
        if (!List.of("RUNNING", "PENDING", "STOPPED").contains(wanted)) {
            throw EcsApiError.invalidParameter("desiredStatus must be RUNNING, PENDING or STOPPED.");
        }
        String launchType = Json.text(request, "launchType");
        String containerInstance = Json.text(request, "containerInstance");
        List<String> arns = tasks
                .select(
                        task -> task.clusterName.equals(cluster.name)
                                && (family == null || family.equals(task.definition.family))
                                && (startedBy == null || startedBy.equals(task.startedBy))
                                && (launchType == null || launchType.equals("FARGATE"))
                                && containerInstance == null
                                && task.timeline.desiredStatus(now).equals(wanted),
                        now)
                .stream()
                .map(task -> task.arn)
                .toList();
        ObjectNode answer = Json.object();
        Pagination.page(request, "ListTasks", arns, answer, "taskArns");
        return answer;
    }

    /** Tasks of the cluster in {@code lastStatus} group RUNNING or PENDING (PROVISIONING, PENDING, ACTIVATING). */
    int count(Clusters.Cluster cluster, String group, Instant now) {
        return tasks.select(
                        task -> {
                            if (!task.clusterName.equals(cluster.name)) {
                                return false;
                            }
                            String status = task.timeline.status(now);
                            return group.equals("RUNNING")
                                    ? status.equals("RUNNING")
                                    : List.of("PROVISIONING", "PENDING", "ACTIVATING")
                                            .contains(status);
                        },
                        now)
                .size();
    }
}
