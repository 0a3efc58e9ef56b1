// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.DescriptorExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Actionable;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Label;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.slaves.NodeProvisioner.PlannedNode;
import java.util.Collection;

public abstract class Cloud extends Actionable implements ExtensionPoint, Describable<Cloud>, AccessControlled {
    public String name;

    public static final Permission PROVISION = new Permission(null, "hudson.slaves.Cloud.Provision", null);

    protected Cloud(String name) {
        this.name = name;
    }

    @Override
    public String getDisplayName() {
        return name;
    }

    public String getUrl() {
        return null;
    }

    @Override
    public ACL getACL() {
        return null;
    }

    public Collection<PlannedNode> provision(CloudState state, int excessWorkload) {
        return null;
    }

    public boolean canProvision(CloudState state) {
        return false;
    }

    @Override
    public Descriptor<Cloud> getDescriptor() {
        return null;
    }

    public static DescriptorExtensionList<Cloud, Descriptor<Cloud>> all() {
        return null;
    }

    public static final class CloudState {
        private final Label label;
        private final int additionalPlannedCapacity;

        public CloudState(Label label, int additionalPlannedCapacity) {
            this.label = label;
            this.additionalPlannedCapacity = additionalPlannedCapacity;
        }

        public Label getLabel() {
            return label;
        }

        public int getAdditionalPlannedCapacity() {
            return additionalPlannedCapacity;
        }
    }
}
