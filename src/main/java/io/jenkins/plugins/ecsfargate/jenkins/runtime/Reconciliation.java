package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One reconciliation pass over every ECS Fargate cloud (one cloud's failure does not stop the others), then the
 * runtimes of removed clouds retire, and those with nothing left are closed.
 */
final class Reconciliation {
    private static final Logger LOGGER = Logger.getLogger(Reconciliation.class.getName());

    private Reconciliation() {}

    static void run(JenkinsRuntime jenkins) {
        List<EcsCloud> clouds = EcsClouds.all(jenkins);
        for (EcsCloud cloud : clouds) {
            try {
                cloud.refreshedRuntime(jenkins).reconcile();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, e, () -> "Reconciling cloud " + cloud.name + " failed; next pass retries");
            }
        }
        jenkins.cloudRuntimes()
                .retainOnly(clouds.stream().map(cloud -> cloud.name).toList());
    }
}
