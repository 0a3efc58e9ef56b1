package io.jenkins.plugins.ecsfargate.engine.call;

import io.jenkins.plugins.ecsfargate.engine.retry.CircuitBreaker;

/** A launch refused because the template's circuit breaker is open; carries the pause and the failure behind it. */
public final class TemplatePausedException extends LaunchFailureException {
    private static final long serialVersionUID = 1L;

    private final transient CircuitBreaker.Pause pause;

    public TemplatePausedException(CircuitBreaker.Pause pause) {
        super(pause.cause());
        this.pause = pause;
    }

    public CircuitBreaker.Pause pause() {
        return pause;
    }

    @Override
    public String getMessage() {
        return pause.describe();
    }
}
