package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.Extension;
import hudson.model.Label;
import hudson.model.LoadStatistics;
import hudson.slaves.NodeProvisioner;
import hudson.slaves.NodeProvisioner.PlannedNode;
import hudson.slaves.NodeProvisioner.StrategyDecision;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.LiveJenkinsRuntime;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Provisions at once for labels our clouds serve, instead of Jenkins' default strategy that waits for the load
 * to persist over several ticks. Labels none of our clouds serve are left to the remaining strategies untouched,
 * and so is any demand our clouds cannot meet (caps reached, templates paused), so other clouds still get asked.
 *
 * <p>{@link #apply} only reads Jenkins' counts off its state (which Jenkins alone can build) and hands them to
 * {@link #decide}, which holds the rules.
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
    public StrategyDecision apply(NodeProvisioner.StrategyState state) {
        LoadStatistics.LoadStatisticsSnapshot snapshot = state.getSnapshot();
        List<CloudRuntime> ours = EcsClouds.all(jenkins).stream()
                .map(cloud -> cloud.runtime(jenkins))
                .toList();
        return decide(
                ours,
                state.getLabel(),
                new JenkinsCounts(
                        snapshot.getQueueLength(),
                        snapshot.getAvailableExecutors(),
                        snapshot.getConnectingExecutors(),
                        state.getPlannedCapacitySnapshot() + state.getAdditionalPlannedCapacity()),
                state::recordPendingLaunches);
    }

    /**
     * The strategy's rules: the runtimes that serve {@code label} are asked, in order, for the executors the queue
     * still lacks once available, connecting and planned capacity (Jenkins' count or our clouds' own, whichever is
     * larger) are counted; what they plan goes to {@code pending}. Completed when the demand is met; otherwise the
     * remaining strategies (and other clouds) are consulted.
     */
    static StrategyDecision decide(
            List<CloudRuntime> runtimes, Label label, JenkinsCounts counts, Consumer<Collection<PlannedNode>> pending) {
        List<CloudRuntime> serving =
                runtimes.stream().filter(runtime -> runtime.canProvision(label)).toList();
        if (serving.isEmpty()) {
            return StrategyDecision.CONSULT_REMAINING_STRATEGIES;
        }
        int starting = serving.stream()
                .mapToInt(runtime -> runtime.startingExecutors(label))
                .sum();
        int excess = new ProvisioningDemand(
                        counts.queueLength(),
                        counts.availableExecutors(),
                        counts.connectingExecutors(),
                        counts.plannedExecutors(),
                        starting)
                .excess();
        for (CloudRuntime runtime : serving) {
            if (excess <= 0) {
                break;
            }
            Collection<PlannedNode> planned = runtime.provision(label, excess);
            pending.accept(planned);
            excess -= planned.stream().mapToInt(p -> p.numExecutors).sum();
        }
        return excess <= 0 ? StrategyDecision.PROVISIONING_COMPLETED : StrategyDecision.CONSULT_REMAINING_STRATEGIES;
    }

    /** What Jenkins counts for a label: queued items, available and connecting executors, planned capacity. */
    record JenkinsCounts(int queueLength, int availableExecutors, int connectingExecutors, int plannedExecutors) {}
}
