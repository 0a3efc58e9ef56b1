package io.jenkins.plugins.ecsfargate.jenkins;

/**
 * A saved configuration that cannot be turned into engine data (no Region, a credential that no longer exists,
 * no Jenkins URL anywhere). Fatal for launches until an administrator fixes the configuration; the message says
 * what to fix, in the user's words, and never contains a secret.
 */
public final class CloudConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CloudConfigurationException(String message) {
        super(message);
    }

    public CloudConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
