package io.jenkins.plugins.ecsfargate.engine;

import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import java.util.Objects;

/** Everything one cloud's engine needs, as plain data the adapter builds from its configuration. */
public record EngineConfig(
        AwsConfig aws,
        OwnershipTags.Owner owner,
        LaunchSettings launch,
        AgentConnection connection,
        EngineTuning tuning) {
    public EngineConfig {
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(connection, "connection");
        tuning = tuning == null ? EngineTuning.defaults() : tuning;
    }
}
