package io.jenkins.plugins.ecsfargate.engine.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that decides how the engine's AWS clients are built. Equal configurations share one set of clients;
 * a changed one gets a new set.
 *
 * @param endpointOverride null for AWS itself; set for the emulator or a VPC endpoint
 * @param roleToAssume null to use the base credentials directly
 */
public record AwsConfig(
        String region,
        URI endpointOverride,
        CredentialSource credentials,
        RoleToAssume roleToAssume,
        Duration connectTimeout,
        Duration readTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public AwsConfig {
        Objects.requireNonNull(region, "region");
        credentials = credentials == null ? CredentialSource.defaultChain() : credentials;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
    }

    /** The usual setup on ECS: the controller's task role through the default chain. */
    public static AwsConfig of(String region) {
        return new AwsConfig(region, null, null, null, null, null);
    }

    public AwsConfig withEndpoint(URI endpoint) {
        return new AwsConfig(region, endpoint, credentials, roleToAssume, connectTimeout, readTimeout);
    }

    public AwsConfig withCredentials(CredentialSource source) {
        return new AwsConfig(region, endpointOverride, source, roleToAssume, connectTimeout, readTimeout);
    }

    public AwsConfig withRole(RoleToAssume role) {
        return new AwsConfig(region, endpointOverride, credentials, role, connectTimeout, readTimeout);
    }

    public AwsConfig withTimeouts(Duration connect, Duration read) {
        return new AwsConfig(region, endpointOverride, credentials, roleToAssume, connect, read);
    }
}
