// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import java.util.List;

public abstract class AbstractCIBase extends Node implements ItemGroup<TopLevelItem> {
    @Override
    public String getNodeName() {
        return "";
    }

    public abstract List<Node> getNodes();

    public abstract Queue getQueue();
}
