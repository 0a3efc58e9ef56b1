package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.Extension;
import hudson.model.Label;
import hudson.model.LoadStatistics;
import hudson.slaves.NodeProvisioner;
import hudson.slaves.NodeProvisioner.PlannedNode;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.LiveJenkinsRuntime;
import java.util.Collection;
import java.util.List;

/**
 * Provisions at once for labels our clouds serve, instead of Jenkins' default strategy that waits for the load
 * to persist over several ticks. Labels none of our clouds serve are left to the remaining strategies untouched,
 * and so is any demand our clouds cannot meet (caps reached, templates paused), so other clouds still get asked.
 */
@Extension(ordinal = 100)
public final class EcsProvisioningStrategy extends NodeProvisioner.Strategy {
    private final JenkinsRuntime jenkins;

    public EcsProvisioningStrategy() {
        this(new LiveJenkinsRuntime());
    }

    EcsProvisioningStrategy(JenkinsRuntime jenkins) {
        this.jenkins = jenkins;
    }

    @Override
    public NodeProvisioner.StrategyDecision apply(NodeProvisioner.StrategyState state) {
        Label label = state.getLabel();
        List<EcsCloud> clouds = EcsClouds.serving(jenkins, label);
        if (clouds.isEmpty()) {
            return NodeProvisioner.StrategyDecision.CONSULT_REMAINING_STRATEGIES;
        }
        LoadStatistics.LoadStatisticsSnapshot snapshot = state.getSnapshot();
        int starting = clouds.stream()
                .mapToInt(cloud -> cloud.runtime(jenkins).startingExecutors(label))
                .sum();
        ProvisioningDemand demand = new ProvisioningDemand(
                snapshot.getQueueLength(),
                snapshot.getAvailableExecutors(),
                snapshot.getConnectingExecutors(),
                state.getPlannedCapacitySnapshot() + state.getAdditionalPlannedCapacity(),
                starting);
        int excess = demand.excess();
        for (EcsCloud cloud : clouds) {
            if (excess <= 0) {
                break;
            }
            Collection<PlannedNode> planned = cloud.runtime(jenkins).provision(label, excess);
            state.recordPendingLaunches(planned);
            excess -= planned.stream().mapToInt(p -> p.numExecutors).sum();
        }
        return excess <= 0
                ? NodeProvisioner.StrategyDecision.PROVISIONING_COMPLETED
                : NodeProvisioner.StrategyDecision.CONSULT_REMAINING_STRATEGIES;
    }
}
