// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import hudson.model.TaskListener;
import java.io.IOException;

public abstract class ComputerLauncher extends AbstractDescribableImpl<ComputerLauncher> implements ExtensionPoint {
    public boolean isLaunchSupported() {
        return true;
    }

    public void launch(SlaveComputer computer, TaskListener listener) throws IOException, InterruptedException {}

    public void afterDisconnect(SlaveComputer computer, TaskListener listener) {}

    public void beforeDisconnect(SlaveComputer computer, TaskListener listener) {}
}
