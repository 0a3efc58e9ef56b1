package io.jenkins.plugins.ecsfargate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.aws.CredentialSource;
import io.jenkins.plugins.ecsfargate.engine.aws.RoleToAssume;
import io.jenkins.plugins.ecsfargate.jenkins.forms.FormsRuntime;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CloudAwsTest {
    private final FormsRuntime runtime =
            FormsRuntime.administrator().withAccessKey("aws-key", "AKIAEXAMPLE", "secret-value");

    @Test
    void withoutCredentialUsesTheDefaultChainAndReadsNoCredential() {
        AwsConfig config = CloudAws.of(SeedCloud.cloud(), runtime);

        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.credentials()).isEqualTo(CredentialSource.defaultChain());
        assertThat(config.roleToAssume()).isNull();
        assertThat(config.endpointOverride()).isNull();
        assertThat(runtime.credentialReads()).isZero();
    }

    @Test
    void readsTheAccessKeyFromTheCredentialAtEachCall() {
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setCredentialsId("aws-key");

        AwsConfig config = CloudAws.of(cloud, runtime);

        assertThat(config.credentials()).isEqualTo(new CredentialSource.StaticKeys("AKIAEXAMPLE", "secret-value"));
        assertThat(config.credentials().toString()).doesNotContain("secret-value");
        runtime.withAccessKey("aws-key", "AKIAROTATED", "rotated");
        assertThat(CloudAws.of(cloud, runtime).credentials())
                .isEqualTo(new CredentialSource.StaticKeys("AKIAROTATED", "rotated"));
    }

    @Test
    void aMissingOrIncompleteCredentialIsAConfigurationProblemNamingIt() {
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setCredentialsId("gone");
        assertThatThrownBy(() -> CloudAws.of(cloud, runtime))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("'gone'");
        runtime.withAccessKey("half", "AKIAEXAMPLE", "");
        cloud.setCredentialsId("half");
        assertThatThrownBy(() -> CloudAws.of(cloud, runtime))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("'half'")
                .hasMessageNotContaining("AKIAEXAMPLE");
    }

    @Test
    void assumesTheRoleWithItsExternalIdAndUsesTheEndpoint() {
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setRoleArn("arn:aws:iam::210987654321:role/jenkins-agents");
        cloud.setExternalId("ext-123");
        cloud.setEndpoint("https://ecs.vpce.example.com");

        AwsConfig config = CloudAws.of(cloud, runtime);

        assertThat(config.roleToAssume())
                .isEqualTo(new RoleToAssume("arn:aws:iam::210987654321:role/jenkins-agents", "ext-123", null, null));
        assertThat(config.endpointOverride()).isEqualTo(URI.create("https://ecs.vpce.example.com"));
    }

    @Test
    void rejectsAMissingRegionAndAnEndpointThatIsNotAUrl() {
        assertThatThrownBy(() -> CloudAws.of(null, null, null, null, null, runtime))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("Region");
        assertThatThrownBy(() -> CloudAws.of("us-east-1", null, null, null, "ecs.example.com", runtime))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("ecs.example.com");
        assertThatThrownBy(() -> CloudAws.of("us-east-1", null, null, null, "https://a b", runtime))
                .isInstanceOf(CloudConfigurationException.class);
    }
}
