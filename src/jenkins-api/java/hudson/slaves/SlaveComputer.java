// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import hudson.model.Computer;
import hudson.model.Executor;
import hudson.model.Queue;
import hudson.model.Slave;
import hudson.model.TaskListener;

@SuppressWarnings("rawtypes")
public class SlaveComputer extends Computer {
    public SlaveComputer(Slave slave) {
        super(slave);
    }

    @Override
    public Slave getNode() {
        return (Slave) super.getNode();
    }

    public String getJnlpMac() {
        return null;
    }

    public ComputerLauncher getLauncher() {
        Slave node = getNode();
        return node == null ? null : node.getLauncher();
    }

    public TaskListener getListener() {
        return TaskListener.NULL;
    }

    @Override
    public boolean isConnecting() {
        return false;
    }

    @Override
    public boolean isAcceptingTasks() {
        return true;
    }

    public void setAcceptingTasks(boolean acceptingTasks) {}

    @Override
    public RetentionStrategy getRetentionStrategy() {
        Slave node = getNode();
        return node == null ? null : node.getRetentionStrategy();
    }

    public void tryReconnect() {}

    @Override
    public void taskAccepted(Executor executor, Queue.Task task) {}

    @Override
    public void taskStarted(Executor executor, Queue.Task task) {}

    @Override
    public void taskCompleted(Executor executor, Queue.Task task, long durationMS) {}

    @Override
    public void taskCompletedWithProblems(Executor executor, Queue.Task task, long durationMS, Throwable problems) {}
}
