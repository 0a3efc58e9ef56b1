package io.jenkins.plugins.ecsfargate.engine.preflight;

import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClass;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns an SDK failure into a finding, by AWS error code and HTTP status: never by message text. */
final class AwsErrors {
    private AwsErrors() {}

    static String code(RuntimeException error) {
        if (error instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return null;
    }

    private static int status(RuntimeException error) {
        return error instanceof AwsServiceException service ? service.statusCode() : 0;
    }

    /** The engine's classification of the failure, so the preflight and the engine agree on what each code means. */
    private static FailureCause cause(RuntimeException error) {
        return FailureClassifier.causeOf(code(error), status(error));
    }

    static boolean isAccessDenied(RuntimeException error) {
        return cause(error) == FailureCause.ACCESS_DENIED;
    }

    /** A finding for a call that failed, naming the call and the AWS code; the fix depends on the kind of failure. */
    static Finding failed(String check, String call, RuntimeException error, String fixWhenDenied) {
        if (error instanceof SdkClientException) {
            return Finding.error(
                    check,
                    call + " could not reach AWS: " + error.getMessage(),
                    "Check the Region, the endpoint override and the controller's outbound network access"
                            + " (a proxy or a VPC endpoint for the service may be needed).");
        }
        String code = code(error);
        FailureCause cause = cause(error);
        if (cause == FailureCause.ACCESS_DENIED) {
            return Finding.error(check, call + " was denied (" + code + ").", fixWhenDenied);
        }
        String fix;
        if (cause == FailureCause.INVALID_CREDENTIALS) {
            fix = Character.toUpperCase(cause.fix().charAt(0)) + cause.fix().substring(1) + ".";
        } else if (cause.failureClass() == FailureClass.RETRYABLE) {
            fix = "AWS reported a temporary problem; run the check again.";
        } else {
            fix = "See the AWS error above.";
        }
        return Finding.error(check, call + " failed with " + code + " (HTTP " + status(error) + ").", fix);
    }
}
