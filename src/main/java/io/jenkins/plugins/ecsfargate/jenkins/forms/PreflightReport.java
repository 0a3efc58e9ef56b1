package io.jenkins.plugins.ecsfargate.jenkins.forms;

import hudson.util.FormValidation;
import io.jenkins.plugins.ecsfargate.engine.preflight.Finding;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import java.util.List;

/**
 * Shows the preflight's findings under the "Check configuration" button: one line per finding with its fix, the
 * whole answer as severe as the worst finding, so a single error turns the answer red.
 */
final class PreflightReport {
    private PreflightReport() {}

    static FormValidation render(List<Finding> findings, boolean unsaved) {
        Finding.Severity worst = Finding.Severity.OK;
        StringBuilder html = new StringBuilder("<ul>");
        for (Finding finding : findings) {
            if (finding.severity().compareTo(worst) > 0) {
                worst = finding.severity();
            }
            html.append("<li>")
                    .append(Html.escape(Messages.format(
                            "EcsCloud.check.finding", symbol(finding.severity()), finding.check(), finding.message())));
            if (!finding.fix().isEmpty()) {
                html.append("<br/>").append(Html.escape(Messages.format("EcsCloud.check.fix", finding.fix())));
            }
            html.append("</li>");
        }
        html.append("</ul>");
        if (unsaved) {
            html.append("<p>")
                    .append(Html.escape(Messages.format("EcsCloud.check.unsaved")))
                    .append("</p>");
        }
        return switch (worst) {
            case ERROR -> FormValidation.errorWithMarkup(html.toString());
            case WARNING -> FormValidation.warningWithMarkup(html.toString());
            case OK -> FormValidation.okWithMarkup(html.toString());
        };
    }

    private static String symbol(Finding.Severity severity) {
        return switch (severity) {
            case OK -> "\u2714";
            case WARNING -> "\u26a0";
            case ERROR -> "\u2716";
        };
    }
}
