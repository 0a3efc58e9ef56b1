// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.Label;
import hudson.model.LoadStatistics;
import hudson.model.Node;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Future;

public class NodeProvisioner {
    private final Label label;

    public NodeProvisioner(Label label, LoadStatistics loadStatistics) {
        this.label = label;
    }

    public List<PlannedNode> getPendingLaunches() {
        return List.of();
    }

    public void suggestReviewNow() {}

    public static class PlannedNode {
        public final String displayName;
        public final Future<Node> future;
        public final int numExecutors;

        public PlannedNode(String displayName, Future<Node> future, int numExecutors) {
            this.displayName = displayName;
            this.future = future;
            this.numExecutors = numExecutors;
        }

        public void spent() {}
    }

    public enum StrategyDecision {
        CONSULT_REMAINING_STRATEGIES,
        PROVISIONING_COMPLETED
    }

    public abstract static class Strategy implements ExtensionPoint {
        public abstract StrategyDecision apply(StrategyState state);
    }

    /** Jenkins creates these; the stand-in has no way to make one outside a provisioner. */
    public final class StrategyState {
        private StrategyState() {}

        public Label getLabel() {
            return label;
        }

        public LoadStatistics.LoadStatisticsSnapshot getSnapshot() {
            return null;
        }

        public int getPlannedCapacitySnapshot() {
            return 0;
        }

        public int getAdditionalPlannedCapacity() {
            return 0;
        }

        public float getQueueLengthLatest() {
            return 0;
        }

        public float getPlannedCapacityLatest() {
            return 0;
        }

        public float getDefinedExecutorsLatest() {
            return 0;
        }

        public float getOnlineExecutorsLatest() {
            return 0;
        }

        public float getConnectingExecutorsLatest() {
            return 0;
        }

        public float getBusyExecutorsLatest() {
            return 0;
        }

        public float getIdleExecutorsLatest() {
            return 0;
        }

        public float getAvailableExecutorsLatest() {
            return 0;
        }

        public void recordPendingLaunches(PlannedNode... plannedNodes) {}

        public void recordPendingLaunches(Collection<PlannedNode> plannedNodes) {}
    }
}
