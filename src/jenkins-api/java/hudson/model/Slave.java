// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import hudson.slaves.ComputerLauncher;
import hudson.slaves.NodeDescriptor;
import hudson.slaves.RetentionStrategy;
import hudson.slaves.SlaveComputer;
import java.io.IOException;
import java.io.Serializable;

@SuppressWarnings("rawtypes")
public abstract class Slave extends Node implements Serializable {
    protected String name;
    protected final String remoteFS;
    private String description;
    private int numExecutors = 1;
    private Mode mode = Mode.NORMAL;
    private String labelString = "";
    private ComputerLauncher launcher;
    private RetentionStrategy retentionStrategy;

    protected Slave(String name, String remoteFS, ComputerLauncher launcher)
            throws Descriptor.FormException, IOException {
        this.name = name;
        this.remoteFS = remoteFS;
        this.launcher = launcher;
    }

    @Override
    public String getNodeName() {
        return name;
    }

    public String getRemoteFS() {
        return remoteFS;
    }

    @Override
    public String getNodeDescription() {
        return description;
    }

    public void setNodeDescription(String value) {
        this.description = value;
    }

    @Override
    public int getNumExecutors() {
        return numExecutors;
    }

    public void setNumExecutors(int n) {
        this.numExecutors = n;
    }

    @Override
    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String getLabelString() {
        return labelString;
    }

    @Override
    public void setLabelString(String labelString) throws IOException {
        this.labelString = labelString;
    }

    public ComputerLauncher getLauncher() {
        return launcher;
    }

    public void setLauncher(ComputerLauncher launcher) {
        this.launcher = launcher;
    }

    public RetentionStrategy getRetentionStrategy() {
        return retentionStrategy;
    }

    public void setRetentionStrategy(RetentionStrategy availabilityStrategy) {
        this.retentionStrategy = availabilityStrategy;
    }

    @Override
    public Computer createComputer() {
        return null;
    }

    public SlaveComputer getComputer() {
        return null;
    }

    @Override
    public SlaveDescriptor getDescriptor() {
        return null;
    }

    protected Object readResolve() {
        return this;
    }

    public abstract static class SlaveDescriptor extends NodeDescriptor {}
}
