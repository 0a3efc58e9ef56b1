package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.List;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.DiscoverInstancesResponse;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatusFilter;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.ServiceNotFoundException;

/** The Cloud Map service that gives TCP agents the controller's address resolves to at least one instance. */
final class CloudMapCheck {
    static final String NAME = "Tunnel (Cloud Map)";
    private final ServiceDiscoveryClient cloudMap;

    CloudMapCheck(ServiceDiscoveryClient cloudMap) {
        this.cloudMap = cloudMap;
    }

    List<Finding> run(PreflightTarget.CloudMapName name) {
        String display = name.service() + "." + name.namespace();
        DiscoverInstancesResponse response;
        try {
            response = cloudMap.discoverInstances(r -> r.namespaceName(name.namespace())
                    .serviceName(name.service())
                    .healthStatus(HealthStatusFilter.HEALTHY_OR_ELSE_ALL));
        } catch (NamespaceNotFoundException e) {
            return List.of(Finding.error(
                    NAME,
                    "Cloud Map namespace '" + name.namespace() + "' does not exist.",
                    "Correct the namespace, or create the private DNS namespace (the CloudFormation example does)."));
        } catch (ServiceNotFoundException e) {
            return List.of(Finding.error(
                    NAME,
                    "Cloud Map service '" + display + "' does not exist.",
                    "Correct the service name, or create it in the namespace (the CloudFormation example does)."));
        } catch (RuntimeException e) {
            return List.of(AwsErrors.failed(
                    NAME,
                    "servicediscovery:DiscoverInstances",
                    e,
                    "Allow servicediscovery:DiscoverInstances for the controller."));
        }
        if (response.instances().isEmpty()) {
            return List.of(Finding.error(
                    NAME,
                    "Cloud Map service '" + display + "' has no instance, so agents would have no address to dial.",
                    "Register the controller's ECS service in this Cloud Map service (ServiceRegistries with the"
                            + " agent port), or connect agents over WebSocket instead."));
        }
        return List.of(Finding.ok(
                NAME, "'" + display + "' resolves to " + response.instances().size() + " instance(s)."));
    }
}
