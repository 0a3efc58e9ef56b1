package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.engine.spec.ContainerSpec;
import io.jenkins.plugins.ecsfargate.engine.spec.LogSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The CloudWatch Logs console address of an agent container's stream. With the {@code awslogs} driver ECS names the
 * stream {@code <prefix>/<container>/<task id>}, so the link is known as soon as RunTask answers.
 */
public final class LogsLink {
    private LogsLink() {}

    /** The console URL, or null when the container does not log to CloudWatch Logs with a stream prefix. */
    public static String of(ContainerSpec container, String taskArn) {
        LogSettings logs = container.logSettings();
        if (logs == null || !LogSettings.AWSLOGS.equals(logs.driver()) || taskArn == null) {
            return null;
        }
        Map<String, String> options = logs.options();
        String group = options.get(LogSettings.AWSLOGS_GROUP);
        String region = options.get(LogSettings.AWSLOGS_REGION);
        String prefix = options.get(LogSettings.AWSLOGS_STREAM_PREFIX);
        if (group == null || region == null || prefix == null) {
            return null;
        }
        String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);
        String stream = prefix + "/" + container.name() + "/" + taskId;
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logsV2:log-groups/log-group/" + console(group) + "/log-events/" + console(stream);
    }

    /** The console's own escaping: URL-encode, then write each {@code %} as {@code $25}. */
    private static String console(String value) {
        return URLEncoder.encode(URLEncoder.encode(value, StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .replace("%", "$");
    }
}
