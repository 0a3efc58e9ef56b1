package io.jenkins.plugins.ecsfargate.engine;

import java.util.regex.Pattern;

/**
 * Syntax of the AWS names a user types into a cloud configuration, as ECS and IAM accept them. Checked before
 * any AWS call so that a typo is reported on the field that holds it rather than as a failed launch.
 */
public final class AwsNames {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern CLUSTER_ARN =
            Pattern.compile("arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255}");
    private static final Pattern CLOUD_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private AwsNames() {}

    /** Whether {@code value} has the shape of a Region name such as {@code us-east-1} or {@code us-gov-west-1}. */
    public static boolean isRegion(String value) {
        return value != null && REGION.matcher(value).matches();
    }

    /** Whether {@code value} is an ECS cluster name or a cluster ARN, the two forms ECS accepts for "cluster". */
    public static boolean isClusterReference(String value) {
        return value != null
                && (CLUSTER_NAME.matcher(value).matches()
                        || CLUSTER_ARN.matcher(value).matches());
    }

    /**
     * Whether {@code value} is usable as a cloud name: it becomes part of agent names, ECS tags and
     * task-definition families, so only characters all three accept are allowed.
     */
    public static boolean isCloudName(String value) {
        return value != null && CLOUD_NAME.matcher(value).matches();
    }
}
