package io.jenkins.plugins.ecsfargate.engine.failure;

/**
 * One observable AWS fact a {@link FailureCause} is recognised by. Codes match exactly; the RunTask
 * {@code failures[].reason} texts and stopped-reason prefixes are AWS's documented constants (the only code
 * those channels carry) and match at the start of the text, never anywhere inside it.
 */
public sealed interface Signal {
    /** An AWS error code ({@code __type} / {@code Code}), e.g. {@code ClusterNotFoundException}. */
    record ErrorCode(String code) implements Signal {}

    /** An HTTP status with no more specific code match, e.g. 503. */
    record HttpStatus(int status) implements Signal {}

    /** A RunTask {@code failures[].reason} constant, matched as a prefix. */
    record RunTaskReason(String prefix) implements Signal {}

    /** A task's {@code stopCode}. */
    record StopCode(String code) implements Signal {}

    /** The error-type prefix of a task's {@code stoppedReason} or a container's {@code reason}. */
    record StoppedReasonPrefix(String prefix) implements Signal {}

    static Signal[] errorCodes(String... codes) {
        Signal[] signals = new Signal[codes.length];
        for (int i = 0; i < codes.length; i++) {
            signals[i] = new ErrorCode(codes[i]);
        }
        return signals;
    }
}
