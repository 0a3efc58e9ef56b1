package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource for clusters, tasks and task definitions. */
final class TagOperations {
    private final EcsArns arns;
    private final Clusters clusters;
    private final TaskDefinitions definitions;
    private final TaskStore tasks;

    TagOperations(EcsArns arns, Clusters clusters, TaskDefinitions definitions, TaskStore tasks) {
        this.arns = arns;
        this.clusters = clusters;
        this.definitions = definitions;
        this.tasks = tasks;
    }

    ObjectNode tagResource(JsonNode request, Instant now) {
        Map<String, String> tags = resolve(Json.text(request, "resourceArn"), now, true);
        Map<String, String> added = TagRules.parse(Json.objects(request, "tags"));
        if (!request.has("tags")) {
            throw EcsApiError.invalidParameter("tags must be specified.");
        }
        Map<String, String> merged = new LinkedHashMap<>(tags);
        merged.putAll(added);
        if (merged.size() > TagRules.MAX_TAGS) {
            throw EcsApiError.of("LimitExceededException", "The limit for the resource was exceeded.");
        }
        tags.putAll(added);
        return Json.object();
    }

    ObjectNode untagResource(JsonNode request, Instant now) {
        Map<String, String> tags = resolve(Json.text(request, "resourceArn"), now, true);
        Json.strings(request, "tagKeys").forEach(tags::remove);
        return Json.object();
    }

    ObjectNode listTagsForResource(JsonNode request, Instant now) {
        Map<String, String> tags = resolve(Json.text(request, "resourceArn"), now, false);
        ObjectNode answer = Json.object();
        answer.set("tags", TagRules.render(tags));
        return answer;
    }

    /** The live tag map of the resource an ARN names. */
    private Map<String, String> resolve(String arn, Instant now, boolean modify) {
        if (arn == null || !arn.startsWith(arns.prefix())) {
            throw EcsApiError.invalidParameter("The ARN provided is not valid.");
        }
        String resource = arn.substring(arns.prefix().length());
        if (resource.startsWith("cluster/")) {
            Clusters.Cluster cluster = clusters.byArn(arn);
            if (cluster == null) {
                throw EcsApiError.clusterNotFound();
            }
            return cluster.tags;
        }
        if (resource.startsWith("task-definition/")) {
            TaskDefinitions.Revision revision = definitions.find(arn);
            if (revision == null) {
                throw notFound(modify);
            }
            return revision.tags;
        }
        if (resource.startsWith("task/")) {
            String[] parts = resource.split("/");
            if (parts.length != 3) {
                throw EcsApiError.invalidParameter("The ARN provided is not valid.");
            }
            Clusters.Cluster cluster = clusters.require(parts[1]);
            EcsTask task = tasks.find(cluster.name, arn, now);
            if (task == null) {
                throw notFound(modify);
            }
            return task.tags;
        }
        throw EcsApiError.invalidParameter("The ARN provided is not valid.");
    }

    private static EcsApiError notFound(boolean modify) {
        return modify
                ? EcsApiError.of("ResourceNotFoundException", "The specified resource could not be found.")
                : EcsApiError.invalidParameter("The specified resource could not be found.");
    }
}
