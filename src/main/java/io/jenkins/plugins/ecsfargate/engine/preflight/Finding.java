package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.Objects;

/**
 * One result of a preflight check: what was checked, what was found, and (unless it is fine) what to change, in
 * words an administrator can act on without reading AWS documentation first.
 */
public record Finding(Severity severity, String check, String message, String fix) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    /** How much a finding matters: errors stop agents from starting, warnings may, OK confirms a check passed. */
    public enum Severity {
        OK,
        WARNING,
        ERROR
    }

    public static Finding ok(String check, String message) {
        return new Finding(Severity.OK, check, message, "");
    }

    public static Finding warning(String check, String message, String fix) {
        return new Finding(Severity.WARNING, check, message, fix);
    }

    public static Finding error(String check, String message, String fix) {
        return new Finding(Severity.ERROR, check, message, fix);
    }
}
