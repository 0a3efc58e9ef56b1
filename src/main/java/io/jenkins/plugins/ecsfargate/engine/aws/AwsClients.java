package io.jenkins.plugins.ecsfargate.engine.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One set of SDK clients built from one {@link AwsConfig}: ECS, Cloud Map, IAM and STS over one HTTP client, with
 * one credentials provider (a cached role session when a role is assumed). Obtain through
 * {@link AwsClientFactory}; closing releases the HTTP client and the role session.
 */
public final class AwsClients implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(AwsClients.class.getName());

    private final AwsConfig config;
    private final EcsClient ecs;
    private final ServiceDiscoveryClient cloudMap;
    private final IamClient iam;
    private final StsClient sts;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> resources;

    AwsClients(
            AwsConfig config,
            EcsClient ecs,
            ServiceDiscoveryClient cloudMap,
            IamClient iam,
            StsClient sts,
            AwsCredentialsProvider credentials,
            List<AutoCloseable> resources) {
        this.config = config;
        this.ecs = ecs;
        this.cloudMap = cloudMap;
        this.iam = iam;
        this.sts = sts;
        this.credentials = credentials;
        this.resources = List.copyOf(resources);
    }

    public AwsConfig config() {
        return config;
    }

    public EcsClient ecs() {
        return ecs;
    }

    public ServiceDiscoveryClient cloudMap() {
        return cloudMap;
    }

    public IamClient iam() {
        return iam;
    }

    /** STS with the engine's effective credentials (the assumed role, if any), e.g. for GetCallerIdentity. */
    public StsClient sts() {
        return sts;
    }

    /** The credentials every client signs with. */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                LOGGER.log(Level.WARNING, "Could not close an AWS client resource; continuing with the others", e);
            }
        }
    }

    static AutoCloseable closer(Object resource) {
        if (resource instanceof SdkAutoCloseable closeable) {
            return closeable::close;
        }
        if (resource instanceof SdkHttpClient http) {
            return http::close;
        }
        return () -> {};
    }
}
