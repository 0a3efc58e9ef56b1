package io.jenkins.plugins.ecsfargate.engine.failure;

import static io.jenkins.plugins.ecsfargate.engine.failure.FailureClass.FATAL_CONFIGURATION;
import static io.jenkins.plugins.ecsfargate.engine.failure.FailureClass.QUOTA;
import static io.jenkins.plugins.ecsfargate.engine.failure.FailureClass.RETRYABLE;

import io.jenkins.plugins.ecsfargate.engine.failure.Signal.ErrorCode;
import io.jenkins.plugins.ecsfargate.engine.failure.Signal.HttpStatus;
import io.jenkins.plugins.ecsfargate.engine.failure.Signal.RunTaskReason;
import io.jenkins.plugins.ecsfargate.engine.failure.Signal.StopCode;
import io.jenkins.plugins.ecsfargate.engine.failure.Signal.StoppedReasonPrefix;
import java.util.List;

/**
 * The one table of every failure the engine knows: how AWS reports it (error code, HTTP status, RunTask failure
 * reason, stop code, stopped-reason prefix), what class it is, which setting the user must change, and the fix in
 * plain words. {@link FailureClassifier} scans it in declaration order, so more specific rows come first.
 */
public enum FailureCause {
    INVALID_SPEC(
            FATAL_CONFIGURATION,
            "template",
            "the template would not run on Fargate; the reason lists each setting and what is wrong with it"),
    CAPACITY_UNAVAILABLE(
            RETRYABLE,
            null,
            "Fargate has no capacity for this task in the chosen subnets' zones right now; the engine retries, "
                    + "falls back from FARGATE_SPOT to FARGATE, and more subnets in other zones help",
            new RunTaskReason("Capacity is unavailable at this time")),
    VCPU_LIMIT(
            QUOTA,
            "maxAgents",
            "the account's Fargate vCPU quota (L-3032A538 On-Demand, L-36FBB829 Spot) is used up: wait for agents "
                    + "to finish, lower the agent cap, or ask AWS for a higher quota",
            new RunTaskReason("You\u2019ve reached the limit on the number of vCPUs"),
            new RunTaskReason("You've reached the limit on the number of vCPUs")),
    SUBNET_ENI_EXHAUSTED(
            RETRYABLE,
            "subnets",
            "no network interface could be placed in the subnets (free IP addresses or ENI rate); add subnets "
                    + "with free addresses",
            new RunTaskReason("RESOURCE:ENI")),
    NOT_FARGATE_CAPACITY(
            FATAL_CONFIGURATION,
            "capacityProviders",
            "the task was placed on EC2 container instances; agents run on Fargate only: use the FARGATE or "
                    + "FARGATE_SPOT capacity providers",
            new RunTaskReason("RESOURCE:"),
            new RunTaskReason("AGENT"),
            new RunTaskReason("ATTRIBUTE"),
            new RunTaskReason("LOCATION")),
    TASK_MISSING(
            RETRYABLE,
            null,
            "ECS does not know this task (yet): right after RunTask this is eventual consistency; later it means "
                    + "the task is gone",
            new RunTaskReason("MISSING")),
    CANNOT_PULL_IMAGE(
            FATAL_CONFIGURATION,
            "image",
            "the image could not be pulled: check the image name and tag, that the subnets reach the registry "
                    + "(NAT gateway or VPC endpoints for ECR and S3), and that the execution role may read ECR",
            new StoppedReasonPrefix("CannotPullContainerError")),
    RESOURCE_INITIALIZATION(
            FATAL_CONFIGURATION,
            "executionRoleArn",
            "Fargate could not prepare the task (secrets, registry auth, log group or EFS): check that the "
                    + "execution role may read the secrets and logs, and that the subnets reach those services",
            new StoppedReasonPrefix("ResourceInitializationError")),
    CANNOT_START_CONTAINER(
            FATAL_CONFIGURATION,
            "image",
            "the container could not start: check the image's entrypoint, the command, the user and mounts",
            new StoppedReasonPrefix("CannotStartContainerError"),
            new StoppedReasonPrefix("CannotCreateContainerError")),
    START_TIMEOUT(
            RETRYABLE,
            "subnets",
            "the task did not start within Fargate's 3-minute limit, usually slow networking to the registry",
            new StoppedReasonPrefix("DockerTimeoutError")),
    OUT_OF_MEMORY(
            FATAL_CONFIGURATION,
            "memory",
            "a container was killed for using more memory than the task has: raise the task memory",
            new StoppedReasonPrefix("OutOfMemoryError")),
    SPOT_INTERRUPTION(
            RETRYABLE,
            null,
            "AWS reclaimed the Fargate Spot capacity; use FARGATE (on-demand) for builds that cannot be "
                    + "interrupted",
            new StopCode("SpotInterruption"),
            new StopCode("TerminationNotice"),
            new StoppedReasonPrefix("Your Spot Task was interrupted")),
    ESSENTIAL_CONTAINER_EXITED(
            FATAL_CONFIGURATION,
            "image",
            "an essential container exited; before the agent connected this usually means a wrong Jenkins URL or "
                    + "tunnel, or an image whose entrypoint is not the inbound agent: see the container's exit code "
                    + "and logs",
            new StopCode("EssentialContainerExited"),
            new StoppedReasonPrefix("Essential container in task exited")),
    TASK_FAILED_TO_START(
            RETRYABLE,
            null,
            "the task stopped before it ran; the stopped reason says why",
            new StopCode("TaskFailedToStart")),
    STOPPED_BY_SOMEONE_ELSE(
            RETRYABLE,
            null,
            "the task was stopped by a user, a service or AWS, not by this controller",
            new StopCode("UserInitiated"),
            new StopCode("ServiceSchedulerInitiated"),
            new StopCode("InfrastructureHealth")),
    THROTTLED(
            RETRYABLE,
            null,
            "AWS throttled the request; the engine slows down and retries",
            concat(
                    Signal.errorCodes(
                            "ThrottlingException",
                            "Throttling",
                            "ThrottledException",
                            "TooManyRequestsException",
                            "RequestLimitExceeded",
                            "RequestThrottled",
                            "RequestThrottledException",
                            "SlowDown",
                            "ProvisionedThroughputExceededException",
                            "BandwidthLimitExceeded",
                            "TransactionInProgressException",
                            "EC2ThrottledException"),
                    new HttpStatus(429))),
    EXPIRED_CREDENTIALS(
            RETRYABLE,
            null,
            "the session credentials expired; they are refreshed and the call retried",
            Signal.errorCodes("ExpiredTokenException", "ExpiredToken", "RequestExpired")),
    INVALID_CREDENTIALS(
            FATAL_CONFIGURATION,
            "credentials",
            "AWS does not accept these credentials: check the access key, or the role the controller runs with",
            Signal.errorCodes(
                    "UnrecognizedClientException",
                    "InvalidClientTokenId",
                    "InvalidSignatureException",
                    "SignatureDoesNotMatch",
                    "IncompleteSignature",
                    "AuthFailure")),
    ACCESS_DENIED(
            FATAL_CONFIGURATION,
            "credentials",
            "the controller's IAM identity may not do this: grant the action named in the reason (see the "
                    + "policy in the documentation; RunTask also needs iam:PassRole and ecs:TagResource)",
            Signal.errorCodes("AccessDeniedException", "AccessDenied", "UnauthorizedOperation")),
    CLUSTER_NOT_FOUND(
            FATAL_CONFIGURATION,
            "cluster",
            "the cluster does not exist in this Region: check the cluster name and the Region",
            new ErrorCode("ClusterNotFoundException")),
    PLATFORM_UNKNOWN(
            FATAL_CONFIGURATION,
            "platformVersion",
            "Fargate has no such platform version: use LATEST or 1.4.0",
            Signal.errorCodes("PlatformUnknownException", "PlatformTaskDefinitionIncompatibilityException")),
    UNSUPPORTED_FEATURE(
            FATAL_CONFIGURATION,
            "region",
            "a requested feature is not available in this Region",
            Signal.errorCodes("UnsupportedFeatureException", "RegionDisabledException")),
    ACCOUNT_BLOCKED(
            FATAL_CONFIGURATION,
            "credentials",
            "AWS has blocked the account from ECS; contact AWS Support",
            new ErrorCode("BlockedException")),
    LIMIT_EXCEEDED(
            QUOTA,
            null,
            "an ECS resource limit was reached (task-definition revisions, tags); clean up or ask AWS for more",
            new ErrorCode("LimitExceededException")),
    CLIENT_TOKEN_CONFLICT(
            FATAL_CONFIGURATION,
            null,
            "ECS saw this launch's client token with different parameters; report this as a bug",
            new ErrorCode("ConflictException")),
    INVALID_PARAMETER(
            FATAL_CONFIGURATION,
            "subnets",
            "ECS rejected a parameter: check subnets and security groups (same VPC), the capacity providers "
                    + "associated with the cluster, and the reason text",
            new ErrorCode("InvalidParameterException")),
    CLIENT_ERROR(
            FATAL_CONFIGURATION,
            "template",
            "ECS rejected the request: the reason names the setting (task size, image, role or task definition)",
            new ErrorCode("ClientException")),
    NOT_FOUND(
            FATAL_CONFIGURATION,
            null,
            "a named AWS resource does not exist: the reason says which",
            Signal.errorCodes("ResourceNotFoundException", "NoSuchEntity", "NoSuchEntityException")),
    CLOUD_MAP_NOT_FOUND(
            FATAL_CONFIGURATION,
            "tunnel",
            "the Cloud Map namespace or service of the tunnel does not exist: check both names",
            Signal.errorCodes("NamespaceNotFound", "ServiceNotFound", "InvalidInput")),
    CLOUD_MAP_EMPTY(
            RETRYABLE,
            "tunnel",
            "the Cloud Map service of the tunnel has no healthy instance: is the controller's ECS service "
                    + "registered with it?"),
    START_TIMED_OUT(
            RETRYABLE,
            "startTimeout",
            "the task did not reach RUNNING within the start timeout and was stopped; its last status says where "
                    + "it stuck: PROVISIONING (network interface, capacity) or PENDING (image pull: a large image or a "
                    + "slow route to the registry). Raise the start timeout or make the image smaller or closer"),
    CONNECT_TIMED_OUT(
            RETRYABLE,
            "connectTimeout",
            "the task ran but its agent did not connect to Jenkins within the connect timeout and was stopped: "
                    + "check the Jenkins URL (or tunnel) the agents use, that the agents' subnets and security "
                    + "group reach the controller, and the agent container's log"),
    SERVER_ERROR(
            RETRYABLE,
            null,
            "AWS had an internal error; the engine retries",
            concat(
                    Signal.errorCodes(
                            "ServerException",
                            "InternalError",
                            "InternalFailure",
                            "ServiceUnavailable",
                            "ServiceFailure",
                            "RequestTimeout",
                            "RequestTimeoutException",
                            "PriorRequestNotComplete"),
                    new HttpStatus(500),
                    new HttpStatus(502),
                    new HttpStatus(503),
                    new HttpStatus(504))),
    NETWORK(
            RETRYABLE,
            null,
            "AWS could not be reached or the answer was lost (network, timeout); the engine retries, and the "
                    + "launch's client token keeps a retried RunTask from starting a second task"),
    UNKNOWN(FATAL_CONFIGURATION, null, "an AWS error the engine does not know; the code and reason say what happened");

    private final FailureClass failureClass;
    private final String field;
    private final String fix;
    private final List<Signal> signals;

    FailureCause(FailureClass failureClass, String field, String fix, Signal... signals) {
        this.failureClass = failureClass;
        this.field = field;
        this.fix = fix;
        this.signals = List.of(signals);
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /** The setting to change, or null when there is none the user can change. */
    public String field() {
        return field;
    }

    /** What to do, in plain words. */
    public String fix() {
        return fix;
    }

    /** How AWS reports this cause. */
    public List<Signal> signals() {
        return signals;
    }

    private static Signal[] concat(Signal[] codes, Signal... more) {
        Signal[] all = new Signal[codes.length + more.length];
        System.arraycopy(codes, 0, all, 0, codes.length);
        System.arraycopy(more, 0, all, codes.length, more.length);
        return all;
    }
}
