// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.slaves.OfflineCause;
import hudson.slaves.RetentionStrategy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.kohsuke.stapler.HttpResponse;

/** Stores its node (name and executor count as of construction) and the last offline cause given; connects nothing. */
@SuppressWarnings("rawtypes")
public abstract class Computer extends Actionable implements AccessControlled, ExecutorListener {
    public static final ExecutorService threadPoolForRemoting = null;
    public static final Permission CONFIGURE = new Permission(null, "hudson.model.Computer.Configure", null);
    public static final Permission EXTENDED_READ = new Permission(null, "hudson.model.Computer.ExtendedRead", null);
    public static final Permission DELETE = new Permission(null, "hudson.model.Computer.Delete", null);
    public static final Permission CREATE = new Permission(null, "hudson.model.Computer.Create", null);
    public static final Permission DISCONNECT = new Permission(null, "hudson.model.Computer.Disconnect", null);
    public static final Permission CONNECT = new Permission(null, "hudson.model.Computer.Connect", null);
    public static final Permission BUILD = new Permission(null, "hudson.model.Computer.Build", null);

    protected volatile OfflineCause offlineCause;
    protected String nodeName;
    private final Node node;
    private final int numExecutors;

    protected Computer(Node node) {
        this.node = node;
        this.nodeName = node == null ? null : node.getNodeName();
        this.numExecutors = node == null ? 0 : node.getNumExecutors();
    }

    public Node getNode() {
        return node;
    }

    public String getName() {
        return nodeName == null ? "" : nodeName;
    }

    @Override
    public String getDisplayName() {
        return getName();
    }

    public String getUrl() {
        return null;
    }

    @Override
    public ACL getACL() {
        return null;
    }

    public OfflineCause getOfflineCause() {
        return offlineCause;
    }

    public String getOfflineCauseReason() {
        return offlineCause == null ? "" : offlineCause.toString();
    }

    public final Future<?> connect(boolean forceReconnect) {
        return CompletableFuture.completedFuture(null);
    }

    public Future<?> disconnect(OfflineCause cause) {
        this.offlineCause = cause;
        return CompletableFuture.completedFuture(null);
    }

    public void setTemporarilyOffline(boolean temporarilyOffline, OfflineCause cause) {
        this.offlineCause = temporarilyOffline ? cause : null;
    }

    public final long getConnectTime() {
        return 0;
    }

    public int getNumExecutors() {
        return numExecutors;
    }

    public boolean isOffline() {
        return true;
    }

    public final boolean isOnline() {
        return !isOffline();
    }

    public abstract boolean isConnecting();

    public boolean isLaunchSupported() {
        return true;
    }

    public boolean isManualLaunchAllowed() {
        return true;
    }

    public boolean isAcceptingTasks() {
        return true;
    }

    public int countIdle() {
        return 0;
    }

    public final int countBusy() {
        return 0;
    }

    public final int countExecutors() {
        return 0;
    }

    public List<Executor> getExecutors() {
        return List.of();
    }

    public final boolean isIdle() {
        return true;
    }

    public final long getIdleStartMilliseconds() {
        return 0;
    }

    public abstract RetentionStrategy getRetentionStrategy();

    public HttpResponse doDoDelete() throws IOException {
        return null;
    }
}
