package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.ServiceDiscoveryException;

/**
 * IAM, STS and Cloud Map served next to ECS by the JUnit extension, as engine tests use them; and read by the AWS
 * CLI (botocore, an independent client with its own parsers), which is on every build machine because the
 * conformance checker needs its models: a missing CLI fails.
 */
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

    @Test
    void discoverInstancesIsThrottledAtCloudMapsDocumentedRate() {
        CloudMapDirectory.Namespace namespace = account.cloudMap().createPrivateDnsNamespace("jenkins.local");
        account.cloudMap().createService(namespace.id(), "controller");
        TokenBucket bucket = aws.emulator().rateLimits().bucket(AccountServices.DISCOVER_INSTANCES_BUCKET);
        assertThat(bucket.available()).isEqualTo(2000);
        bucket.drain();

        try (ServiceDiscoveryClient noRetries =
                AwsClients.serviceDiscovery(aws.endpoint(), o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))) {
            assertThatThrownBy(() -> noRetries.discoverInstances(
                            r -> r.namespaceName("jenkins.local").serviceName("controller")))
                    .isInstanceOfSatisfying(ServiceDiscoveryException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
                        assertThat(e.isThrottlingException()).isTrue();
                    });
            aws.clock().advance(Duration.ofMillis(10));
            assertThat(noRetries
                            .discoverInstances(
                                    r -> r.namespaceName("jenkins.local").serviceName("controller"))
                            .instances())
                    .isEmpty();
        }
    }

    @Test
    void theAwsCliParsesIamStsAndCloudMapAnswers() throws Exception {
        account.iam().createRole("jenkins-controller", "/service/", IamServiceTest.TRUST_EC2);
        account.cloudMap().createPrivateDnsNamespace("jenkins.local");

        JsonNode identity = cli("sts", "get-caller-identity");
        JsonNode role = cli("iam", "get-role", "--role-name", "jenkins-controller");
        JsonNode namespaces = cli("servicediscovery", "list-namespaces");

        assertThat(identity.path("Account").asText()).isEqualTo("123456789012");
        assertThat(role.path("Role").path("Arn").asText())
                .isEqualTo("arn:aws:iam::123456789012:role/service/jenkins-controller");
        assertThat(role.path("Role")
                        .path("AssumeRolePolicyDocument")
                        .path("Statement")
                        .isArray())
                .as("botocore decodes the URL-encoded trust policy into JSON")
                .isTrue();
        assertThat(namespaces.path("Namespaces").get(0).path("Name").asText()).isEqualTo("jenkins.local");
    }

    private JsonNode cli(String... command) throws IOException, InterruptedException {
        List<String> args =
                new ArrayList<>(List.of("aws", "--endpoint-url", aws.endpoint().toString(), "--output", "json"));
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "AKIAEMULATOR0000TEST");
        env.put("AWS_SECRET_ACCESS_KEY", "emulator-secret");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process = builder.start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("aws " + String.join(" ", command) + " finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("aws " + String.join(" ", command) + ": " + out)
                .isZero();
        return Json.MAPPER.readTree(out);
    }
}
