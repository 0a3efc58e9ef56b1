package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS through the real StsClient against the emulator's HTTP server. */
class StsServiceTest {
    private static final String TRUST_WITH_EXTERNAL_ID = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole",
              "Condition": {"StringEquals": {"sts:ExternalId": "jenkins-7"}}}]}""";
    private static final String TRUST_OTHER_ACCOUNT = """
            {"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"},
              "Action": "sts:AssumeRole"}}""";
    private static final String TRUST_CONTROLLER_ROLE = """
            {"Statement": {"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::123456789012:role/service/jenkins-controller"},
              "Action": "sts:AssumeRole"}}""";

    // The SDK's credential provider judges expiry by the system clock, so the emulated clock starts at real time.
    private final EmulatorClock clock = EmulatorClock.manual(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final IamAccount account = new IamAccount("123456789012", clock, new Random(5));
    private final StsService service = new StsService(account);
    private final EcsEmulator emulator = new EcsEmulator(clock);
    private StsClient sts;

    @BeforeEach
    void start() {
        emulator.register(service);
        sts = AwsClients.sts(emulator.start());
        account.createRole("ecs-agents", "/jenkins/", TRUST_WITH_EXTERNAL_ID, 43200);
        account.createRole("foreign", "/", TRUST_OTHER_ACCOUNT);
        account.createRole("chained", "/", TRUST_CONTROLLER_ROLE, 43200);
        account.createRole("short", "/", TRUST_CONTROLLER_ROLE);
    }

    @AfterEach
    void stop() {
        sts.close();
        emulator.close();
        assertThat(emulator.stats().internalErrors()).isEmpty();
    }

    @Test
    void callerIdentityIsConfigurable() {
        GetCallerIdentityResponse initial = sts.getCallerIdentity();
        assertThat(initial.account()).isEqualTo("123456789012");
        assertThat(initial.arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/jenkins-controller/i-0123456789abcdef0");
        assertThat(initial.userId()).startsWith("AROA").endsWith(":i-0123456789abcdef0");

        service.setCaller(new StsService.CallerIdentity(
                "123456789012", "arn:aws:iam::123456789012:user/alice", "AIDAEXAMPLEUSERID0001"));

        assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    }

    @Test
    void assumeRoleIssuesCredentialsExpiringByTheInjectedClock() {
        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/jenkins/ecs-agents")
                .roleSessionName("jenkins-controller")
                .externalId("jenkins-7")
                .durationSeconds(900));

        assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(assumed.credentials().secretAccessKey()).isNotBlank();
        assertThat(assumed.credentials().sessionToken()).isNotBlank();
        assertThat(assumed.credentials().expiration()).isEqualTo(clock.instant().plusSeconds(900));
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/ecs-agents/jenkins-controller");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":jenkins-controller");
        assertThat(service.assumeRoleCalls()).isEqualTo(1);
        assertThat(service.sessions()).singleElement().satisfies(s -> assertThat(s.externalId())
                .isEqualTo("jenkins-7"));
    }

    @Test
    void externalIdIsCheckedAgainstTheTrustPolicy() {
        String role = "arn:aws:iam::123456789012:role/jenkins/ecs-agents";
        assertAccessDenied(() -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("s1")));
        assertAccessDenied(
                () -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("s1").externalId("wrong")));
        assertThat(service.assumeRoleCalls()).isEqualTo(2);
        assertThat(service.sessions()).isEmpty();
    }

    @Test
    void untrustedCallerAndUnknownRoleAreAccessDenied() {
        assertAccessDenied(() -> sts.assumeRole(
                r -> r.roleArn("arn:aws:iam::123456789012:role/foreign").roleSessionName("s1")));
        assertAccessDenied(() -> sts.assumeRole(
                r -> r.roleArn("arn:aws:iam::123456789012:role/ghost").roleSessionName("s1")));
    }

    private void assertAccessDenied(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("User: arn:aws:sts::123456789012:assumed-role/jenkins-controller/")
                    .contains("is not authorized to perform: sts:AssumeRole");
        });
    }

    @Test
    void sessionNameAndDurationAreValidated() {
        String role = "arn:aws:iam::123456789012:role/chained";
        assertValidationError(() -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("x")), "roleSessionName");
        assertValidationError(
                () -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("has space")), "roleSessionName");
        assertValidationError(
                () -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("ok").durationSeconds(899)),
                "durationSeconds");
        assertValidationError(
                () -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("ok").durationSeconds(43201)),
                "durationSeconds");
        assertValidationError(
                () -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("ok").durationSeconds(7200)),
                "role chaining");
        assertValidationError(
                () -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/short")
                        .roleSessionName("ok")
                        .durationSeconds(7200)),
                "MaxSessionDuration");
    }

    private static void assertValidationError(Runnable call, String mentioned) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).contains(mentioned);
        });
    }

    @Test
    void assumeRoleProviderAssumesOnceAndCallsAsTheSession() {
        try (StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(r -> r.roleArn("arn:aws:iam::123456789012:role/chained")
                                .roleSessionName("jenkins")
                                .durationSeconds(3600))
                        .build();
                StsClient asSession = AwsClients.sts(emulator.endpoint(), provider)) {
            for (int i = 0; i < 3; i++) {
                assertThat(asSession.getCallerIdentity().arn())
                        .isEqualTo("arn:aws:sts::123456789012:assumed-role/chained/jenkins");
            }
        }
        assertThat(service.assumeRoleCalls()).isEqualTo(1);
        assertThat(sts.getCallerIdentity().arn()).contains("assumed-role/jenkins-controller/");
    }

    @Test
    void expiredSessionCredentialsAreRefusedByTheInjectedClock() {
        var credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/chained")
                        .roleSessionName("first")
                        .durationSeconds(900))
                .credentials();
        var session = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
        try (StsClient asSession = AwsClients.sts(emulator.endpoint(), session)) {
            assertThat(asSession.getCallerIdentity().arn()).endsWith(":assumed-role/chained/first");

            clock.advance(Duration.ofSeconds(900));

            assertThatThrownBy(asSession::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
            });
        }
        assertThat(service.sessions().get(0).expiration()).isEqualTo(clock.instant());
    }
}
