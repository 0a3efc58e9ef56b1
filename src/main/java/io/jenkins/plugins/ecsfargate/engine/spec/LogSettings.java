package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.Map;

/** A container's log configuration (options kept sorted): a driver ({@code awslogs}, {@code splunk}, {@code awsfirelens}) and its options. */
public record LogSettings(String driver, Map<String, String> options) {
    public static final String AWSLOGS = "awslogs";
    public static final String AWSLOGS_GROUP = "awslogs-group";
    public static final String AWSLOGS_REGION = "awslogs-region";
    public static final String AWSLOGS_STREAM_PREFIX = "awslogs-stream-prefix";

    public LogSettings {
        options = Normalized.sortedMap(options);
    }

    /** The usual CloudWatch Logs setting: a group in a Region, one stream per container under a prefix. */
    public static LogSettings awslogs(String group, String region, String streamPrefix) {
        return new LogSettings(
                AWSLOGS,
                Normalized.sortedMap(
                        Map.of(AWSLOGS_GROUP, group, AWSLOGS_REGION, region, AWSLOGS_STREAM_PREFIX, streamPrefix)));
    }
}
