package io.jenkins.plugins.ecsfargate.emulator;

import java.util.Optional;

/** STS's input constraints for AssumeRole, with its {@code ValidationError} messages. */
final class StsValidation {

    private StsValidation() {}

    /** The first constraint the request breaks, or empty. */
    static Optional<String> assumeRole(String roleArn, String sessionName, String duration, String externalId) {
        if (roleArn == null) {
            return Optional.of(ValidationMessages.notNull("roleArn"));
        }
        if (sessionName == null) {
            return Optional.of(ValidationMessages.notNull("roleSessionName"));
        }
        if (roleArn.length() < 20 || roleArn.length() > 2048) {
            return Optional.of(ValidationMessages.length(roleArn, "roleArn", 20, 2048));
        }
        if (sessionName.length() < 2 || sessionName.length() > 64) {
            return Optional.of(ValidationMessages.length(sessionName, "roleSessionName", 2, 64));
        }
        if (!sessionName.matches("[\\w+=,.@-]*")) {
            return Optional.of(ValidationMessages.pattern(sessionName, "roleSessionName", "[\\w+=,.@-]*"));
        }
        if (externalId != null && (externalId.length() < 2 || externalId.length() > 1224)) {
            return Optional.of(ValidationMessages.length(externalId, "externalId", 2, 1224));
        }
        if (externalId != null && !externalId.matches("[\\w+=,.@:/-]*")) {
            return Optional.of(ValidationMessages.pattern(externalId, "externalId", "[\\w+=,.@:\\/-]*"));
        }
        if (duration != null) {
            long seconds;
            try {
                seconds = Long.parseLong(duration);
            } catch (NumberFormatException e) {
                return Optional.of("Invalid value for DurationSeconds: " + duration);
            }
            if (seconds < 900 || seconds > 43200) {
                return Optional.of(ValidationMessages.range(duration, "durationSeconds", 900, 43200, seconds));
            }
        }
        return Optional.empty();
    }
}
