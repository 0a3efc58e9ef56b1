package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The task definition registry: families of numbered revisions (numbers only grow, deregistered and deleted ones
 * still count), ACTIVE → INACTIVE → DELETE_IN_PROGRESS, lookups by family, {@code family:revision} or ARN, and the
 * listing rules of ListTaskDefinitions and ListTaskDefinitionFamilies. Callers hold the ECS state lock.
 */
final class TaskDefinitions {
    static final String NOT_FOUND = "Unable to describe task definition.";

    /** One registered revision. */
    static final class Revision {
        final String family;
        final int number;
        final String arn;
        final ObjectNode body;
        final Map<String, String> tags;
        final Instant registeredAt;
        String status = "ACTIVE";
        Instant deregisteredAt;
        Instant deleteRequestedAt;

        Revision(String family, int number, String arn, ObjectNode body, Map<String, String> tags, Instant at) {
            this.family = family;
            this.number = number;
            this.arn = arn;
            this.body = body;
            this.tags = tags;
            this.registeredAt = at;
        }

        boolean active() {
            return status.equals("ACTIVE");
        }

        List<JsonNode> containers() {
            return Json.objects(body, "containerDefinitions");
        }
    }

    private final EcsArns arns;
    private final Clock clock;
    private final Map<String, TreeMap<Integer, Revision>> families = new TreeMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();

    TaskDefinitions(EcsArns arns, Clock clock) {
        this.arns = arns;
        this.clock = clock;
    }

    Revision register(ObjectNode request) {
        TaskDefinitionRules.validateAndNormalize(request);
        Map<String, String> tags = new LinkedHashMap<>(TagRules.parse(Json.objects(request, "tags")));
        ObjectNode body = request.deepCopy();
        body.remove("tags");
        String family = Json.text(body, "family");
        int number = lastNumber.merge(family, 1, Integer::sum);
        Revision revision =
                new Revision(family, number, arns.taskDefinition(family, number), body, tags, clock.instant());
        families.computeIfAbsent(family, f -> new TreeMap<>()).put(number, revision);
        return revision;
    }

    /** The revision a reference names, or null: a family alone means its latest ACTIVE revision. */
    Revision find(String reference) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        String name = EcsArns.taskDefinitionName(reference);
        int colon = name.lastIndexOf(':');
        if (colon < 0) {
            TreeMap<Integer, Revision> revisions = families.get(name);
            return revisions == null
                    ? null
                    : revisions.descendingMap().values().stream()
                            .filter(Revision::active)
                            .findFirst()
                            .orElse(null);
        }
        TreeMap<Integer, Revision> revisions = families.get(name.substring(0, colon));
        try {
            return revisions == null ? null : revisions.get(Integer.parseInt(name.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The revision a reference names; ClientException as ECS answers otherwise. */
    Revision require(String reference) {
        Revision revision = find(reference);
        if (revision == null) {
            throw EcsApiError.client(NOT_FOUND);
        }
        return revision;
    }

    Revision deregister(String reference) {
        if (reference == null || EcsArns.taskDefinitionName(reference).indexOf(':') < 0) {
            throw EcsApiError.client("Revision is missing.");
        }
        Revision revision = require(reference);
        if (revision.active()) {
            revision.status = "INACTIVE";
            revision.deregisteredAt = clock.instant();
        }
        return revision;
    }

    /** Deletes INACTIVE revisions; the rest become {@code failures}, as DeleteTaskDefinitions answers. */
    ObjectNode delete(List<String> references) {
        if (references.isEmpty() || references.size() > 10) {
            throw EcsApiError.invalidParameter("You can specify between 1 and 10 task definitions.");
        }
        ObjectNode answer = Json.object();
        ArrayNode deleted = answer.putArray("taskDefinitions");
        ArrayNode failures = answer.putArray("failures");
        for (String reference : references) {
            Revision revision = EcsArns.taskDefinitionName(reference).indexOf(':') < 0 ? null : find(reference);
            if (revision == null) {
                failures.addObject()
                        .put("arn", reference)
                        .put("reason", "The specified task definition does not exist.");
            } else if (revision.active()) {
                failures.addObject()
                        .put("arn", revision.arn)
                        .put(
                                "reason",
                                "The specified task definition is still in ACTIVE status. Please"
                                        + " deregister the target and try again.");
            } else {
                if (revision.deleteRequestedAt == null) {
                    revision.status = "DELETE_IN_PROGRESS";
                    revision.deleteRequestedAt = clock.instant();
                }
                deleted.add(render(revision));
            }
        }
        return answer;
    }

    /** ARNs for ListTaskDefinitions: one exact family or all, one status, ASC or DESC by family then revision. */
    List<String> list(String family, String status, boolean descending) {
        Comparator<Revision> order =
                Comparator.<Revision, String>comparing(r -> r.family).thenComparingInt(r -> r.number);
        List<Revision> selected = new ArrayList<>();
        families.forEach((name, revisions) -> {
            if (family == null || family.equals(name)) {
                revisions.values().stream().filter(r -> r.status.equals(status)).forEach(selected::add);
            }
        });
        selected.sort(descending ? order.reversed() : order);
        return selected.stream().map(r -> r.arn).toList();
    }

    /** Family names for ListTaskDefinitionFamilies: prefix match; ACTIVE, INACTIVE (no active revision) or ALL. */
    List<String> families(String prefix, String status) {
        List<String> result = new ArrayList<>();
        families.forEach((name, revisions) -> {
            boolean anyActive = revisions.values().stream().anyMatch(Revision::active);
            boolean wanted =
                    switch (status) {
                        case "ACTIVE" -> anyActive;
                        case "INACTIVE" -> !anyActive;
                        default -> true;
                    };
            if ((prefix == null || name.startsWith(prefix)) && wanted) {
                result.add(name);
            }
        });
        return result;
    }

    ObjectNode render(Revision revision) {
        ObjectNode node = revision.body.deepCopy();
        node.put("taskDefinitionArn", revision.arn);
        node.put("revision", revision.number);
        node.put("status", revision.status);
        ArrayNode containers = node.withArray("containerDefinitions");
        containers.forEach(c -> fillContainerDefaults((ObjectNode) c));
        if (!node.has("volumes")) {
            node.putArray("volumes");
        }
        if (!node.has("placementConstraints")) {
            node.putArray("placementConstraints");
        }
        ArrayNode compatibilities = node.putArray("compatibilities");
        compatibilities.add("EC2");
        if (Json.strings(revision.body, "requiresCompatibilities").contains("FARGATE")
                || "awsvpc".equals(Json.text(revision.body, "networkMode"))) {
            compatibilities.add("FARGATE");
        }
        ArrayNode attributes = node.putArray("requiresAttributes");
        attributes.addObject().put("name", "com.amazonaws.ecs.capability.docker-remote-api.1.18");
        if ("awsvpc".equals(Json.text(revision.body, "networkMode"))) {
            attributes.addObject().put("name", "ecs.capability.task-eni");
        }
        Json.time(node, "registeredAt", revision.registeredAt);
        node.put("registeredBy", "arn:aws:iam::" + arns.account() + ":root");
        Json.time(node, "deregisteredAt", revision.deregisteredAt);
        Json.time(node, "deleteRequestedAt", revision.deleteRequestedAt);
        return node;
    }

    private static void fillContainerDefaults(ObjectNode container) {
        if (!container.has("cpu")) {
            container.put("cpu", 0);
        }
        if (!container.has("essential")) {
            container.put("essential", true);
        }
        for (String list : List.of("portMappings", "environment", "mountPoints", "volumesFrom")) {
            if (!container.has(list)) {
                container.putArray(list);
            }
        }
    }
}
