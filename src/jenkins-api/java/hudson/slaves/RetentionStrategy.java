// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.DescriptorExtensionList;
import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Computer;
import hudson.model.Descriptor;

public abstract class RetentionStrategy<T extends Computer> extends AbstractDescribableImpl<RetentionStrategy<?>>
        implements ExtensionPoint {
    public abstract long check(T c);

    public boolean isManualLaunchAllowed(T c) {
        return true;
    }

    public boolean isAcceptingTasks(T c) {
        return true;
    }

    public void start(T c) {}

    public static DescriptorExtensionList<RetentionStrategy<?>, Descriptor<RetentionStrategy<?>>> all() {
        return null;
    }
}
