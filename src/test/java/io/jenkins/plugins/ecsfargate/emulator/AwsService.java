package io.jenkins.plugins.ecsfargate.emulator;

/**
 * One AWS service the emulator speaks (ECS, Cloud Map, IAM, STS). The server picks the service that
 * {@link #accepts accepts} a request, asks it for the operation name (for counters, throttling and scripted
 * faults, which the server applies uniformly), then lets it answer. Each service renders its own errors,
 * because the wire format differs: awsJson1_1 bodies for ECS and Cloud Map, query-protocol XML for IAM and STS.
 */
public interface AwsService {
    /** A short service name used in counters and fault scripts: {@code ecs}, {@code servicediscovery}, {@code iam}, {@code sts}. */
    String name();

    /** Whether this service answers the request (by {@code X-Amz-Target} prefix, or query {@code Version}). */
    boolean accepts(EmulatorRequest request);

    /** The operation the request invokes, e.g. {@code RunTask}, {@code AssumeRole}. */
    String operation(EmulatorRequest request);

    /** Answers an operation; unknown operations are answered as AWS does, never with an emulator-specific error. */
    EmulatorResponse handle(String operation, EmulatorRequest request);

    /** An error in this service's wire format, with AWS's code and HTTP status. */
    EmulatorResponse error(int status, String code, String message);

    /** This service's answer when a rate limit or a scripted throttling fault refuses a call. */
    default EmulatorResponse throttled() {
        return error(400, "ThrottlingException", "Rate exceeded");
    }

    /** This service's answer to a scripted server fault. */
    default EmulatorResponse serverError() {
        return error(500, "ServerException", "Service encountered an internal error.");
    }
}
