package io.jenkins.plugins.ecsfargate.emulator;

import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real SDK v2 clients pointed at an emulator endpoint: static fake credentials, the URL-connection HTTP client the
 * plugin ships with, {@code endpointOverride}. Cloud Map clients disable host-prefix injection (otherwise the SDK
 * sends DiscoverInstances to {@code data-127.0.0.1}); IAM signs for {@code aws-global}.
 */
public final class AwsClients {
    public static final Region REGION = Region.US_EAST_1;
    /** Fake credentials; the emulator does not check signatures. */
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEMULATOR00000000", "emulator-secret"));

    private AwsClients() {}

    /** An ECS client with the SDK's default retries. */
    public static EcsClient ecs(URI endpoint) {
        return ecs(endpoint, o -> {});
    }

    /** An ECS client whose override configuration {@code configure} adjusts (retries, timeouts). */
    public static EcsClient ecs(URI endpoint, Consumer<ClientOverrideConfiguration.Builder> configure) {
        return EcsClient.builder()
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .overrideConfiguration(configure)
                .build();
    }

    /** An ECS client that never retries (to see each answer as sent). */
    public static EcsClient ecsWithoutRetries(URI endpoint) {
        return ecs(endpoint, o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    public static ServiceDiscoveryClient serviceDiscovery(URI endpoint) {
        return serviceDiscovery(endpoint, o -> {});
    }

    /** A Cloud Map client whose override configuration {@code configure} adjusts; host prefixes stay disabled. */
    public static ServiceDiscoveryClient serviceDiscovery(
            URI endpoint, Consumer<ClientOverrideConfiguration.Builder> configure) {
        return ServiceDiscoveryClient.builder()
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .overrideConfiguration(o -> configure
                        .andThen(b -> b.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                        .accept(o))
                .build();
    }

    public static IamClient iam(URI endpoint) {
        return iam(endpoint, o -> {});
    }

    /** An IAM client whose override configuration {@code configure} adjusts. */
    public static IamClient iam(URI endpoint, Consumer<ClientOverrideConfiguration.Builder> configure) {
        return IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .overrideConfiguration(configure)
                .build();
    }

    public static StsClient sts(URI endpoint) {
        return sts(endpoint, CREDENTIALS, o -> {});
    }

    /** STS calling with {@code credentials}, e.g. an {@code StsAssumeRoleCredentialsProvider}. */
    public static StsClient sts(URI endpoint, AwsCredentialsProvider credentials) {
        return sts(endpoint, credentials, o -> {});
    }

    /** STS calling with {@code credentials}, its override configuration adjusted by {@code configure}. */
    public static StsClient sts(
            URI endpoint, AwsCredentialsProvider credentials, Consumer<ClientOverrideConfiguration.Builder> configure) {
        return StsClient.builder()
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .overrideConfiguration(configure)
                .build();
    }
}
