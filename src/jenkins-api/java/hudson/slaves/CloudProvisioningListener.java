// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.queue.CauseOfBlockage;
import java.util.Collection;

public abstract class CloudProvisioningListener implements ExtensionPoint {
    public CauseOfBlockage canProvision(Cloud cloud, Cloud.CloudState state, int numExecutors) {
        return null;
    }

    public void onStarted(Cloud cloud, Label label, Collection<NodeProvisioner.PlannedNode> plannedNodes) {}

    public void onComplete(NodeProvisioner.PlannedNode plannedNode, Node node) {}

    public void onCommit(NodeProvisioner.PlannedNode plannedNode, Node node) {}

    public void onFailure(NodeProvisioner.PlannedNode plannedNode, Throwable t) {}

    public void onRollback(NodeProvisioner.PlannedNode plannedNode, Node node, Throwable t) {}

    public static ExtensionList<CloudProvisioningListener> all() {
        return ExtensionList.lookup(CloudProvisioningListener.class);
    }
}
