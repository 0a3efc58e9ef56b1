package io.jenkins.plugins.ecsfargate.emulator;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The Cloud Map, IAM and STS clients {@link AwsClients} does not make: with extra override configuration (e.g. no
 * retries, to see each answer as sent) and STS with other credentials (e.g. an assume-role provider), configured
 * otherwise the same way (URL connection client, fake credentials, IAM in {@code aws-global}, no {@code data-}
 * host prefix for Cloud Map).
 */
public final class AwsTestClients {

    /** Fake base credentials; the emulator does not check signatures. */
    public static final AwsCredentialsProvider FAKE_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEMULATOR0000TEST", "emulator-secret"));

    private AwsTestClients() {}

    /** A Cloud Map client with extra configuration; the host prefix stays disabled. */
    public static ServiceDiscoveryClient serviceDiscovery(URI endpoint, ClientOverrideConfiguration configuration) {
        return ServiceDiscoveryClient.builder()
                .region(AwsClients.REGION)
                .credentialsProvider(FAKE_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .overrideConfiguration(configuration.toBuilder()
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)
                        .build())
                .build();
    }

    public static IamClient iam(URI endpoint, ClientOverrideConfiguration configuration) {
        return IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(FAKE_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .overrideConfiguration(configuration)
                .build();
    }

    /** STS calling with {@code credentials}, e.g. an {@code StsAssumeRoleCredentialsProvider}. */
    public static StsClient sts(URI endpoint, AwsCredentialsProvider credentials) {
        return sts(endpoint, credentials, ClientOverrideConfiguration.builder().build());
    }

    public static StsClient sts(
            URI endpoint, AwsCredentialsProvider credentials, ClientOverrideConfiguration configuration) {
        return StsClient.builder()
                .region(AwsClients.REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .overrideConfiguration(configuration)
                .build();
    }
}
