package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

/** IAM, STS and Cloud Map served next to ECS by the JUnit extension, as engine tests use them. */
class AccountServicesTest {
    private AccountServices account;

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension()
            .configure(emulator ->
                    account = AccountServices.create(emulator.clock()).registerWith(emulator));

    @Test
    void allFourServicesAnswerOnOneEndpoint() {
        IamRole role = account.iam().createRole("jenkins-controller", "/", IamServiceTest.TRUST_EC2);
        account.iam().putRolePolicy("jenkins-controller", "agents", IamServiceTest.CONTROLLER_POLICY);
        CloudMapDirectory.Namespace namespace = account.cloudMap().createPrivateDnsNamespace("jenkins.local");
        String service =
                account.cloudMap().createService(namespace.id(), "controller").id();
        account.cloudMap().registerInstance(service, "t1", Map.of("AWS_INSTANCE_IPV4", "10.0.0.7"));

        assertThat(aws.stsClient().getCallerIdentity().account()).isEqualTo("123456789012");
        assertThat(aws.iamClient()
                        .simulatePrincipalPolicy(
                                r -> r.policySourceArn(role.arn()).actionNames("ecs:DescribeTasks"))
                        .evaluationResults()
                        .get(0)
                        .evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(aws.serviceDiscoveryClient()
                        .discoverInstances(r -> r.namespaceName("jenkins.local").serviceName("controller"))
                        .instances())
                .singleElement()
                .satisfies(i -> assertThat(i.attributes()).containsEntry("AWS_INSTANCE_IPV4", "10.0.0.7"));
        assertThat(aws.ecsClient().describeClusters(r -> r.clusters("default")).clusters())
                .hasSize(1);
        assertThat(aws.stats().calls("sts:GetCallerIdentity")).isEqualTo(1);
        assertThat(aws.stats().calls("servicediscovery:DiscoverInstances")).isEqualTo(1);
    }
}
