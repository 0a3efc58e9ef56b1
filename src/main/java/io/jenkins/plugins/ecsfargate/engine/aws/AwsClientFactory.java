package io.jenkins.plugins.ecsfargate.engine.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Hands out one {@link AwsClients} per configuration and keeps it: asking again with an equal configuration returns
 * the same clients; a different configuration closes the old set and builds a new one. One factory per cloud.
 *
 * <p>Retries: ECS and Cloud Map clients make a single attempt, because the engine retries those calls itself
 * through its rate limiter and backoff (an SDK retry on top would multiply attempts and bypass the limiter). IAM
 * and STS, called rarely, keep the SDK's standard strategy with at most 3 attempts.
 */
public final class AwsClientFactory implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(AwsClientFactory.class.getName());
    static final int IAM_STS_MAX_ATTEMPTS = 3;

    private AwsClients current;

    /** The clients for {@code config}, built on first use or when the configuration changed. */
    public synchronized AwsClients clientsFor(AwsConfig config) {
        if (current != null && current.config().equals(config)) {
            return current;
        }
        if (current != null) {
            LOGGER.log(Level.INFO, "AWS configuration changed; rebuilding clients for region {0}", config.region());
            current.close();
        }
        current = build(config);
        return current;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    static AwsClients build(AwsConfig config) {
        List<AutoCloseable> resources = new ArrayList<>();
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(config.connectTimeout())
                .socketTimeout(config.readTimeout())
                .build();
        resources.add(http::close);
        AwsCredentialsProvider base = baseCredentials(config.credentials());
        resources.add(AwsClients.closer(base));
        Region region = Region.of(config.region());
        StsClient baseSts = configure(StsClient.builder(), config, http, base, sdkRetries())
                .region(region)
                .build();
        resources.add(baseSts::close);
        AwsCredentialsProvider effective = base;
        StsClient sts = baseSts;
        if (config.roleToAssume() != null) {
            RoleToAssume role = config.roleToAssume();
            StsAssumeRoleCredentialsProvider session = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(baseSts)
                    .asyncCredentialUpdateEnabled(false)
                    .refreshRequest(r -> r.roleArn(role.roleArn())
                            .roleSessionName(role.sessionName())
                            .externalId(role.externalId())
                            .durationSeconds((int) role.sessionDuration().toSeconds()))
                    .build();
            resources.add(session::close);
            effective = session;
            sts = configure(StsClient.builder(), config, http, effective, sdkRetries())
                    .region(region)
                    .build();
            resources.add(sts::close);
        }
        RetryStrategy engineRetries = AwsRetryStrategy.doNotRetry();
        EcsClient ecs = configure(EcsClient.builder(), config, http, effective, engineRetries)
                .region(region)
                .build();
        resources.add(ecs::close);
        ServiceDiscoveryClient cloudMap = configure(
                        ServiceDiscoveryClient.builder(), config, http, effective, engineRetries)
                .region(region)
                .build();
        resources.add(cloudMap::close);
        IamClient iam = configure(IamClient.builder(), config, http, effective, sdkRetries())
                .region(config.endpointOverride() == null ? globalRegionFor(config.region()) : region)
                .build();
        resources.add(iam::close);
        return new AwsClients(config, ecs, cloudMap, iam, sts, effective, resources);
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(
            B builder,
            AwsConfig config,
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            RetryStrategy retries) {
        builder.credentialsProvider(credentials);
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        ClientOverrideConfiguration.Builder override =
                ClientOverrideConfiguration.builder().retryStrategy(retries);
        if (config.endpointOverride() != null) {
            builder.endpointOverride(config.endpointOverride());
            // Cloud Map's DiscoverInstances would otherwise be sent to "data-" + the override host.
            override.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
        }
        return builder.overrideConfiguration(override.build());
    }

    private static RetryStrategy sdkRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(IAM_STS_MAX_ATTEMPTS)
                .build();
    }

    private static AwsCredentialsProvider baseCredentials(CredentialSource source) {
        if (source instanceof CredentialSource.StaticKeys keys) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    static Region globalRegionFor(String region) {
        if (region.startsWith("us-gov-")) {
            return Region.AWS_US_GOV_GLOBAL;
        }
        if (region.startsWith("cn-")) {
            return Region.AWS_CN_GLOBAL;
        }
        return Region.AWS_GLOBAL;
    }
}
