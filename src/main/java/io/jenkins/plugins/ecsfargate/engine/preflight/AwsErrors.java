package io.jenkins.plugins.ecsfargate.engine.preflight;

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

    static boolean isAccessDenied(RuntimeException error) {
        String code = code(error);
        return "AccessDenied".equals(code)
                || "AccessDeniedException".equals(code)
                || "UnauthorizedOperation".equals(code)
                || (error instanceof AwsServiceException service && service.statusCode() == 403);
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
        if (isAccessDenied(error)) {
            return Finding.error(check, call + " was denied (" + code + ").", fixWhenDenied);
        }
        int status = error instanceof AwsServiceException service ? service.statusCode() : 0;
        return Finding.error(
                check,
                call + " failed with " + code + " (HTTP " + status + ").",
                status >= 500
                        ? "AWS reported a server-side problem; run the check again."
                        : "See the AWS error above.");
    }
}
