package io.jenkins.plugins.ecsfargate.engine;

import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import java.util.Objects;

/**
 * Everything one cloud's engine needs, as plain data the adapter builds from its configuration. One engine serves a
 * whole cloud (one set of clients, one rate limiter): launch settings and connection may come with each
 * {@link io.jenkins.plugins.ecsfargate.engine.launch.AgentLaunch}, and those given here are only the defaults for
 * launches that carry none.
 *
 * @param launch default launch settings, or null when every launch carries its own
 * @param connection default agent connection, or null when every launch carries its own
 */
public record EngineConfig(
        AwsConfig aws,
        OwnershipTags.Owner owner,
        LaunchSettings launch,
        AgentConnection connection,
        EngineTuning tuning) {
    public EngineConfig {
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(owner, "owner");
        tuning = tuning == null ? EngineTuning.defaults() : tuning;
    }

    /** A cloud's engine whose launches each carry their settings and connection. */
    public EngineConfig(AwsConfig aws, OwnershipTags.Owner owner, EngineTuning tuning) {
        this(aws, owner, null, null, tuning);
    }

    /** This configuration without defaults: what decides the clients, limiter and owner, and nothing more. */
    public EngineConfig cloudOnly() {
        return new EngineConfig(aws, owner, tuning);
    }
}
