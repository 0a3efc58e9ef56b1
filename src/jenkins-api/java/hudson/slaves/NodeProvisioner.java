// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.model.Node;
import java.util.concurrent.Future;

public class NodeProvisioner {
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
}
