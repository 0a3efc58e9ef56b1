package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Renders a task as ECS's {@code Task} shape at one moment, with every timestamp the moment has reached. */
final class TaskRenderer {
    private TaskRenderer() {}

    static ObjectNode render(EcsTask task, Instant now, boolean includeTags) {
        TaskTimeline timeline = task.timeline;
        String status = timeline.status(now);
        TaskTimeline.StopPlan stop = timeline.stopAt(now);
        ObjectNode node = Json.object();
        node.put("taskArn", task.arn);
        node.put("clusterArn", task.clusterArn);
        node.put("taskDefinitionArn", task.definition.arn);
        node.put("lastStatus", status);
        node.put("desiredStatus", timeline.desiredStatus(now));
        node.put("launchType", "FARGATE");
        if (task.launchedByStrategy) {
            node.put("capacityProviderName", task.capacityProvider);
        }
        node.put("cpu", Integer.toString(task.cpu));
        node.put("memory", Integer.toString(task.memory));
        node.put("group", task.group);
        if (task.startedBy != null) {
            node.put("startedBy", task.startedBy);
        }
        node.put("version", timeline.version(now));
        node.put("platformVersion", task.platformVersion);
        // What real ECS reports for a Windows task is unverified; the operating system family stands in for it.
        node.put(
                "platformFamily",
                WindowsFargateRules.windows(task.definition.body)
                        ? WindowsFargateRules.operatingSystemFamily(task.definition.body)
                        : "Linux");
        node.put("availabilityZone", task.network.availabilityZone());
        node.put("enableExecuteCommand", task.enableExecuteCommand);
        node.putArray("attributes")
                .addObject()
                .put("name", "ecs.cpu-architecture")
                .put("value", "x86_64");
        Json.time(node, "createdAt", timeline.createdAt);
        Instant connectivityAt = timeline.connectivityAt(now);
        if (connectivityAt != null) {
            node.put("connectivity", "CONNECTED");
            Json.time(node, "connectivityAt", connectivityAt);
        }
        Json.time(node, "pullStartedAt", timeline.pullStartedAt(now));
        Json.time(node, "pullStoppedAt", timeline.pullStoppedAt(now));
        Json.time(node, "startedAt", timeline.startedAt(now));
        if (stop != null) {
            node.put("stopCode", timeline.stopCode(now));
            node.put("stoppedReason", stop.reason());
            Json.time(node, "stoppingAt", stop.requestedAt());
            Json.time(node, "executionStoppedAt", reached(stop.executionStoppedAt(), now));
            Json.time(node, "stoppedAt", reached(stop.stoppedAt(), now));
        }
        node.set("attachments", attachments(task, status));
        ArrayNode containers = node.putArray("containers");
        for (EcsTask.Container container : task.containers) {
            containers.add(container(task, container, status, stop, now));
        }
        ObjectNode overrides = task.overrides == null ? Json.object() : task.overrides.deepCopy();
        if (!overrides.has("containerOverrides")) {
            overrides.putArray("containerOverrides");
        }
        if (!overrides.has("inferenceAcceleratorOverrides")) {
            overrides.putArray("inferenceAcceleratorOverrides");
        }
        node.set("overrides", overrides);
        if (includeTags) {
            node.set("tags", TagRules.render(task.tags));
        }
        node.putObject("ephemeralStorage").put("sizeInGiB", 20);
        node.putObject("fargateEphemeralStorage").put("sizeInGiB", 20);
        return node;
    }

    private static ObjectNode container(
            EcsTask task, EcsTask.Container container, String taskStatus, TaskTimeline.StopPlan stop, Instant now) {
        ObjectNode node = Json.object();
        node.put("containerArn", container.arn());
        node.put("taskArn", task.arn);
        node.put("name", container.name());
        node.put("image", container.image());
        boolean exited = stop != null && reached(stop.executionStoppedAt(), now) != null;
        String status;
        if (exited) {
            status = "STOPPED";
        } else if (task.timeline.startedAt(now) != null) {
            status = "RUNNING";
        } else {
            status = "PENDING";
        }
        node.put("lastStatus", status);
        if (task.timeline.startedAt(now) != null) {
            node.put("runtimeId", container.runtimeId());
            node.put("imageDigest", container.imageDigest());
        }
        if (exited) {
            if (stop.exitCode() != null) {
                node.put("exitCode", stop.exitCode());
            }
            if (stop.containerReason() != null) {
                node.put("reason", stop.containerReason());
            }
        }
        ArrayNode interfaces = node.putArray("networkInterfaces");
        if (!taskStatus.equals("PROVISIONING")) {
            interfaces
                    .addObject()
                    .put("attachmentId", task.network.attachmentId())
                    .put("privateIpv4Address", task.network.privateIp());
        }
        node.put("healthStatus", "UNKNOWN");
        node.put("cpu", "0");
        node.putArray("networkBindings");
        return node;
    }

    private static ArrayNode attachments(EcsTask task, String taskStatus) {
        ArrayNode array = Json.array();
        ObjectNode eni = array.addObject();
        eni.put("id", task.network.attachmentId());
        eni.put("type", "ElasticNetworkInterface");
        ArrayNode details = Json.array();
        details.addObject().put("name", "subnetId").put("value", task.network.subnet());
        String attachmentStatus =
                switch (taskStatus) {
                    case "PROVISIONING" -> "PRECREATED";
                    case "DEPROVISIONING" -> "DETACHING";
                    case "STOPPED" -> "DELETED";
                    default -> "ATTACHED";
                };
        if (!attachmentStatus.equals("PRECREATED")) {
            details.addObject().put("name", "networkInterfaceId").put("value", task.network.eniId());
            details.addObject().put("name", "macAddress").put("value", task.network.mac());
            details.addObject()
                    .put("name", "privateDnsName")
                    .put("value", "ip-" + task.network.privateIp().replace('.', '-') + ".ec2.internal");
            details.addObject().put("name", "privateIPv4Address").put("value", task.network.privateIp());
        }
        eni.put("status", attachmentStatus);
        eni.set("details", details);
        return array;
    }

    private static Instant reached(Instant at, Instant now) {
        return at != null && !at.isAfter(now) ? at : null;
    }
}
