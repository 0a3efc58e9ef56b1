package io.jenkins.plugins.ecsfargate.jenkins;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.ecsfargate.engine.AwsNames;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.aws.CredentialSource;
import io.jenkins.plugins.ecsfargate.engine.aws.RoleToAssume;
import io.jenkins.plugins.ecsfargate.jenkins.config.Text;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Turns a cloud's AWS settings (saved, or being edited in a form) into the engine's {@link AwsConfig}: the access
 * key is read from the credentials store at each call, so a rotated key is used at once and no secret is ever
 * copied into the cloud's configuration.
 */
public final class CloudAws {
    private CloudAws() {}

    /** The engine configuration for a saved cloud. */
    public static AwsConfig of(EcsCloud cloud, JenkinsRuntime runtime) {
        return of(
                cloud.getRegion(),
                cloud.getCredentialsId(),
                cloud.getRoleArn(),
                cloud.getExternalId(),
                cloud.getEndpoint(),
                runtime);
    }

    /**
     * The engine configuration for AWS settings as a form holds them.
     *
     * @throws CloudConfigurationException when the Region is missing or malformed, the credential is gone or not
     *     an access key, or the endpoint is not a URL
     */
    public static AwsConfig of(
            String region,
            String credentialsId,
            String roleArn,
            String externalId,
            String endpoint,
            JenkinsRuntime runtime) {
        String regionName = Text.trimToNull(region);
        if (regionName == null || !AwsNames.isRegion(regionName)) {
            throw new CloudConfigurationException(Messages.format("EcsCloud.region.required"));
        }
        AwsConfig config = AwsConfig.of(regionName).withCredentials(credentials(credentialsId, runtime));
        String role = Text.trimToNull(roleArn);
        if (role != null) {
            config = config.withRole(new RoleToAssume(role, Text.trimToNull(externalId), null, null));
        }
        String override = Text.trimToNull(endpoint);
        if (override != null) {
            config = config.withEndpoint(endpoint(override));
        }
        return config;
    }

    private static CredentialSource credentials(String credentialsId, JenkinsRuntime runtime) {
        String id = Text.trimToNull(credentialsId);
        if (id == null) {
            return CredentialSource.defaultChain();
        }
        StandardUsernamePasswordCredentials key = runtime.findUsernamePassword(id);
        if (key == null) {
            throw new CloudConfigurationException(Messages.format("EcsCloud.credentialsId.missing", id));
        }
        String secret = Secret.toString(key.getPassword());
        if (Text.trimToNull(key.getUsername()) == null || secret.isEmpty()) {
            throw new CloudConfigurationException(Messages.format("EcsCloud.credentialsId.incomplete", id));
        }
        return new CredentialSource.StaticKeys(key.getUsername().trim(), secret);
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new CloudConfigurationException(Messages.format("EcsCloud.endpoint.invalid", value));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CloudConfigurationException(Messages.format("EcsCloud.endpoint.invalid", value), e);
        }
    }
}
