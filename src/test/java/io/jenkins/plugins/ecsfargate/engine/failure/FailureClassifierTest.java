package io.jenkins.plugins.ecsfargate.engine.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;

/** Every failure named in aws-facts.md, by the channel AWS reports it on. */
class FailureClassifierTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        // ECS error codes (aws-facts 1.3)
        "ClientException, 400, CLIENT_ERROR, FATAL_CONFIGURATION, template",
        "InvalidParameterException, 400, INVALID_PARAMETER, FATAL_CONFIGURATION, subnets",
        "AccessDeniedException, 400, ACCESS_DENIED, FATAL_CONFIGURATION, credentials",
        "ClusterNotFoundException, 400, CLUSTER_NOT_FOUND, FATAL_CONFIGURATION, cluster",
        "PlatformUnknownException, 400, PLATFORM_UNKNOWN, FATAL_CONFIGURATION, platformVersion",
        "PlatformTaskDefinitionIncompatibilityException, 400, PLATFORM_UNKNOWN, FATAL_CONFIGURATION, platformVersion",
        "UnsupportedFeatureException, 400, UNSUPPORTED_FEATURE, FATAL_CONFIGURATION, region",
        "BlockedException, 400, ACCOUNT_BLOCKED, FATAL_CONFIGURATION, credentials",
        "ConflictException, 400, CLIENT_TOKEN_CONFLICT, FATAL_CONFIGURATION, ",
        "LimitExceededException, 400, LIMIT_EXCEEDED, QUOTA, ",
        "ResourceNotFoundException, 400, NOT_FOUND, FATAL_CONFIGURATION, ",
        "ServerException, 500, SERVER_ERROR, RETRYABLE, ",
        "ThrottlingException, 400, THROTTLED, RETRYABLE, ",
        // the SDK's other throttling and retryable codes (aws-facts 1.4)
        "Throttling, 400, THROTTLED, RETRYABLE, ",
        "ThrottledException, 400, THROTTLED, RETRYABLE, ",
        "ProvisionedThroughputExceededException, 400, THROTTLED, RETRYABLE, ",
        "SlowDown, 503, THROTTLED, RETRYABLE, ",
        "TooManyRequestsException, 400, THROTTLED, RETRYABLE, ",
        "RequestLimitExceeded, 400, THROTTLED, RETRYABLE, ",
        "BandwidthLimitExceeded, 400, THROTTLED, RETRYABLE, ",
        "RequestThrottled, 400, THROTTLED, RETRYABLE, ",
        "RequestThrottledException, 400, THROTTLED, RETRYABLE, ",
        "EC2ThrottledException, 400, THROTTLED, RETRYABLE, ",
        "TransactionInProgressException, 400, THROTTLED, RETRYABLE, ",
        "SomethingNew, 429, THROTTLED, RETRYABLE, ",
        "PriorRequestNotComplete, 400, SERVER_ERROR, RETRYABLE, ",
        "RequestTimeout, 400, SERVER_ERROR, RETRYABLE, ",
        "RequestTimeoutException, 400, SERVER_ERROR, RETRYABLE, ",
        "InternalError, 500, SERVER_ERROR, RETRYABLE, ",
        "SomethingNew, 502, SERVER_ERROR, RETRYABLE, ",
        "SomethingNew, 503, SERVER_ERROR, RETRYABLE, ",
        "SomethingNew, 504, SERVER_ERROR, RETRYABLE, ",
        "RequestExpired, 400, EXPIRED_CREDENTIALS, RETRYABLE, ",
        "InvalidSignatureException, 400, INVALID_CREDENTIALS, FATAL_CONFIGURATION, credentials",
        "SignatureDoesNotMatch, 403, INVALID_CREDENTIALS, FATAL_CONFIGURATION, credentials",
        "AuthFailure, 401, INVALID_CREDENTIALS, FATAL_CONFIGURATION, credentials",
        // Cloud Map (aws-facts 7)
        "InvalidInput, 400, CLOUD_MAP_NOT_FOUND, FATAL_CONFIGURATION, tunnel",
        "NamespaceNotFound, 400, CLOUD_MAP_NOT_FOUND, FATAL_CONFIGURATION, tunnel",
        "ServiceNotFound, 400, CLOUD_MAP_NOT_FOUND, FATAL_CONFIGURATION, tunnel",
        // IAM and STS (aws-facts 8.2)
        "NoSuchEntity, 404, NOT_FOUND, FATAL_CONFIGURATION, ",
        "ServiceFailure, 500, SERVER_ERROR, RETRYABLE, ",
        "PolicyEvaluation, 500, SERVER_ERROR, RETRYABLE, ",
        "MalformedPolicyDocument, 400, UNKNOWN, FATAL_CONFIGURATION, ",
        "PackedPolicyTooLarge, 400, UNKNOWN, FATAL_CONFIGURATION, ",
        "RegionDisabledException, 403, UNSUPPORTED_FEATURE, FATAL_CONFIGURATION, region",
        "ExpiredTokenException, 400, EXPIRED_CREDENTIALS, RETRYABLE, ",
        "AccessDenied, 403, ACCESS_DENIED, FATAL_CONFIGURATION, credentials",
        "UnrecognizedClientException, 400, INVALID_CREDENTIALS, FATAL_CONFIGURATION, credentials",
        "SomethingNew, 400, UNKNOWN, FATAL_CONFIGURATION, "
    })
    void awsErrorCodes(String code, int status, FailureCause cause, FailureClass failureClass, String field) {
        LaunchFailure failure = FailureClassifier.fromAwsError(LaunchPhase.RUN_TASK, code, status, "some text");
        assertThat(failure.cause()).isEqualTo(cause);
        assertThat(failure.failureClass()).isEqualTo(failureClass);
        assertThat(failure.fieldToFix()).isEqualTo(field);
        assertThat(failure.awsCode()).isEqualTo(code);
        assertThat(failure.reason()).isEqualTo("some text");
        assertThat(failure.fix()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Capacity is unavailable at this time. Please try again later or in a different availability zone"
                        + "|CAPACITY_UNAVAILABLE|RETRYABLE",
                "You\u2019ve reached the limit on the number of vCPUs you can run concurrently|VCPU_LIMIT|QUOTA",
                "You\u2019ve reached the limit on the number of vCPUs you can run concurrently. For more information,"
                        + " see the Troubleshooting section of the Amazon ECS Developer Guide.|VCPU_LIMIT|QUOTA",
                "RESOURCE:ENI|SUBNET_ENI_EXHAUSTED|RETRYABLE",
                "RESOURCE:CPU|NOT_FARGATE_CAPACITY|FATAL_CONFIGURATION",
                "RESOURCE:MEMORY|NOT_FARGATE_CAPACITY|FATAL_CONFIGURATION",
                "RESOURCE:GPU|NOT_FARGATE_CAPACITY|FATAL_CONFIGURATION",
                "RESOURCE:PORTS|NOT_FARGATE_CAPACITY|FATAL_CONFIGURATION",
                "AGENT|NOT_FARGATE_CAPACITY|FATAL_CONFIGURATION",
                "LOCATION|NOT_FARGATE_CAPACITY|FATAL_CONFIGURATION",
                "ATTRIBUTE|NOT_FARGATE_CAPACITY|FATAL_CONFIGURATION",
                "MISSING|TASK_MISSING|RETRYABLE",
                "Something ECS never said|UNKNOWN|FATAL_CONFIGURATION"
            })
    void runTaskFailureReasons(String reason, FailureCause cause, FailureClass failureClass) {
        LaunchFailure failure = FailureClassifier.fromRunTaskFailure(reason, null);
        assertThat(failure.cause()).isEqualTo(cause);
        assertThat(failure.failureClass()).isEqualTo(failureClass);
        assertThat(failure.phase()).isEqualTo(LaunchPhase.RUN_TASK);
    }

    @Test
    void vcpuQuotaNamesTheSettingThatBoundsIt() {
        LaunchFailure failure = FailureClassifier.fromRunTaskFailure(
                "You\u2019ve reached the limit on the number of vCPUs you can run concurrently", "arn:x");
        assertThat(failure.fieldToFix()).isEqualTo("maxAgents");
        assertThat(failure.describe()).contains("QUOTA", "vCPU quota", "arn:x");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "TaskFailedToStart, TASK_FAILED_TO_START, RETRYABLE",
        "EssentialContainerExited, ESSENTIAL_CONTAINER_EXITED, FATAL_CONFIGURATION",
        "UserInitiated, STOPPED_BY_SOMEONE_ELSE, RETRYABLE",
        "ServiceSchedulerInitiated, STOPPED_BY_SOMEONE_ELSE, RETRYABLE",
        "SpotInterruption, SPOT_INTERRUPTION, RETRYABLE",
        "TerminationNotice, SPOT_INTERRUPTION, RETRYABLE",
        "InfrastructureHealth, STOPPED_BY_SOMEONE_ELSE, RETRYABLE"
    })
    void stopCodesWithoutAKnownReason(String stopCode, FailureCause cause, FailureClass failureClass) {
        LaunchFailure failure = FailureClassifier.fromStoppedTask(LaunchPhase.START, stopCode, null, List.of());
        assertThat(failure.cause()).isEqualTo(cause);
        assertThat(failure.failureClass()).isEqualTo(failureClass);
        assertThat(failure.awsCode()).isEqualTo(stopCode);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "TaskFailedToStart|CannotPullContainerError: pull image manifest has been retried 5 time(s): not found"
                        + "|CANNOT_PULL_IMAGE|image",
                "TaskFailedToStart|ResourceInitializationError: unable to pull secrets or registry auth: execution "
                        + "resource retrieval failed: unable to retrieve secret from asm: AccessDenied"
                        + "|RESOURCE_INITIALIZATION|executionRoleArn",
                "TaskFailedToStart|DockerTimeoutError: unable transition start timeout after wait 3m0s|START_TIMEOUT|subnets",
                "EssentialContainerExited|OutOfMemoryError: Container killed due to memory usage|OUT_OF_MEMORY|memory",
                "EssentialContainerExited|Essential container in task exited|ESSENTIAL_CONTAINER_EXITED|image",
                "SpotInterruption|Your Spot Task was interrupted.|SPOT_INTERRUPTION|",
                "UserInitiated|Task stopped by user|STOPPED_BY_SOMEONE_ELSE|"
            })
    void stoppedReasonsTakePrecedenceOverStopCodes(String stopCode, String reason, FailureCause cause, String field) {
        LaunchFailure failure = FailureClassifier.fromStoppedTask(LaunchPhase.START, stopCode, reason, List.of());
        assertThat(failure.cause()).isEqualTo(cause);
        assertThat(failure.fieldToFix()).isEqualTo(field);
        assertThat(failure.reason()).isEqualTo(reason);
    }

    @Test
    void containerReasonsAreUsedWhenTheTaskReasonIsGeneric() {
        LaunchFailure failure = FailureClassifier.fromStoppedTask(
                LaunchPhase.RUNNING,
                "EssentialContainerExited",
                "Essential container in task exited",
                List.of("OutOfMemoryError: Container killed due to memory usage"));
        assertThat(failure.cause()).isEqualTo(FailureCause.ESSENTIAL_CONTAINER_EXITED);
        LaunchFailure fromContainer = FailureClassifier.fromStoppedTask(
                LaunchPhase.RUNNING,
                "EssentialContainerExited",
                null,
                List.of("OutOfMemoryError: Container killed due to memory usage"));
        assertThat(fromContainer.cause()).isEqualTo(FailureCause.OUT_OF_MEMORY);
    }

    @Test
    void reasonTextIsMatchedOnlyAsAPrefixNeverInside() {
        LaunchFailure failure = FailureClassifier.fromStoppedTask(
                LaunchPhase.START, "TaskFailedToStart", "Something: CannotPullContainerError inside", List.of());
        assertThat(failure.cause()).isEqualTo(FailureCause.TASK_FAILED_TO_START);
        LaunchFailure byMessage = FailureClassifier.fromAwsError(
                LaunchPhase.RUN_TASK, "SomethingNew", 400, "Capacity is unavailable at this time");
        assertThat(byMessage.cause()).isEqualTo(FailureCause.UNKNOWN);
    }

    @Test
    void sdkServiceExceptionsAreClassifiedByTheirCodeAndStatus() {
        EcsException throttled = (EcsException) EcsException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ThrottlingException")
                        .errorMessage("Rate exceeded")
                        .build())
                .statusCode(400)
                .build();
        assertThat(FailureClassifier.fromException(LaunchPhase.RUN_TASK, throttled))
                .extracting(LaunchFailure::cause, LaunchFailure::reason)
                .containsExactly(FailureCause.THROTTLED, "Rate exceeded");
        ClusterNotFoundException missing = (ClusterNotFoundException) ClusterNotFoundException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ClusterNotFoundException")
                        .errorMessage("Cluster not found.")
                        .build())
                .statusCode(400)
                .build();
        LaunchFailure failure = FailureClassifier.fromException(LaunchPhase.RUN_TASK, missing);
        assertThat(failure.fieldToFix()).isEqualTo("cluster");
        assertThat(failure.describe())
                .isEqualTo("RUN_TASK failed (FATAL_CONFIGURATION): ClusterNotFoundException: Cluster not found. "
                        + "Check 'cluster'. " + FailureCause.CLUSTER_NOT_FOUND.fix());
    }

    @Test
    void clientSideErrorsAreNetworkFailures() {
        LaunchFailure lost = FailureClassifier.fromException(
                LaunchPhase.RUN_TASK,
                SdkClientException.create(
                        "Unable to execute HTTP request", new SocketTimeoutException("Read timed out")));
        assertThat(lost.cause()).isEqualTo(FailureCause.NETWORK);
        assertThat(lost.isRetryable()).isTrue();
        assertThat(FailureClassifier.fromException(
                                LaunchPhase.TRACKING, new UncheckedIOException(new java.io.IOException("reset")))
                        .cause())
                .isEqualTo(FailureCause.NETWORK);
        assertThatThrownBy(() -> FailureClassifier.fromException(LaunchPhase.RUN_TASK, new NullPointerException()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCauseHasAFixAndEveryCodeAppearsOnce() {
        List<Signal> all = Arrays.stream(FailureCause.values())
                .peek(cause -> assertThat(cause.fix()).as(cause.name()).isNotBlank())
                .flatMap(cause -> cause.signals().stream())
                .toList();
        assertThat(all).doesNotHaveDuplicates();
    }
}
