package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import hudson.model.Node;
import hudson.slaves.Cloud;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The ECS Fargate clouds Jenkins has, for the extensions that act on all of them. */
final class EcsClouds {
    private static final Logger LOGGER = Logger.getLogger(EcsClouds.class.getName());

    private EcsClouds() {}

    static List<EcsCloud> all(JenkinsRuntime jenkins) {
        return jenkins.clouds().stream()
                .filter(EcsCloud.class::isInstance)
                .map(EcsCloud.class::cast)
                .toList();
    }

    /** Our clouds that serve {@code label} (null: unlabeled work). */
    static List<EcsCloud> serving(JenkinsRuntime jenkins, Label label) {
        return all(jenkins).stream()
                .filter(cloud -> cloud.runtime(jenkins).canProvision(label))
                .toList();
    }

    /**
     * Whether only our clouds can serve {@code label}: no node that is not one of our agents has it, and no other
     * cloud can provision it. A cloud that fails to answer is taken to be able to.
     */
    static boolean onlyOursServe(JenkinsRuntime jenkins, Label label) {
        for (Node node : jenkins.nodes()) {
            if (!(node instanceof EcsAgent)
                    && label.matches(jenkins.labelAtoms(node.getLabelString() + " " + node.getNodeName()))) {
                return false;
            }
        }
        for (Cloud cloud : jenkins.clouds()) {
            if (cloud instanceof EcsCloud) {
                continue;
            }
            try {
                if (cloud.canProvision(new Cloud.CloudState(label, 0))) {
                    return false;
                }
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, e, () -> "Cloud " + cloud.name + " could not say whether it serves " + label);
                return false;
            }
        }
        return true;
    }
}
