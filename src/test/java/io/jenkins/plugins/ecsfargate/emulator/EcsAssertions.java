package io.jenkins.plugins.ecsfargate.emulator;

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
        assertThatThrownBy(call).isInstanceOfSatisfying(EcsException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo(errorCode);
            org.assertj.core.api.Assertions.assertThat(e.statusCode()).isEqualTo(status);
            org.assertj.core.api.Assertions.assertThat(e.requestId()).isNotBlank();
        });
    }
}
