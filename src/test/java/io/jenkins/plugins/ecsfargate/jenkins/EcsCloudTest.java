package io.jenkins.plugins.ecsfargate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.slaves.Cloud;
import hudson.util.FormValidation;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcsCloudTest {
    private final EcsCloud.DescriptorImpl descriptor = new EcsCloud.DescriptorImpl();

    @Test
    void isListedAsAmazonEcsFargateWithTheEcsFargateSymbol() {
        assertThat(descriptor.getDisplayName()).isEqualTo("Amazon ECS Fargate");
        assertThat(EcsCloud.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("ecsFargate");
    }

    @Test
    void keepsTrimmedSettingsAndDropsBlankOnes() {
        EcsCloud cloud = new EcsCloud("ecs-cloud");
        cloud.setRegion(" us-east-1 ");
        cloud.setCluster("   ");
        assertThat(cloud.name).isEqualTo("ecs-cloud");
        assertThat(cloud.getRegion()).isEqualTo("us-east-1");
        assertThat(cloud.getCluster()).isNull();
    }

    @Test
    void provisionsNothingWithoutTemplates() {
        EcsCloud cloud = new EcsCloud("ecs-cloud");
        Cloud.CloudState state = new Cloud.CloudState(null, 0);
        assertThat(cloud.canProvision(state)).isFalse();
        assertThat(cloud.provision(state, 3)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs-cloud", "prod.fargate_1"})
    void acceptsUsableCloudNames(String name) {
        assertThat(descriptor.doCheckName(name).kind).isEqualTo(FormValidation.Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ecs cloud", "ecs/cloud"})
    void rejectsCloudNamesThatCannotBecomeAgentNames(String name) {
        assertThat(descriptor.doCheckName(name).kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void checksTheRegionAndNamesTheProblem() {
        assertThat(descriptor.doCheckRegion("eu-west-1").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckRegion("").getMessage()).contains("Region");
        FormValidation bad = descriptor.doCheckRegion("Frankfurt");
        assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(bad.getMessage()).contains("'Frankfurt'").contains("us-east-1");
    }

    @Test
    void checksTheClusterAsNameOrArn() {
        assertThat(descriptor.doCheckCluster("default-cluster").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckCluster("arn:aws:ecs:us-east-1:123456789012:cluster/jenkins").kind)
                .isEqualTo(FormValidation.Kind.OK);
        FormValidation bad = descriptor.doCheckCluster("arn:aws:ecs:us-east-1:123:cluster/x");
        assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(bad.getMessage()).contains("cluster");
        assertThat(descriptor.doCheckCluster(null).kind).isEqualTo(FormValidation.Kind.ERROR);
    }
}
