package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.List;
import java.util.Optional;

/**
 * What a preflight check verifies against AWS: the cluster and the capacity it must offer, the roles agents run
 * with, the task-definition families the controller will register, and the Cloud Map service that gives the TCP
 * tunnel address, if any. Plain data, so that the Jenkins side can build it from a saved configuration.
 *
 * @param cluster cluster name or ARN
 * @param usesSpot whether some template asks for {@code FARGATE_SPOT}
 * @param executionRoleArns execution roles of the templates (may be empty)
 * @param taskRoleArns task roles of the templates (may be empty)
 * @param families task-definition families the templates map to
 * @param cloudMapNamespace Cloud Map namespace of the tunnel, or null when the tunnel is not resolved there
 * @param cloudMapService Cloud Map service of the tunnel, or null
 */
public record PreflightTarget(
        String cluster,
        boolean usesSpot,
        List<String> executionRoleArns,
        List<String> taskRoleArns,
        List<String> families,
        String cloudMapNamespace,
        String cloudMapService) {
    public PreflightTarget {
        executionRoleArns = List.copyOf(executionRoleArns);
        taskRoleArns = List.copyOf(taskRoleArns);
        families = List.copyOf(families);
    }

    /** The cluster's name, whether it was given as a name or as an ARN. */
    public String clusterName() {
        int slash = cluster.lastIndexOf('/');
        return slash < 0 ? cluster : cluster.substring(slash + 1);
    }

    /** The Cloud Map service to resolve, when the tunnel comes from Cloud Map. */
    public Optional<CloudMapName> cloudMap() {
        return cloudMapNamespace == null || cloudMapService == null
                ? Optional.empty()
                : Optional.of(new CloudMapName(cloudMapNamespace, cloudMapService));
    }

    /** A Cloud Map service by namespace and service name. */
    public record CloudMapName(String namespace, String service) {}
}
