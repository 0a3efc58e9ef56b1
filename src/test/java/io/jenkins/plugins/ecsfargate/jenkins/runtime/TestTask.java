package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import hudson.model.Queue;
import java.util.Calendar;
import java.util.List;

/** A build waiting for a label. */
record TestTask(String name, Label label) implements Queue.Task {
    static Queue.WaitingItem waiting(String name, Label label) {
        return new Queue.WaitingItem(Calendar.getInstance(), new TestTask(name, label), List.of());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getUrl() {
        return "job/" + name + "/";
    }

    @Override
    public String getDisplayName() {
        return name;
    }

    @Override
    public Label getAssignedLabel() {
        return label;
    }

    @Override
    public Queue.Executable createExecutable() {
        return null;
    }
}
