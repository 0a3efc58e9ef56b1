package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import java.util.List;
import java.util.Optional;

/**
 * Which templates serve which labels, with full label expressions ({@code linux && !arm64}, {@code a || b}): a
 * label matches a template when the expression holds for the template's label atoms. Work that asks for no label
 * goes only to templates without labels, as Jenkins sends it only to nodes in normal mode.
 */
final class Templates {
    private final CloudSetup setup;
    private final JenkinsRuntime jenkins;

    Templates(CloudSetup setup, JenkinsRuntime jenkins) {
        this.setup = setup;
        this.jenkins = jenkins;
    }

    List<TemplatePlan> matching(Label label) {
        return setup.templates().stream().filter(t -> serves(t, label)).toList();
    }

    boolean serves(TemplatePlan template, Label label) {
        if (label == null) {
            return template.labelString().isEmpty();
        }
        return label.matches(jenkins.labelAtoms(template.labelString()));
    }

    boolean serves(String template, Label label) {
        return find(template).map(t -> serves(t, label)).orElse(false);
    }

    Optional<TemplatePlan> find(String name) {
        return setup.templates().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
