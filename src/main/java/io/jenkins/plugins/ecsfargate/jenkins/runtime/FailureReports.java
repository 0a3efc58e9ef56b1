package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import hudson.model.Queue;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClass;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes launch failures reach the user without flooding the system log: each distinct failure of a template is
 * logged once until the template launches again, and a fatal configuration failure cancels the builds waiting for
 * what the template serves, with the reason, instead of leaving them to wait forever.
 */
final class FailureReports {
    private static final Logger LOGGER = Logger.getLogger(FailureReports.class.getName());

    private final String cloudName;
    private final JenkinsRuntime jenkins;
    private final Set<String> logged = new HashSet<>();

    FailureReports(String cloudName, JenkinsRuntime jenkins) {
        this.cloudName = cloudName;
        this.jenkins = jenkins;
    }

    /**
     * Reports a failed agent of {@code template}. {@code served} says which queue labels only this template serves
     * (null: unlabeled work); their items are cancelled when the failure is fatal. Returns the items cancelled.
     */
    List<Queue.Item> failed(String template, String agentName, LaunchFailure failure, Predicate<Label> served) {
        if (firstTime(template, failure)) {
            LOGGER.log(Level.WARNING, "Cloud {0}, template {1}: agent {2} failed: {3}", new Object[] {
                cloudName, template, agentName, failure.describe()
            });
        }
        if (failure.failureClass() != FailureClass.FATAL_CONFIGURATION) {
            return List.of();
        }
        List<Queue.Item> cancelled = jenkins.queueItems().stream()
                .filter(item -> served.test(item.getAssignedLabel()))
                .filter(jenkins::cancel)
                .toList();
        for (Queue.Item item : cancelled) {
            LOGGER.log(
                    Level.WARNING,
                    "Cancelled {0}: template {1} of cloud {2} cannot start agents until its configuration is fixed: {3}",
                    new Object[] {item.getDisplayName(), template, cloudName, failure.describe()});
        }
        return cancelled;
    }

    /** The template launched an agent: its next failure is news again. */
    synchronized void recovered(String template) {
        logged.removeIf(key -> key.startsWith(template + '\u0000'));
    }

    private synchronized boolean firstTime(String template, LaunchFailure failure) {
        return logged.add(template + '\u0000' + failure.cause() + '\u0000' + failure.awsCode());
    }
}
