package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.Extension;
import hudson.model.Queue;
import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.QueueTaskDispatcher;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.LiveJenkinsRuntime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds back queue items that only templates with a fatal configuration failure could run, with the reason as the
 * cause of blockage (see {@link FailureReports}). Asks only the runtimes that exist: a cloud that never launched
 * has no failure on record.
 */
@Extension
public final class EcsQueueTaskDispatcher extends QueueTaskDispatcher {
    private static final Logger LOGGER = Logger.getLogger(EcsQueueTaskDispatcher.class.getName());

    private final JenkinsRuntime jenkins;

    public EcsQueueTaskDispatcher() {
        this(new LiveJenkinsRuntime());
    }

    EcsQueueTaskDispatcher(JenkinsRuntime jenkins) {
        this.jenkins = jenkins;
    }

    @Override
    public CauseOfBlockage canRun(Queue.Item item) {
        try {
            for (CloudRuntime runtime : jenkins.cloudRuntimes().currentRuntimes()) {
                CauseOfBlockage blockage = runtime.blockage(item);
                if (blockage != null) {
                    return blockage;
                }
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, e, () -> "Could not tell whether " + item.getDisplayName() + " can run");
        }
        return null;
    }
}
