package io.jenkins.plugins.ecsfargate.emulator;

/** The ARN and id formats ECS mints, for one Region and account. */
record EcsArns(String region, String account) {

    String prefix() {
        return "arn:aws:ecs:" + region + ":" + account + ":";
    }

    String cluster(String name) {
        return prefix() + "cluster/" + name;
    }

    String task(String clusterName, String taskId) {
        return prefix() + "task/" + clusterName + "/" + taskId;
    }

    String container(String clusterName, String taskId, String containerId) {
        return prefix() + "container/" + clusterName + "/" + taskId + "/" + containerId;
    }

    String taskDefinition(String family, int revision) {
        return prefix() + "task-definition/" + family + ":" + revision;
    }

    /** The short name from a name or cluster ARN; null for null. */
    String clusterName(String nameOrArn) {
        if (nameOrArn == null) {
            return null;
        }
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    /** The task id from an id or task ARN. */
    static String taskId(String idOrArn) {
        return idOrArn.substring(idOrArn.lastIndexOf('/') + 1);
    }

    /** The part after {@code task-definition/} of a task definition ARN, or the input itself. */
    static String taskDefinitionName(String nameOrArn) {
        int at = nameOrArn.indexOf(":task-definition/");
        return at < 0 ? nameOrArn : nameOrArn.substring(at + ":task-definition/".length());
    }
}
