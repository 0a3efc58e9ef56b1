package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import java.util.List;

/** The ECS Fargate clouds Jenkins has, for the extensions that act on all of them. */
final class EcsClouds {
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
}
