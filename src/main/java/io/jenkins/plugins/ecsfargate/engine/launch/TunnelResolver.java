package io.jenkins.plugins.ecsfargate.engine.launch;

import io.jenkins.plugins.ecsfargate.engine.call.AwsCalls;
import io.jenkins.plugins.ecsfargate.engine.call.LaunchFailureException;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatusFilter;
import software.amazon.awssdk.services.servicediscovery.model.HttpInstanceSummary;

/**
 * Turns a {@link Transport} into the {@code host:port} an agent dials, or null for WebSocket. A Cloud Map answer is
 * kept for {@code ttl} so a burst of launches asks Cloud Map once.
 */
public final class TunnelResolver {
    static final String IPV4 = "AWS_INSTANCE_IPV4";
    static final String PORT = "AWS_INSTANCE_PORT";

    private final ServiceDiscoveryClient cloudMap;
    private final AwsCalls calls;
    private final Clock clock;
    private final Duration ttl;
    private Cached cached;

    public TunnelResolver(ServiceDiscoveryClient cloudMap, AwsCalls calls, Clock clock, Duration ttl) {
        this.cloudMap = cloudMap;
        this.calls = calls;
        this.clock = clock;
        this.ttl = ttl;
    }

    public CompletableFuture<String> resolve(Transport transport) {
        if (transport instanceof Transport.FixedTunnel fixed) {
            return CompletableFuture.completedFuture(fixed.hostPort());
        }
        if (!(transport instanceof Transport.CloudMapTunnel cloudMapTunnel)) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            if (cached != null
                    && cached.transport.equals(transport)
                    && clock.instant().isBefore(cached.until)) {
                return CompletableFuture.completedFuture(cached.hostPort);
            }
        }
        return calls.call(LaunchPhase.TUNNEL, "DiscoverInstances", () -> cloudMap.discoverInstances(
                                r -> r.namespaceName(cloudMapTunnel.namespace())
                                        .serviceName(cloudMapTunnel.service())
                                        .healthStatus(HealthStatusFilter.HEALTHY_OR_ELSE_ALL))
                        .instances())
                .thenApply(instances -> {
                    HttpInstanceSummary instance = instances.stream()
                            .filter(i -> i.attributes().containsKey(IPV4))
                            .min(Comparator.comparing(HttpInstanceSummary::instanceId))
                            .orElseThrow(() -> new LaunchFailureException(FailureClassifier.of(
                                    LaunchPhase.TUNNEL,
                                    FailureCause.CLOUD_MAP_EMPTY,
                                    "no instance with an IPv4 address in " + cloudMapTunnel.service() + "."
                                            + cloudMapTunnel.namespace())));
                    String port = cloudMapTunnel.port() != null
                            ? cloudMapTunnel.port().toString()
                            : instance.attributes().get(PORT);
                    if (port == null) {
                        throw new LaunchFailureException(FailureClassifier.of(
                                LaunchPhase.TUNNEL,
                                FailureCause.CLOUD_MAP_EMPTY,
                                "instance " + instance.instanceId() + " has no " + PORT
                                        + " and no port is configured"));
                    }
                    String hostPort = instance.attributes().get(IPV4) + ":" + port;
                    synchronized (this) {
                        cached = new Cached(transport, hostPort, clock.instant().plus(ttl));
                    }
                    return hostPort;
                });
    }

    private record Cached(Transport transport, String hostPort, Instant until) {}
}
