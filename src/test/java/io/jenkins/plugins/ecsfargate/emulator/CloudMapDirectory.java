package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The Cloud Map state of one emulated account and Region: namespaces, their services and the registered
 * instances. Tests set it up in plain Java (as ECS would register a service's tasks); {@link CloudMapService}
 * answers from it. Each service keeps a revision that changes whenever its instances do, as
 * {@code InstancesRevision} does. Thread-safe.
 */
public final class CloudMapDirectory {

    /** A namespace. For DNS namespaces the HTTP name is the namespace name, as Cloud Map sets it. */
    public record Namespace(
            String id,
            String arn,
            String name,
            String type,
            String httpName,
            String hostedZoneId,
            Instant createDate) {}

    /** A service in a namespace; {@code customHealthCheck} decides whether health filters apply. */
    public record Service(
            String id,
            String arn,
            String name,
            String namespaceId,
            String type,
            boolean customHealthCheck,
            Instant createDate) {}

    /** A registered instance with its attributes ({@code AWS_INSTANCE_IPV4}, {@code AWS_INSTANCE_PORT}, …). */
    public record Instance(String id, Map<String, String> attributes, String healthStatus) {
        public Instance {
            attributes = Map.copyOf(attributes);
        }
    }

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final RandomIds ids;
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Map<String, Instance>> instances = new LinkedHashMap<>();
    private final Map<String, Long> revisions = new LinkedHashMap<>();

    public CloudMapDirectory(String region, String accountId, Clock clock, Random random) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.ids = new RandomIds(random);
    }

    /** A directory in us-east-1 for the default account, with the system clock. */
    public CloudMapDirectory() {
        this("us-east-1", IamAccount.DEFAULT_ACCOUNT_ID, Clock.systemUTC(), new Random(7));
    }

    /** Creates a namespace of type {@code DNS_PRIVATE} (VPC-only DNS, as ECS service discovery uses). */
    public Namespace createPrivateDnsNamespace(String name) {
        return createNamespace(name, "DNS_PRIVATE");
    }

    /** Creates a namespace of type {@code DNS_PRIVATE}, {@code DNS_PUBLIC} or {@code HTTP}. */
    public synchronized Namespace createNamespace(String name, String type) {
        if (!List.of("DNS_PRIVATE", "DNS_PUBLIC", "HTTP").contains(type)) {
            throw new IllegalArgumentException("Namespace type: " + type);
        }
        String id = "ns-" + ids.lower(16);
        String hostedZone = type.equals("HTTP") ? null : "Z" + ids.upper(13);
        Namespace namespace = new Namespace(id, arn("namespace", id), name, type, name, hostedZone, clock.instant());
        namespaces.put(id, namespace);
        return namespace;
    }

    /** Creates a service without a custom health check (every instance is returned, whatever HealthStatus asks). */
    public Service createService(String namespaceId, String name) {
        return createService(namespaceId, name, false);
    }

    /** Creates a service; DNS namespaces get type {@code DNS_HTTP}, HTTP namespaces type {@code HTTP}. */
    public synchronized Service createService(String namespaceId, String name, boolean customHealthCheck) {
        Namespace namespace =
                namespace(namespaceId).orElseThrow(() -> new IllegalArgumentException("No namespace " + namespaceId));
        String id = "srv-" + ids.lower(16);
        String type = namespace.type().equals("HTTP") ? "HTTP" : "DNS_HTTP";
        Service service =
                new Service(id, arn("service", id), name, namespaceId, type, customHealthCheck, clock.instant());
        services.put(id, service);
        instances.put(id, new LinkedHashMap<>());
        revisions.put(id, 1L);
        return service;
    }

    /** Registers (or replaces) an instance, healthy, and bumps the service's revision. */
    public synchronized void registerInstance(String serviceId, String instanceId, Map<String, String> attributes) {
        instancesOf(serviceId).put(instanceId, new Instance(instanceId, attributes, "HEALTHY"));
        revisions.merge(serviceId, 1L, Long::sum);
    }

    /** Removes an instance and bumps the service's revision. */
    public synchronized void deregisterInstance(String serviceId, String instanceId) {
        if (instancesOf(serviceId).remove(instanceId) != null) {
            revisions.merge(serviceId, 1L, Long::sum);
        }
    }

    /** Sets an instance's health status ({@code HEALTHY}, {@code UNHEALTHY}, {@code UNKNOWN}). */
    public synchronized void setHealth(String serviceId, String instanceId, String status) {
        Instance instance = instancesOf(serviceId).get(instanceId);
        if (instance == null) {
            throw new IllegalArgumentException("No instance " + instanceId);
        }
        instancesOf(serviceId).put(instanceId, new Instance(instanceId, instance.attributes(), status));
        revisions.merge(serviceId, 1L, Long::sum);
    }

    public synchronized Optional<Namespace> namespace(String idOrArn) {
        return namespaces.values().stream()
                .filter(n -> n.id().equals(idOrArn) || n.arn().equals(idOrArn))
                .findFirst();
    }

    public synchronized Optional<Namespace> namespaceByHttpName(String httpName) {
        return namespaces.values().stream()
                .filter(n -> n.httpName().equals(httpName))
                .findFirst();
    }

    public synchronized Optional<Service> service(String idOrArn) {
        return services.values().stream()
                .filter(s -> s.id().equals(idOrArn) || s.arn().equals(idOrArn))
                .findFirst();
    }

    public synchronized Optional<Service> serviceByName(String namespaceId, String name) {
        return services.values().stream()
                .filter(s -> s.namespaceId().equals(namespaceId) && s.name().equals(name))
                .findFirst();
    }

    public synchronized List<Namespace> namespaces() {
        return List.copyOf(namespaces.values());
    }

    public synchronized List<Service> services() {
        return List.copyOf(services.values());
    }

    public synchronized List<Instance> instances(String serviceId) {
        return List.copyOf(instancesOf(serviceId).values());
    }

    public synchronized long revision(String serviceId) {
        return revisions.getOrDefault(serviceId, 0L);
    }

    public synchronized int serviceCount(String namespaceId) {
        return (int) services.values().stream()
                .filter(s -> s.namespaceId().equals(namespaceId))
                .count();
    }

    public String accountId() {
        return accountId;
    }

    private Map<String, Instance> instancesOf(String serviceId) {
        Map<String, Instance> result = instances.get(serviceId);
        if (result == null) {
            throw new IllegalArgumentException("No service " + serviceId);
        }
        return result;
    }

    private String arn(String kind, String id) {
        return "arn:aws:servicediscovery:" + region + ":" + accountId + ":" + kind + "/" + id;
    }
}
