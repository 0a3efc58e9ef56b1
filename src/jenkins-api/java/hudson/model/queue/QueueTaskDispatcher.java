// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model.queue;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Node;
import hudson.model.Queue;

public abstract class QueueTaskDispatcher implements ExtensionPoint {
    @Deprecated
    public CauseOfBlockage canTake(Node node, Queue.Task task) {
        return null;
    }

    public CauseOfBlockage canTake(Node node, Queue.BuildableItem item) {
        return canTake(node, item.task);
    }

    public CauseOfBlockage canRun(Queue.Item item) {
        return null;
    }

    public static ExtensionList<QueueTaskDispatcher> all() {
        return ExtensionList.lookup(QueueTaskDispatcher.class);
    }
}
