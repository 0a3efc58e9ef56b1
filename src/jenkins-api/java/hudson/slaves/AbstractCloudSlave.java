// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.model.Descriptor;
import hudson.model.Slave;
import hudson.model.TaskListener;
import java.io.IOException;

@SuppressWarnings("rawtypes")
public abstract class AbstractCloudSlave extends Slave {
    protected AbstractCloudSlave(String name, String remoteFS, ComputerLauncher launcher)
            throws Descriptor.FormException, IOException {
        super(name, remoteFS, launcher);
    }

    @Override
    public abstract AbstractCloudComputer createComputer();

    /** Jenkins disconnects the computer, calls {@link #_terminate} and removes the node; the stand-in does none of it. */
    public void terminate() throws InterruptedException, IOException {}

    protected abstract void _terminate(TaskListener listener) throws IOException, InterruptedException;
}
