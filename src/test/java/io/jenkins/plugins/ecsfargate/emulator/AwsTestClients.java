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
 * Real SDK v2 clients for Cloud Map, IAM and STS pointed at an emulator endpoint, configured as the plugin
 * configures them: the JDK's URL connection client, static fake credentials, IAM in the {@code aws-global}
 * region, and Cloud Map without the {@code data-} host prefix that DiscoverInstances would otherwise put in front
 * of the overridden host.
 */
public final class AwsTestClients {

    /** Fake base credentials; the emulator does not check signatures. */
    public static final AwsCredentialsProvider FAKE_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEMULATOR0000TEST", "emulator-secret"));

    private AwsTestClients() {}

    public static ServiceDiscoveryClient serviceDiscovery(URI endpoint) {
        return serviceDiscovery(endpoint, ClientOverrideConfiguration.builder().build());
    }

    /** A Cloud Map client with extra configuration (e.g. a retry strategy); the host prefix stays disabled. */
    public static ServiceDiscoveryClient serviceDiscovery(URI endpoint, ClientOverrideConfiguration configuration) {
        return ServiceDiscoveryClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(FAKE_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .overrideConfiguration(configuration.toBuilder()
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)
                        .build())
                .build();
    }

    public static IamClient iam(URI endpoint) {
        return iam(endpoint, ClientOverrideConfiguration.builder().build());
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

    public static StsClient sts(URI endpoint) {
        return sts(
                endpoint,
                FAKE_CREDENTIALS,
                ClientOverrideConfiguration.builder().build());
    }

    public static StsClient sts(URI endpoint, AwsCredentialsProvider credentials) {
        return sts(endpoint, credentials, ClientOverrideConfiguration.builder().build());
    }

    public static StsClient sts(
            URI endpoint, AwsCredentialsProvider credentials, ClientOverrideConfiguration configuration) {
        return StsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .overrideConfiguration(configuration)
                .build();
    }
}
