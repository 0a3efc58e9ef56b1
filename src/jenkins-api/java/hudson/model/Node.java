// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import hudson.ExtensionPoint;
import hudson.model.labels.LabelAtom;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.slaves.NodeDescriptor;
import java.io.IOException;
import java.util.Set;

public abstract class Node extends AbstractModelObject implements Describable<Node>, ExtensionPoint, AccessControlled {
    public abstract String getNodeName();

    public abstract String getNodeDescription();

    public abstract int getNumExecutors();

    public abstract Mode getMode();

    public abstract String getLabelString();

    protected abstract Computer createComputer();

    @Override
    public abstract NodeDescriptor getDescriptor();

    @Override
    public String getDisplayName() {
        return getNodeName();
    }

    public final Computer toComputer() {
        return null;
    }

    public boolean isAcceptingTasks() {
        return true;
    }

    public void setLabelString(String labelString) throws IOException {}

    public Set<LabelAtom> getAssignedLabels() {
        return Set.of();
    }

    public LabelAtom getSelfLabel() {
        return null;
    }

    public void save() throws IOException {}

    @Override
    public ACL getACL() {
        return null;
    }

    public enum Mode {
        NORMAL,
        EXCLUSIVE;

        public String getDescription() {
            return name();
        }

        public String getName() {
            return name();
        }
    }
}
