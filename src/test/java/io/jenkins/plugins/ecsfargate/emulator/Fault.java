package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What a scripted fault does to one call. Throttling and server faults answer in the service's own wire format;
 * a slow answer is delayed in real time (it models the network, so client timeouts see it) and then served;
 * a dropped connection closes the socket without an answer, either before the operation runs or after it (the
 * answer is lost but its effect happened, e.g. ECS started the task).
 */
public record Fault(Kind kind, Duration delay, int status, String code, String message) {

    public enum Kind {
        THROTTLING,
        SERVER_ERROR,
        ERROR,
        SLOW,
        DROP_BEFORE,
        DROP_AFTER
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
    }

    /** The service's throttling error ({@code ThrottlingException}, 400, for ECS). */
    public static Fault throttling() {
        return new Fault(Kind.THROTTLING, null, 0, null, null);
    }

    /** The service's server fault ({@code ServerException}, 500, for ECS). */
    public static Fault serverError() {
        return new Fault(Kind.SERVER_ERROR, null, 0, null, null);
    }

    /** Any error code and status, in the service's wire format. */
    public static Fault error(int status, String code, String message) {
        return new Fault(Kind.ERROR, null, status, code, message);
    }

    /** Serves the call after a real delay. */
    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, delay, 0, null, null);
    }

    /** Closes the connection without running the operation. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_BEFORE, null, 0, null, null);
    }

    /** Runs the operation, then closes the connection without answering. */
    public static Fault dropAnswer() {
        return new Fault(Kind.DROP_AFTER, null, 0, null, null);
    }
}
