package io.jenkins.plugins.ecsfargate.engine.call;

import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;

/** Completes an engine future exceptionally with a typed {@link LaunchFailure}. */
public class LaunchFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient LaunchFailure failure;

    public LaunchFailureException(LaunchFailure failure, Throwable cause) {
        super(failure.describe(), cause);
        this.failure = failure;
    }

    public LaunchFailureException(LaunchFailure failure) {
        this(failure, null);
    }

    public LaunchFailure failure() {
        return failure;
    }

    /** The typed failure inside {@code error} (unwrapping completion wrappers), or null if it carries none. */
    public static LaunchFailure unwrap(Throwable error) {
        Throwable current = error;
        while (current != null) {
            if (current instanceof LaunchFailureException launch) {
                return launch.failure();
            }
            current = current.getCause();
        }
        return null;
    }
}
