package io.jenkins.plugins.ecsfargate.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.model.EcsException;

class AwsClientFactoryTest {
    private final StubSts sts = new StubSts(Duration.ofHours(1));

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withService(clock -> sts);

    @Test
    void anEqualConfigurationReusesTheClientsAndAChangedOneRebuildsThem() {
        try (AwsClientFactory factory = new AwsClientFactory()) {
            AwsConfig config = EngineFixture.config(aws);
            AwsClients first = factory.clientsFor(config);
            AwsClients again = factory.clientsFor(EngineFixture.config(aws));
            assertThat(again).isSameAs(first);
            assertThat(again.ecs()).isSameAs(first.ecs());
            AwsClients rebuilt = factory.clientsFor(config.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(9)));
            assertThat(rebuilt).isNotSameAs(first);
            assertThat(rebuilt.ecs().listTaskDefinitions().taskDefinitionArns()).isNotNull();
            assertThat(rebuilt.config().readTimeout()).isEqualTo(Duration.ofSeconds(9));
            assertThat(factory.clientsFor(rebuilt.config())).isSameAs(rebuilt);
        }
    }

    @Test
    void theEcsClientMakesOneAttemptSoTheEngineOwnsRetries() {
        aws.faults().onCall("ecs:ListTaskDefinitions", 1, io.jenkins.plugins.ecsfargate.emulator.Fault.throttling());
        try (AwsClientFactory factory = new AwsClientFactory()) {
            AwsClients clients = factory.clientsFor(EngineFixture.config(aws));
            assertThatThrownBy(() -> clients.ecs().listTaskDefinitions())
                    .isInstanceOfSatisfying(
                            EcsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"));
            assertThat(aws.stats().calls("ecs:ListTaskDefinitions")).isEqualTo(1);
        }
    }

    @Test
    void cloudMapReachesTheOverriddenHostWithoutTheDataPrefix() {
        try (AwsClientFactory factory = new AwsClientFactory()) {
            AwsClients clients = factory.clientsFor(EngineFixture.config(aws));
            assertThatThrownBy(() -> clients.cloudMap()
                            .discoverInstances(r -> r.namespaceName("ns").serviceName("svc")))
                    .isInstanceOf(AwsServiceException.class)
                    .isNotInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void anAssumedRoleIsAssumedOncePerSessionNotPerCall() {
        RoleToAssume role = new RoleToAssume(
                "arn:aws:iam::123456789012:role/jenkins-ecs", "external-42", "jenkins-prod", Duration.ofHours(1));
        try (AwsClientFactory factory = new AwsClientFactory()) {
            AwsClients clients = factory.clientsFor(EngineFixture.config(aws).withRole(role));
            for (int i = 0; i < 30; i++) {
                clients.ecs().listTaskDefinitions();
            }
            assertThat(sts.assumeRoleCalls()).isEqualTo(1);
            assertThat(sts.lastBody())
                    .contains("RoleArn=arn:aws:iam::123456789012:role/jenkins-ecs")
                    .contains("ExternalId=external-42", "RoleSessionName=jenkins-prod", "DurationSeconds=3600");
            assertThat(clients.credentials().resolveCredentials().accessKeyId()).isEqualTo("ASIASESSION1");
            assertThat(factory.clientsFor(EngineFixture.config(aws).withRole(role)))
                    .isSameAs(clients);
            assertThat(sts.assumeRoleCalls()).isEqualTo(1);
        }
    }

    @Test
    void aSessionAboutToExpireIsRefreshedBeforeItIsUsedUp() {
        sts.setSessionLength(Duration.ofMinutes(2));
        RoleToAssume role = new RoleToAssume("arn:aws:iam::123456789012:role/jenkins-ecs", null, null, null);
        try (AwsClientFactory factory = new AwsClientFactory()) {
            AwsClients clients = factory.clientsFor(EngineFixture.config(aws).withRole(role));
            clients.ecs().listTaskDefinitions();
            clients.ecs().listTaskDefinitions();
            assertThat(sts.assumeRoleCalls()).isEqualTo(2);
        }
    }

    @Test
    void secretsNeverAppearInToString() {
        AwsConfig config = AwsConfig.of("eu-west-1")
                .withCredentials(new CredentialSource.StaticKeys("AKIAEXAMPLE", "wJalrXUtnFEMI"))
                .withRole(new RoleToAssume("arn:aws:iam::123456789012:role/r", "ext-id-secret", null, null));
        assertThat(config.toString())
                .contains("AKIAEXAMPLE", "arn:aws:iam::123456789012:role/r")
                .doesNotContain("wJalrXUtnFEMI")
                .doesNotContain("ext-id-secret");
    }

    @Test
    void iamSignsForThePartitionsGlobalRegion() {
        assertThat(AwsClientFactory.globalRegionFor("eu-west-1")).isEqualTo(Region.AWS_GLOBAL);
        assertThat(AwsClientFactory.globalRegionFor("us-gov-west-1")).isEqualTo(Region.AWS_US_GOV_GLOBAL);
        assertThat(AwsClientFactory.globalRegionFor("cn-north-1")).isEqualTo(Region.AWS_CN_GLOBAL);
    }
}
