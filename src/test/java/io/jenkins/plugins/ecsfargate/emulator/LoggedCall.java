package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Instant;

/**
 * One request the emulator received: when (emulator clock), which operation, which SDK attempt (1 for a first try,
 * 0 if the client sent no {@code amz-sdk-request} header), the SDK invocation id (shared by an invocation's retries),
 * the HTTP status answered (0 if the connection was dropped), whether it was throttled, how long the emulator took
 * to answer (excluding network and scripted delays), and the request body. {@code receivedNanos} is
 * {@link System#nanoTime()} when the request arrived, for measuring in real time how long a client took to send it.
 */
public record LoggedCall(
        Instant at,
        long receivedNanos,
        String operationKey,
        int attempt,
        String invocationId,
        String requestId,
        int status,
        boolean throttled,
        long handlingNanos,
        String body) {}
