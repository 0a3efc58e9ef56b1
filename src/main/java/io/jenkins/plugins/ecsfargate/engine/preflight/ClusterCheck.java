package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

/** The cluster exists, is ACTIVE, and offers the Fargate capacity providers the templates ask for. */
final class ClusterCheck {
    static final String NAME = "Cluster";
    private final EcsClient ecs;

    ClusterCheck(EcsClient ecs) {
        this.ecs = ecs;
    }

    List<Finding> run(PreflightTarget target, String region) {
        DescribeClustersResponse response;
        try {
            response = ecs.describeClusters(r -> r.clusters(target.cluster()));
        } catch (RuntimeException e) {
            return List.of(AwsErrors.failed(
                    NAME, "ecs:DescribeClusters", e, "Allow ecs:DescribeClusters on the cluster for the controller."));
        }
        if (response.clusters().isEmpty()) {
            return List.of(Finding.error(
                    NAME,
                    "Cluster '" + target.cluster() + "' does not exist in " + region + ".",
                    "Correct the Cluster field, or create the cluster: aws ecs create-cluster --cluster-name "
                            + target.clusterName() + " --capacity-providers FARGATE FARGATE_SPOT --region " + region));
        }
        Cluster cluster = response.clusters().get(0);
        if (!"ACTIVE".equals(cluster.status())) {
            return List.of(Finding.error(
                    NAME,
                    "Cluster '" + cluster.clusterName() + "' is " + cluster.status() + ", not ACTIVE.",
                    "Use an ACTIVE cluster: an INACTIVE cluster was deleted and cannot run tasks."));
        }
        List<Finding> findings = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (!cluster.capacityProviders().contains("FARGATE")) {
            missing.add("FARGATE");
        }
        if (target.usesSpot() && !cluster.capacityProviders().contains("FARGATE_SPOT")) {
            missing.add("FARGATE_SPOT");
        }
        if (missing.isEmpty()) {
            findings.add(Finding.ok(
                    NAME,
                    "Cluster '" + cluster.clusterName() + "' is ACTIVE with capacity providers "
                            + cluster.capacityProviders() + "."));
        } else {
            findings.add(Finding.error(
                    NAME,
                    "Cluster '" + cluster.clusterName() + "' lacks the capacity provider(s) " + missing + ".",
                    "Associate them with the cluster: aws ecs put-cluster-capacity-providers --cluster "
                            + cluster.clusterName() + " --capacity-providers FARGATE FARGATE_SPOT"
                            + " --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1 --region "
                            + region));
        }
        return findings;
    }
}
