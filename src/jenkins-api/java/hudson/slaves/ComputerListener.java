// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Computer;
import hudson.model.TaskListener;
import java.io.IOException;

public abstract class ComputerListener implements ExtensionPoint {
    public void preLaunch(Computer c, TaskListener taskListener) throws IOException, InterruptedException {}

    public void onLaunchFailure(Computer c, TaskListener taskListener) throws IOException, InterruptedException {}

    public void onOnline(Computer c, TaskListener listener) throws IOException, InterruptedException {}

    public void onOffline(Computer c, OfflineCause cause) {}

    public void onTemporarilyOnline(Computer c) {}

    public void onTemporarilyOffline(Computer c, OfflineCause cause) {}

    public void onConfigurationChange() {}

    public void onIdle(Computer c) {}

    public static ExtensionList<ComputerListener> all() {
        return ExtensionList.lookup(ComputerListener.class);
    }
}
