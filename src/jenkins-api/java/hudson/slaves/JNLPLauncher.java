// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.model.Descriptor;
import hudson.model.TaskListener;

/** Stores its tunnel and WebSocket settings. */
public class JNLPLauncher extends ComputerLauncher {
    public String tunnel;
    private boolean webSocket;

    public JNLPLauncher() {}

    public boolean isWebSocket() {
        return webSocket;
    }

    public void setWebSocket(boolean webSocket) {
        this.webSocket = webSocket;
    }

    public String getTunnel() {
        return tunnel;
    }

    public void setTunnel(String tunnel) {
        this.tunnel = tunnel;
    }

    @Override
    public boolean isLaunchSupported() {
        return false;
    }

    @Override
    public void launch(SlaveComputer computer, TaskListener listener) {}

    public static String getInboundAgentUrl() {
        return null;
    }

    public static class DescriptorImpl extends Descriptor<ComputerLauncher> {
        public DescriptorImpl() {}
    }
}
