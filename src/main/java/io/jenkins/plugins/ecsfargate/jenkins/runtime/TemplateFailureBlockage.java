package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.queue.CauseOfBlockage;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;

/**
 * Why a queue item waits: the only templates that could run it cannot start agents until their configuration is
 * fixed. Jenkins shows this on the waiting item, and a waiting pipeline prints it to its build log, so the reason
 * reaches the user where they look rather than only the system log.
 */
public final class TemplateFailureBlockage extends CauseOfBlockage {
    private final String cloud;
    private final String template;
    private final String reason;

    public TemplateFailureBlockage(String cloud, String template, String reason) {
        this.cloud = cloud;
        this.template = template;
        this.reason = reason;
    }

    public String getCloud() {
        return cloud;
    }

    public String getTemplate() {
        return template;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String getShortDescription() {
        return Messages.format("TemplateFailureBlockage.description", template, cloud, reason);
    }
}
