package io.jenkins.plugins.ecsfargate.engine.failure;

import io.jenkins.plugins.ecsfargate.engine.failure.Signal.ErrorCode;
import io.jenkins.plugins.ecsfargate.engine.failure.Signal.HttpStatus;
import io.jenkins.plugins.ecsfargate.engine.failure.Signal.RunTaskReason;
import io.jenkins.plugins.ecsfargate.engine.failure.Signal.StopCode;
import io.jenkins.plugins.ecsfargate.engine.failure.Signal.StoppedReasonPrefix;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what AWS reported into a {@link LaunchFailure} by looking it up in {@link FailureCause}: by error code
 * first, then HTTP status; by RunTask reason constant; by stopped-reason prefix, then stop code. Never by free
 * message text.
 */
public final class FailureClassifier {
    private FailureClassifier() {}

    /** An exception from an SDK call: service errors by code and status, anything else as a network failure. */
    public static LaunchFailure fromException(LaunchPhase phase, Throwable error) {
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null
                    ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            return fromAwsError(phase, code, service.statusCode(), message);
        }
        if (error instanceof SdkException
                || error instanceof java.io.IOException
                || error instanceof java.io.UncheckedIOException) {
            return new LaunchFailure(
                    phase, FailureCause.NETWORK, null, error.getClass().getSimpleName() + ": " + error.getMessage());
        }
        throw new IllegalArgumentException("not an AWS failure: " + error, error);
    }

    /** An AWS error reply. Unknown codes with a 5xx status are server errors; other unknown codes are fatal. */
    public static LaunchFailure fromAwsError(LaunchPhase phase, String code, int status, String message) {
        return new LaunchFailure(phase, causeOf(code, status), code, message);
    }

    /**
     * The table's cause for an AWS error reply, by error code first, then HTTP status; {@link FailureCause#UNKNOWN}
     * when neither matches. For callers outside a launch (forms, preflight) that must agree with the engine on what,
     * say, an access denial is.
     */
    public static FailureCause causeOf(String code, int status) {
        return find(s -> s instanceof ErrorCode e && e.code().equals(code))
                .or(() -> find(s -> s instanceof HttpStatus h && h.status() == status))
                .orElse(FailureCause.UNKNOWN);
    }

    /** One entry of RunTask's {@code failures[]} (a 200 reply that launched nothing). */
    public static LaunchFailure fromRunTaskFailure(String reason, String detail) {
        FailureCause cause = find(s -> s instanceof RunTaskReason r && reason != null && reason.startsWith(r.prefix()))
                .orElse(FailureCause.UNKNOWN);
        return new LaunchFailure(
                LaunchPhase.RUN_TASK, cause, reason, detail == null ? reason : reason + " (" + detail + ")");
    }

    /**
     * A task that stopped on its own. The stopped reason and the containers' reasons say more than the stop code
     * ({@code TaskFailedToStart} with {@code CannotPullContainerError}), so they are looked at first.
     */
    public static LaunchFailure fromStoppedTask(
            LaunchPhase phase, String stopCode, String stoppedReason, List<String> containerReasons) {
        Optional<FailureCause> byReason = byPrefix(stoppedReason);
        for (String containerReason : containerReasons) {
            if (byReason.isPresent()) {
                break;
            }
            byReason = byPrefix(containerReason);
        }
        FailureCause cause = byReason.or(
                        () -> find(s -> s instanceof StopCode c && c.code().equals(stopCode)))
                .orElse(FailureCause.UNKNOWN);
        return new LaunchFailure(phase, cause, stopCode, stoppedReason);
    }

    /** A failure the engine detects itself (empty Cloud Map service, timeouts), with the engine's explanation. */
    public static LaunchFailure of(LaunchPhase phase, FailureCause cause, String reason) {
        return new LaunchFailure(phase, cause, null, reason);
    }

    private static Optional<FailureCause> byPrefix(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        return find(s -> s instanceof StoppedReasonPrefix p && reason.startsWith(p.prefix()));
    }

    private static Optional<FailureCause> find(Predicate<Signal> matches) {
        for (FailureCause cause : FailureCause.values()) {
            if (cause.signals().stream().anyMatch(matches)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
