package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import hudson.model.Queue;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClass;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes launch failures reach the user without flooding the system log: each distinct failure of a template is
 * logged once until the template launches again.
 *
 * <p>A fatal configuration failure blocks the queue items that only the failing templates could serve, with a
 * {@link TemplateFailureBlockage} naming the reason: Jenkins shows it on the waiting item, and a pipeline waiting
 * for an agent prints it in its build log ("Still waiting to schedule task", 15 s after it asked for the agent).
 * Items blocked for {@link #CANCEL_AFTER} are then cancelled, so builds fail instead of waiting for a fix that a
 * save of the cloud brings (a saved cloud gets a new runtime, without this record).
 */
final class FailureReports {
    private static final Logger LOGGER = Logger.getLogger(FailureReports.class.getName());
    /** Longer than the 15 s after which a waiting pipeline prints why it waits, so the reason is in its log. */
    static final Duration CANCEL_AFTER = Duration.ofSeconds(20);

    private final CloudRuntime cloud;
    private final JenkinsRuntime jenkins;
    private final Set<String> logged = new HashSet<>();
    private final Map<String, String> fatal = new ConcurrentHashMap<>();
    private final Map<Queue.Task, Instant> blockedSince = new IdentityHashMap<>();
    private boolean passScheduled;

    FailureReports(CloudRuntime cloud) {
        this.cloud = cloud;
        this.jenkins = cloud.jenkins();
    }

    /**
     * Reports a failed agent of {@code template}. A fatal configuration failure blocks, then cancels, the items
     * that only failing templates can serve.
     */
    void failed(String template, String agentName, LaunchFailure failure) {
        if (firstTime(template, failure)) {
            LOGGER.log(
                    Level.WARNING,
                    () -> Messages.format(
                            "FailureReports.failed", cloud.cloudName(), template, agentName, failure.describe()));
        }
        if (failure.failureClass() == FailureClass.FATAL_CONFIGURATION) {
            fatal.put(template, failure.describe());
            scheduleCancelPass(CANCEL_AFTER);
        }
    }

    /** The template launched an agent: its next failure is news again, and it blocks nothing any more. */
    synchronized void recovered(String template) {
        logged.removeIf(key -> key.startsWith(template + '\u0000'));
        fatal.remove(template);
    }

    /**
     * Why {@code item} cannot run, if every template of this cloud that serves its label has failed fatally and
     * nothing else (another cloud, a node that is not ours) can serve it; else null. Unlabeled items are never
     * blocked: any node in normal mode, the built-in one included, may take them.
     */
    TemplateFailureBlockage blockage(Queue.Item item) {
        Label label = item.getAssignedLabel();
        if (label == null || fatal.isEmpty()) {
            return null;
        }
        List<TemplatePlan> serving = cloud.templates().matching(label);
        if (serving.isEmpty()) {
            return null;
        }
        for (TemplatePlan template : serving) {
            if (!fatal.containsKey(template.name())) {
                return null;
            }
        }
        if (!EcsClouds.onlyOursServe(jenkins, label)) {
            return null;
        }
        String template = serving.get(0).name();
        synchronized (this) {
            blockedSince.putIfAbsent(item.task, cloud.clock().instant());
        }
        return new TemplateFailureBlockage(cloud.cloudName(), template, fatal.getOrDefault(template, ""));
    }

    private synchronized void scheduleCancelPass(Duration delay) {
        if (passScheduled) {
            return;
        }
        passScheduled = true;
        cloud.scheduler().schedule(delay, this::cancelPass);
    }

    /**
     * Cancels the items blocked for {@link #CANCEL_AFTER} (an item first seen blocked here counts from now); runs
     * again when the next blocked item is due.
     */
    private void cancelPass() {
        synchronized (this) {
            passScheduled = false;
        }
        if (!cloud.isCurrent()) {
            return;
        }
        Instant now = cloud.clock().instant();
        Instant nextDue = null;
        Set<Queue.Task> queued = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Queue.Item item : jenkins.queueItems()) {
            queued.add(item.task);
            TemplateFailureBlockage blockage = blockage(item);
            if (blockage == null) {
                continue;
            }
            Instant since;
            synchronized (this) {
                since = blockedSince.get(item.task);
            }
            Instant due = since.plus(CANCEL_AFTER);
            if (due.isAfter(now)) {
                nextDue = nextDue == null || due.isBefore(nextDue) ? due : nextDue;
            } else if (jenkins.cancel(item)) {
                LOGGER.log(
                        Level.WARNING,
                        () -> Messages.format(
                                "FailureReports.cancelled", item.getDisplayName(), blockage.getShortDescription()));
            }
        }
        synchronized (this) {
            blockedSince.keySet().retainAll(queued);
        }
        if (nextDue != null) {
            scheduleCancelPass(Duration.between(now, nextDue));
        }
    }

    private synchronized boolean firstTime(String template, LaunchFailure failure) {
        return logged.add(template + '\u0000' + failure.cause() + '\u0000' + failure.awsCode());
    }
}
