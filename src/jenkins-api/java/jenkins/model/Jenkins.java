// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package jenkins.model;

import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.model.AbstractCIBase;
import hudson.model.Computer;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Hudson;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.labels.LabelAtom;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.slaves.Cloud;
import hudson.slaves.NodeDescriptor;
import hudson.slaves.NodeProvisioner;
import hudson.util.DescribableList;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.jvnet.hudson.reactor.ReactorException;

/**
 * There is never a running Jenkins behind the stand-in: {@link #get()} throws and {@link #getInstanceOrNull()}
 * returns null, as they do before Jenkins has started.
 */
public class Jenkins extends AbstractCIBase implements AccessControlled {
    public static final Permission ADMINISTER = new Permission(null, "jenkins.model.Jenkins.Administer", null);
    public static final Permission MANAGE = new Permission(null, "jenkins.model.Jenkins.Manage", null);
    public static final Permission SYSTEM_READ = new Permission(null, "jenkins.model.Jenkins.SystemRead", null);
    public static final Permission READ = new Permission(null, "jenkins.model.Jenkins.Read", null);

    /** Every cloud configured in Jenkins. Typed {@code Hudson.CloudList}: that is the field's type in Jenkins. */
    public final Hudson.CloudList clouds = new Hudson.CloudList();

    /** The provisioner for work that asks for no label. */
    public final NodeProvisioner unlabeledNodeProvisioner = new NodeProvisioner(null, null);

    protected Jenkins(File root, ServletContext context) throws IOException, InterruptedException, ReactorException {}

    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("Jenkins has not been started");
    }

    public static Jenkins getInstanceOrNull() {
        return null;
    }

    public String getRootUrl() throws IllegalStateException {
        return null;
    }

    public void addNode(Node n) throws IOException {}

    public void removeNode(Node n) throws IOException {}

    public boolean updateNode(Node n) throws IOException {
        return false;
    }

    public Node getNode(String name) {
        return null;
    }

    @Override
    public List<Node> getNodes() {
        return List.of();
    }

    public Computer getComputer(String name) {
        return null;
    }

    public Cloud getCloud(String name) {
        return null;
    }

    public Label getLabel(String expr) {
        return null;
    }

    public LabelAtom getLabelAtom(String name) {
        return null;
    }

    @Override
    public Queue getQueue() {
        return null;
    }

    public String getLegacyInstanceId() {
        return null;
    }

    public InitMilestone getInitLevel() {
        return InitMilestone.STARTED;
    }

    public boolean isQuietingDown() {
        return false;
    }

    public boolean isTerminating() {
        return false;
    }

    public <T> ExtensionList<T> getExtensionList(Class<T> extensionType) {
        return null;
    }

    @SuppressWarnings("rawtypes")
    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        return null;
    }

    @SuppressWarnings("rawtypes")
    public Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
        return null;
    }

    @Override
    public ACL getACL() {
        return null;
    }

    @Override
    public String getNodeDescription() {
        return null;
    }

    @Override
    public int getNumExecutors() {
        return 0;
    }

    @Override
    public Mode getMode() {
        return Mode.NORMAL;
    }

    @Override
    public String getLabelString() {
        return "";
    }

    @Override
    public Computer createComputer() {
        return null;
    }

    @Override
    public NodeDescriptor getDescriptor() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Jenkins";
    }

    /** Holds the clouds added to it. */
    public static class CloudList extends DescribableList<Cloud, Descriptor<Cloud>> {
        public CloudList(Jenkins h) {}

        public CloudList() {}

        public Cloud getByName(String name) {
            return stream().filter(cloud -> cloud.name.equals(name)).findFirst().orElse(null);
        }
    }
}
