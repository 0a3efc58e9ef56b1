package io.jenkins.plugins.ecsfargate.engine.failure;

import java.util.Objects;

/**
 * A failure as the caller sees it: the phase it happened in, the AWS code it was recognised by (error code,
 * RunTask reason, stop code or stopped-reason prefix), AWS's own reason text, its class, the field to fix and the
 * fix in plain words. Never carries credentials or environment values: AWS reasons do not contain them, and the
 * engine adds none.
 *
 * @param awsCode what AWS said, verbatim: an error code, a stop code, or null for network failures
 * @param reason AWS's message or stopped reason, or the network error, possibly null
 * @param fieldToFix the setting the user must change, or null; usually the cause's field, more precise when the
 *     engine knows better (a spec problem names its exact field)
 */
public record LaunchFailure(LaunchPhase phase, FailureCause cause, String awsCode, String reason, String fieldToFix) {
    public LaunchFailure {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(cause, "cause");
    }

    public LaunchFailure(LaunchPhase phase, FailureCause cause, String awsCode, String reason) {
        this(phase, cause, awsCode, reason, cause.field());
    }

    public FailureClass failureClass() {
        return cause.failureClass();
    }

    public String fix() {
        return cause.fix();
    }

    public boolean isRetryable() {
        return cause.failureClass() == FailureClass.RETRYABLE;
    }

    /** One line for the agent's log and the cloud's status: phase, class, code, reason, field, fix. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append(phase)
                .append(" failed (")
                .append(cause.failureClass())
                .append(')');
        if (awsCode != null) {
            text.append(": ").append(awsCode);
        }
        if (reason != null && !reason.equals(awsCode)) {
            text.append(": ").append(reason);
        }
        endSentence(text);
        if (fieldToFix != null) {
            text.append(" Check '").append(fieldToFix).append("'.");
        }
        return text.append(' ').append(cause.fix()).toString();
    }

    private static void endSentence(StringBuilder text) {
        if (text.charAt(text.length() - 1) != '.') {
            text.append('.');
        }
    }
}
