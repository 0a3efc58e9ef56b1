package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The server's scripted faults as Cloud Map, IAM and STS send them: each service's own throttling and server
 * error codes, which the SDK must classify as throttling and as retryable server faults.
 */
class AuxServicesFaultsTest {
    private static final Consumer<ClientOverrideConfiguration.Builder> NO_RETRIES =
            o -> o.retryStrategy(AwsRetryStrategy.doNotRetry());

    private final EmulatorClock clock = EmulatorClock.manual();
    private final IamAccount account = new IamAccount("123456789012", clock, new Random(1));
    private final CloudMapDirectory directory =
            new CloudMapDirectory("us-east-1", "123456789012", clock, new Random(1));
    private final EcsEmulator emulator = new EcsEmulator(clock);
    private final BotocoreConformance conformance = BotocoreConformance.load();
    private ServiceDiscoveryClient cloudMap;
    private IamClient iam;
    private StsClient sts;

    @BeforeEach
    void start() {
        emulator.register(new CloudMapService(directory));
        emulator.register(new IamService(account));
        emulator.register(new StsService(account));
        URI endpoint = emulator.start();
        cloudMap = AwsClients.serviceDiscovery(endpoint, NO_RETRIES);
        iam = AwsClients.iam(endpoint, NO_RETRIES);
        sts = AwsClients.sts(endpoint, AwsClients.CREDENTIALS, NO_RETRIES);
        directory.createService(
                directory.createPrivateDnsNamespace("jenkins.local").id(), "controller");
    }

    @AfterEach
    void stop() {
        cloudMap.close();
        iam.close();
        sts.close();
        emulator.close();
        assertThat(emulator.stats().internalErrors()).isEmpty();
    }

    @Test
    void throttlingIsEachServicesOwnThrottlingCode() {
        emulator.faults().always("servicediscovery:DiscoverInstances", Fault.throttling());
        emulator.faults().always("iam:GetRole", Fault.throttling());
        emulator.faults().always("sts:GetCallerIdentity", Fault.throttling());

        assertThrottled(
                () -> cloudMap.discoverInstances(
                        r -> r.namespaceName("jenkins.local").serviceName("controller")),
                "RequestLimitExceeded");
        assertThrottled(() -> iam.getRole(r -> r.roleName("any")), "Throttling");
        assertThrottled(sts::getCallerIdentity, "Throttling");
        assertThat(emulator.stats().throttled("sts:GetCallerIdentity")).isEqualTo(1);
    }

    private static void assertThrottled(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.isThrottlingException()).isTrue();
        });
    }

    @Test
    void serverFaultsAre500WithTheServicesFaultCode() {
        emulator.faults().always("servicediscovery:ListNamespaces", Fault.serverError());
        emulator.faults().always("iam:GetRole", Fault.serverError());
        emulator.faults().always("sts:AssumeRole", Fault.serverError());

        assertServerFault(() -> cloudMap.listNamespaces(), "InternalFailure");
        assertServerFault(() -> iam.getRole(r -> r.roleName("any")), "ServiceFailure");
        assertServerFault(
                () -> sts.assumeRole(
                        r -> r.roleArn("arn:aws:iam::123456789012:role/any").roleSessionName("s1")),
                "InternalFailure");
    }

    private static void assertServerFault(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }

    @Test
    void faultAnswersConformToTheModels() {
        EmulatorResponse iamThrottled = new IamService(account).throttled();
        EmulatorResponse mapThrottled = new CloudMapService(directory).throttled();
        EmulatorResponse stsFault = new StsService(account).serverError();

        assertThat(conformance.errorViolations("iam", "GetRole", 400, text(iamThrottled)))
                .isEmpty();
        assertThat(conformance.errorViolations("servicediscovery", "DiscoverInstances", 400, text(mapThrottled)))
                .isEmpty();
        assertThat(conformance.errorViolations("sts", "AssumeRole", 500, text(stsFault)))
                .isEmpty();
    }

    private static String text(EmulatorResponse response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
