package io.jenkins.plugins.ecsfargate.engine.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * A role the engine assumes with its base credentials. The session is cached and refreshed before it expires, so
 * AssumeRole is called once per session, not once per ECS call. The external id is a confused-deputy guard, not
 * a secret, but is still kept out of {@link #toString()}.
 */
public record RoleToAssume(String roleArn, String externalId, String sessionName, Duration sessionDuration) {
    public static final Duration DEFAULT_SESSION = Duration.ofHours(1);

    public RoleToAssume {
        Objects.requireNonNull(roleArn, "roleArn");
        sessionName = sessionName == null || sessionName.isBlank() ? "jenkins-ecs-fargate" : sessionName;
        sessionDuration = sessionDuration == null ? DEFAULT_SESSION : sessionDuration;
    }

    @Override
    public String toString() {
        return "RoleToAssume[roleArn=" + roleArn + ", externalId=" + (externalId == null ? "none" : "****")
                + ", sessionName=" + sessionName + ", sessionDuration=" + sessionDuration + "]";
    }
}
