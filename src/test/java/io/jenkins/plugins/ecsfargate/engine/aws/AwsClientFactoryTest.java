package io.jenkins.plugins.ecsfargate.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.ecsfargate.emulator.AccountServices;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.emulator.StsService;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.testing.EngineFixture;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.model.EcsException;

class AwsClientFactoryTest {
    private static final String TRUST_WITH_EXTERNAL_ID = """
            {"Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole",
              "Condition": {"StringEquals": {"sts:ExternalId": "external-42"}}}]}""";

    // The SDK's session cache reads the system clock, so the account issues sessions by the system clock too.
    private final AccountServices account = AccountServices.create(Clock.systemUTC());

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().configure(account::registerWith);

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
        account.iam().createRole("jenkins-ecs", "/", TRUST_WITH_EXTERNAL_ID);
        RoleToAssume role = new RoleToAssume(
                "arn:aws:iam::123456789012:role/jenkins-ecs", "external-42", "jenkins-prod", Duration.ofHours(1));
        try (AwsClientFactory factory = new AwsClientFactory()) {
            AwsClients clients = factory.clientsFor(EngineFixture.config(aws).withRole(role));
            for (int i = 0; i < 30; i++) {
                clients.ecs().listTaskDefinitions();
            }
            assertThat(account.sts().assumeRoleCalls()).isEqualTo(1);
            StsService.AssumedSession session = account.sts().sessions().get(0);
            assertThat(session.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/jenkins-ecs");
            assertThat(session.externalId()).isEqualTo("external-42");
            assertThat(session.sessionName()).isEqualTo("jenkins-prod");
            assertThat(clients.credentials().resolveCredentials().accessKeyId()).isEqualTo(session.accessKeyId());
            assertThat(clients.sts().getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::123456789012:assumed-role/jenkins-ecs/jenkins-prod");
            assertThat(factory.clientsFor(EngineFixture.config(aws).withRole(role)))
                    .isSameAs(clients);
            assertThat(account.sts().assumeRoleCalls()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedRoleIsAnAccessDeniedFailure() {
        account.iam().createRole("jenkins-ecs", "/", TRUST_WITH_EXTERNAL_ID);
        RoleToAssume role = new RoleToAssume("arn:aws:iam::123456789012:role/jenkins-ecs", "wrong", null, null);
        try (AwsClientFactory factory = new AwsClientFactory()) {
            AwsClients clients = factory.clientsFor(EngineFixture.config(aws).withRole(role));
            Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                    () -> clients.ecs().listTaskDefinitions());
            Throwable root = error;
            while (!(root instanceof AwsServiceException) && root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(FailureClassifier.fromException(LaunchPhase.CREDENTIALS, root)
                            .cause())
                    .isEqualTo(FailureCause.ACCESS_DENIED);
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
