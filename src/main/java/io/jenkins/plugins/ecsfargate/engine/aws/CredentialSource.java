package io.jenkins.plugins.ecsfargate.engine.aws;

import java.util.Objects;

/** Where the engine's base AWS credentials come from. A role to assume on top is set in {@link AwsConfig}. */
public sealed interface CredentialSource {
    /** The SDK's default chain: environment, profile, and on ECS the controller's own task role. */
    record DefaultChain() implements CredentialSource {}

    /** Fixed keys, for controllers outside AWS. The secret never appears in {@link #toString()}. */
    record StaticKeys(String accessKeyId, String secretAccessKey) implements CredentialSource {
        public StaticKeys {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
        }
    }

    static CredentialSource defaultChain() {
        return new DefaultChain();
    }
}
