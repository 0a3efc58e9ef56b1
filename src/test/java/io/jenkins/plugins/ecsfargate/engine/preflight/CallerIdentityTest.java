package io.jenkins.plugins.ecsfargate.engine.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerIdentityTest {
    @Test
    void findsTheRoleBehindASessionArn() {
        CallerIdentity caller =
                new CallerIdentity("123456789012", "arn:aws:sts::123456789012:assumed-role/JenkinsRole/ecs-task-0a1b");
        assertThat(caller.assumedRoleName()).isEqualTo("JenkinsRole");
        assertThat(caller.isIamUser()).isFalse();
        assertThat(caller.isRoot()).isFalse();
    }

    @Test
    void recognisesUsersAndRoot() {
        assertThat(new CallerIdentity("1", "arn:aws:iam::123456789012:user/ci/alice").isIamUser())
                .isTrue();
        assertThat(new CallerIdentity("1", "arn:aws:iam::123456789012:root").isRoot())
                .isTrue();
        assertThat(new CallerIdentity("1", "arn:aws:iam::123456789012:user/alice").assumedRoleName())
                .isNull();
    }
}
