package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.DiscoverInstancesResponse;
import software.amazon.awssdk.services.servicediscovery.model.FilterCondition;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatusFilter;
import software.amazon.awssdk.services.servicediscovery.model.HttpInstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.InvalidInputException;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceFilterName;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceSummary;
import software.amazon.awssdk.services.servicediscovery.model.ServiceFilterName;
import software.amazon.awssdk.services.servicediscovery.model.ServiceNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.ServiceSummary;

/** Cloud Map through the real ServiceDiscoveryClient against the emulator's HTTP server. */
class CloudMapServiceTest {
    private final EmulatorClock clock = EmulatorClock.manual();
    private final CloudMapDirectory directory =
            new CloudMapDirectory("us-east-1", "123456789012", clock, new java.util.Random(1));
    private final EcsEmulator emulator = new EcsEmulator(clock);
    private ServiceDiscoveryClient client;
    private CloudMapDirectory.Namespace namespace;
    private CloudMapDirectory.Service controller;

    @BeforeEach
    void start() {
        emulator.register(new CloudMapService(directory));
        client = AwsClients.serviceDiscovery(emulator.start());
        namespace = directory.createPrivateDnsNamespace("jenkins.local");
        controller = directory.createService(namespace.id(), "controller");
        directory.registerInstance(
                controller.id(), "task-1", Map.of("AWS_INSTANCE_IPV4", "10.0.1.23", "AWS_INSTANCE_PORT", "50000"));
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
        assertThat(emulator.stats().internalErrors()).isEmpty();
    }

    @Test
    void discoversInstancesByNamespaceHttpNameAndServiceName() {
        DiscoverInstancesResponse found =
                client.discoverInstances(r -> r.namespaceName("jenkins.local").serviceName("controller"));

        assertThat(found.instances()).singleElement().satisfies(instance -> {
            assertThat(instance.instanceId()).isEqualTo("task-1");
            assertThat(instance.namespaceName()).isEqualTo("jenkins.local");
            assertThat(instance.serviceName()).isEqualTo("controller");
            assertThat(instance.attributes())
                    .containsEntry("AWS_INSTANCE_IPV4", "10.0.1.23")
                    .containsEntry("AWS_INSTANCE_PORT", "50000");
        });
        assertThat(found.instancesRevision()).isEqualTo(directory.revision(controller.id()));
        assertThat(emulator.stats().calls("servicediscovery:DiscoverInstances")).isEqualTo(1);
    }

    @Test
    void revisionChangesWhenInstancesChange() {
        long before = client.discoverInstances(
                        r -> r.namespaceName("jenkins.local").serviceName("controller"))
                .instancesRevision();
        directory.registerInstance(controller.id(), "task-2", Map.of("AWS_INSTANCE_IPV4", "10.0.1.24"));

        DiscoverInstancesResponse after =
                client.discoverInstances(r -> r.namespaceName("jenkins.local").serviceName("controller"));

        assertThat(after.instancesRevision()).isGreaterThan(before);
        assertThat(client.discoverInstancesRevision(
                                r -> r.namespaceName("jenkins.local").serviceName("controller"))
                        .instancesRevision())
                .isEqualTo(after.instancesRevision());
        assertThat(after.instances())
                .extracting(HttpInstanceSummary::instanceId)
                .containsExactlyInAnyOrder("task-1", "task-2");
    }

    @Test
    void maxResultsLimitsTheAnswerAndIsValidated() {
        directory.registerInstance(controller.id(), "task-2", Map.of("AWS_INSTANCE_IPV4", "10.0.1.24"));

        assertThat(client.discoverInstances(r -> r.namespaceName("jenkins.local")
                                .serviceName("controller")
                                .maxResults(1))
                        .instances())
                .hasSize(1);
        assertThatThrownBy(() -> client.discoverInstances(r -> r.namespaceName("jenkins.local")
                        .serviceName("controller")
                        .maxResults(1001)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void healthFiltersApplyOnlyToServicesWithHealthChecks() {
        CloudMapDirectory.Service checked = directory.createService(namespace.id(), "checked", true);
        directory.registerInstance(checked.id(), "up", Map.of("AWS_INSTANCE_IPV4", "10.0.2.1"));
        directory.registerInstance(checked.id(), "down", Map.of("AWS_INSTANCE_IPV4", "10.0.2.2"));
        directory.setHealth(checked.id(), "down", "UNHEALTHY");
        directory.setHealth(controller.id(), "task-1", "UNHEALTHY");

        assertThat(ids("checked", HealthStatusFilter.HEALTHY)).containsExactly("up");
        assertThat(ids("checked", HealthStatusFilter.UNHEALTHY)).containsExactly("down");
        assertThat(ids("checked", HealthStatusFilter.ALL)).containsExactlyInAnyOrder("up", "down");
        assertThat(ids("controller", HealthStatusFilter.HEALTHY)).containsExactly("task-1");
        directory.setHealth(checked.id(), "up", "UNHEALTHY");
        assertThat(ids("checked", HealthStatusFilter.HEALTHY_OR_ELSE_ALL)).containsExactlyInAnyOrder("up", "down");
    }

    private List<String> ids(String service, HealthStatusFilter health) {
        return client
                .discoverInstances(r ->
                        r.namespaceName("jenkins.local").serviceName(service).healthStatus(health))
                .instances()
                .stream()
                .map(HttpInstanceSummary::instanceId)
                .toList();
    }

    @Test
    void unknownNamespaceAndServiceAreModelledErrors() {
        assertThatThrownBy(() -> client.discoverInstances(
                        r -> r.namespaceName("nope.local").serviceName("controller")))
                .isInstanceOfSatisfying(NamespaceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NamespaceNotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("nope.local");
                });
        assertThatThrownBy(() -> client.discoverInstances(
                        r -> r.namespaceName("jenkins.local").serviceName("nope")))
                .isInstanceOf(ServiceNotFoundException.class);
        assertThatThrownBy(() -> client.getNamespace(r -> r.id("ns-doesnotexist0000")))
                .isInstanceOf(NamespaceNotFoundException.class);
    }

    @Test
    void listsNamespacesWithFilters() {
        directory.createNamespace("public.example.com", "DNS_PUBLIC");
        directory.createNamespace("jenkins-http", "HTTP");

        assertThat(client.listNamespaces(r -> r.filters(f -> f.name(NamespaceFilterName.TYPE)
                                .values("DNS_PRIVATE", "HTTP")
                                .condition(FilterCondition.IN)))
                        .namespaces())
                .extracting(NamespaceSummary::name)
                .containsExactly("jenkins.local", "jenkins-http");
        assertThat(client.listNamespaces(r -> r.filters(f -> f.name(NamespaceFilterName.NAME)
                                .values("jenkins")
                                .condition(FilterCondition.BEGINS_WITH)))
                        .namespaces())
                .extracting(NamespaceSummary::name)
                .containsExactly("jenkins.local", "jenkins-http");
        NamespaceSummary summary = client.listNamespaces(r ->
                        r.filters(f -> f.name(NamespaceFilterName.HTTP_NAME).values("jenkins.local")))
                .namespaces()
                .get(0);
        assertThat(summary.id()).isEqualTo(namespace.id());
        assertThat(summary.properties().httpProperties().httpName()).isEqualTo("jenkins.local");
        assertThat(summary.properties().dnsProperties().hostedZoneId()).startsWith("Z");
        assertThat(summary.serviceCount()).isEqualTo(1);
        assertThat(summary.createDate()).isEqualTo(clock.instant());
    }

    @Test
    void pagesNamespaces() {
        directory.createNamespace("second.local", "DNS_PRIVATE");
        directory.createNamespace("third.local", "DNS_PRIVATE");

        List<String> pages = client.listNamespacesPaginator(r -> r.maxResults(2)).stream()
                .flatMap(page -> page.namespaces().stream())
                .map(NamespaceSummary::name)
                .toList();

        assertThat(pages).containsExactly("jenkins.local", "second.local", "third.local");
        assertThat(emulator.stats().calls("servicediscovery:ListNamespaces")).isEqualTo(2);
    }

    @Test
    void listsServicesOfANamespace() {
        CloudMapDirectory.Namespace other = directory.createPrivateDnsNamespace("other.local");
        directory.createService(other.id(), "elsewhere");

        List<ServiceSummary> services = client.listServices(r -> r.filters(f -> f.name(ServiceFilterName.NAMESPACE_ID)
                        .values(namespace.id())
                        .condition(FilterCondition.EQ)))
                .services();

        assertThat(services).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(controller.id());
            assertThat(s.name()).isEqualTo("controller");
            assertThat(s.instanceCount()).isEqualTo(1);
            assertThat(s.dnsConfig().dnsRecords()).isNotEmpty();
        });
        assertThatThrownBy(() -> client.listServices(r -> r.filters(f -> f.name(ServiceFilterName.NAMESPACE_ID)
                        .values(namespace.id(), other.id())
                        .condition(FilterCondition.IN))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void getNamespaceByIdOrArn() {
        assertThat(client.getNamespace(r -> r.id(namespace.id())).namespace().name())
                .isEqualTo("jenkins.local");
        assertThat(client.getNamespace(r -> r.id(namespace.arn())).namespace().id())
                .isEqualTo(namespace.id());
    }

    @Test
    void registeredInstanceIsDiscoverable() {
        String operation = client.registerInstance(r -> r.serviceId(controller.id())
                        .instanceId("task-9")
                        .attributes(Map.of("AWS_INSTANCE_IPV4", "10.0.9.9", "AWS_INSTANCE_PORT", "8080")))
                .operationId();

        assertThat(operation).isNotBlank();
        assertThat(ids("controller", HealthStatusFilter.ALL)).contains("task-9");
        assertThatThrownBy(() -> client.registerInstance(r ->
                        r.serviceId("srv-nope").instanceId("x").attributes(Map.of("AWS_INSTANCE_IPV4", "1.2.3.4"))))
                .isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void withoutDisablingTheHostPrefixDiscoverInstancesMissesTheEndpoint() {
        try (ServiceDiscoveryClient prefixed = ServiceDiscoveryClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(AwsClients.CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(emulator.endpoint())
                .build()) {
            assertThatThrownBy(() -> prefixed.discoverInstances(
                            r -> r.namespaceName("jenkins.local").serviceName("controller")))
                    .isInstanceOf(SdkClientException.class);
            assertThat(prefixed.listNamespaces().namespaces()).isNotEmpty();
        }
        assertThat(emulator.stats().calls("servicediscovery:DiscoverInstances")).isZero();
    }
}
