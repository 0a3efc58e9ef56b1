package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.Extension;
import hudson.model.Label;
import hudson.model.Queue;
import hudson.model.queue.QueueListener;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.LiveJenkinsRuntime;

/**
 * Asks Jenkins to provision the moment a build that one of our clouds can serve becomes buildable, instead of at
 * the provisioner's next tick (up to 10 s later, twice). Only a nudge: the provisioning strategy decides, counting
 * what is already on its way, so a nudge never starts a second agent for the same build.
 */
@Extension
public final class EcsQueueListener extends QueueListener {
    private final JenkinsRuntime jenkins;

    public EcsQueueListener() {
        this(new LiveJenkinsRuntime());
    }

    EcsQueueListener(JenkinsRuntime jenkins) {
        this.jenkins = jenkins;
    }

    @Override
    public void onEnterBuildable(Queue.BuildableItem item) {
        Label label = item.getAssignedLabel();
        if (!EcsClouds.serving(jenkins, label).isEmpty()) {
            jenkins.suggestReviewNow(label);
        }
    }
}
