package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One reconciliation pass over every ECS Fargate cloud; one cloud's failure does not stop the others. */
final class Reconciliation {
    private static final Logger LOGGER = Logger.getLogger(Reconciliation.class.getName());

    private Reconciliation() {}

    static void run(JenkinsRuntime jenkins) {
        for (EcsCloud cloud : EcsClouds.all(jenkins)) {
            try {
                cloud.runtime().reconcile();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, e, () -> "Reconciling cloud " + cloud.name + " failed; next pass retries");
            }
        }
    }
}
