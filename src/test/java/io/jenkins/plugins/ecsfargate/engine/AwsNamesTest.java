package io.jenkins.plugins.ecsfargate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-central-2", "ap-southeast-4", "us-gov-west-1", "cn-north-1"})
    void acceptsRegionNames(String region) {
        assertThat(AwsNames.isRegion(region)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "us-east", "US-EAST-1", "us_east_1", "useast1", "us-east-1a"})
    void rejectsWhatIsNotARegion(String region) {
        assertThat(AwsNames.isRegion(region)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "default",
                "jenkins_agents-1",
                "arn:aws:ecs:us-east-1:123456789012:cluster/default",
                "arn:aws-cn:ecs:cn-north-1:123456789012:cluster/ci"
            })
    void acceptsClusterNamesAndArns(String cluster) {
        assertThat(AwsNames.isClusterReference(cluster)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my cluster",
                "cluster/default",
                "arn:aws:ecs:us-east-1:12345:cluster/default",
                "arn:aws:ecs:us-east-1:123456789012:service/default"
            })
    void rejectsMalformedClusterReferences(String cluster) {
        assertThat(AwsNames.isClusterReference(cluster)).isFalse();
    }
}
