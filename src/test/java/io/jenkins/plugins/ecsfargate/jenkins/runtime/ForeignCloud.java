package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.slaves.Cloud;
import hudson.slaves.NodeProvisioner.PlannedNode;
import java.util.Collection;
import java.util.List;

/** Someone else's cloud that says it can provision any label and never does. */
final class ForeignCloud extends Cloud {
    ForeignCloud(String name) {
        super(name);
    }

    @Override
    public boolean canProvision(CloudState state) {
        return true;
    }

    @Override
    public Collection<PlannedNode> provision(CloudState state, int excessWorkload) {
        return List.of();
    }
}
