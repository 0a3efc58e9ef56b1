package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.List;

/**
 * Where the plugin acts, in the terms IAM resources are written in: partition, Region, account, cluster,
 * task-definition families, the roles it passes to tasks, and the controller's own role (read by the preflight).
 */
public record PermissionScope(
        String partition,
        String region,
        String account,
        String clusterName,
        List<String> families,
        List<String> passedRoleArns,
        String controllerRoleArn,
        PreflightTarget.CloudMapName cloudMap) {
    public PermissionScope {
        families = List.copyOf(families);
        passedRoleArns = List.copyOf(passedRoleArns);
    }

    /** The AWS partition of a Region: {@code aws-cn} for China, {@code aws-us-gov} for GovCloud, else {@code aws}. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    String ecsArn(String resource) {
        return "arn:" + partition + ":ecs:" + region + ":" + account + ":" + resource;
    }

    String clusterArn() {
        return ecsArn("cluster/" + clusterName);
    }
}
