package io.jenkins.plugins.ecsfargate.engine.tracking;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one task may take to start (RunTask to RUNNING) and its agent to connect (RUNNING to connected). Each
 * task carries its template's, so one tracker per cloud serves templates with different timeouts.
 */
public record TaskTimeouts(Duration start, Duration connect) {
    public TaskTimeouts {
        requirePositive(start, "start");
        requirePositive(connect, "connect");
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
