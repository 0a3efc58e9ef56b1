package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.ecs.model.EcsException;

/** Asserts how ECS rejects a request: by error code and HTTP status, as the engine classifies errors. */
final class EcsAssertions {
    private EcsAssertions() {}

    static void assertRejected(ThrowingCallable call, String errorCode) {
        assertRejected(call, errorCode, 400);
    }

    static void assertRejected(ThrowingCallable call, String errorCode, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EcsException.class, e -> assertError(e, errorCode, status));
    }

    /** As {@link #assertRejected(ThrowingCallable, String)}, and the message names the rule that was broken. */
    static void assertRejected(ThrowingCallable call, String errorCode, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EcsException.class, e -> {
            assertError(e, errorCode, 400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }

    private static void assertError(EcsException e, String errorCode, int status) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.requestId()).isNotBlank();
    }
}
