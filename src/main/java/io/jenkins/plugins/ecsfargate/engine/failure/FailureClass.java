package io.jenkins.plugins.ecsfargate.engine.failure;

/** What the caller should do about a failure. */
public enum FailureClass {
    /** Transient: try again after a backoff; the circuit breaker stops a run of these from becoming a hot loop. */
    RETRYABLE,
    /** The configuration is wrong: relaunching cannot help until the named field is fixed. */
    FATAL_CONFIGURATION,
    /** An AWS quota is reached: wait for capacity to free up or raise the quota; do not hammer the API. */
    QUOTA
}
