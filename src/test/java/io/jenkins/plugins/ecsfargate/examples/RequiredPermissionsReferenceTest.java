package io.jenkins.plugins.ecsfargate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.engine.preflight.Permission;
import io.jenkins.plugins.ecsfargate.engine.preflight.PermissionScope;
import io.jenkins.plugins.ecsfargate.engine.preflight.PreflightTarget;
import io.jenkins.plugins.ecsfargate.engine.preflight.RequiredPermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy the plugin computes for a cloud (and simulates in its preflight) names only real actions, scoped to
 * resources and conditions those actions support, per AWS's Service Authorization Reference.
 */
class RequiredPermissionsReferenceTest {
    @Test
    void everyComputedPermissionIsValidForItsAction() {
        PermissionScope scope = new PermissionScope(
                "aws",
                "eu-west-1",
                "123456789012",
                "default-cluster",
                List.of("jenkins_ecs-cloud_jenkins-agent", "jenkins_ecs-cloud_big"),
                List.of("arn:aws:iam::123456789012:role/exec", "arn:aws:iam::123456789012:role/path/task"),
                "arn:aws:iam::123456789012:role/JenkinsRole",
                new PreflightTarget.CloudMapName("jenkins-ns", "jenkins"));
        IamReference iam = new IamReference(CfnTools.iamData());
        List<String> problems = new ArrayList<>();
        List<Permission> permissions = RequiredPermissions.of(scope);
        assertThat(permissions).hasSizeGreaterThan(10);
        for (Permission permission : permissions) {
            List<String> keys = permission.conditions().values().stream()
                    .map(Map::keySet)
                    .flatMap(java.util.Set::stream)
                    .toList();
            problems.addAll(iam.problems(permission.action(), permission.resources(), keys));
        }
        assertThat(problems).isEmpty();
    }
}
