package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatusFilter;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceFilterName;
import software.amazon.awssdk.services.servicediscovery.model.ServiceFilterName;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Every answer the Cloud Map, IAM and STS emulations give through the real SDK clients, successes and errors,
 * checked against AWS's own models (botocore).
 */
class AuxServicesConformanceTest {
    private final EmulatorClock clock = EmulatorClock.manual(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final IamAccount account = new IamAccount("123456789012", clock, new Random(9));
    private final CloudMapDirectory directory =
            new CloudMapDirectory("us-east-1", "123456789012", clock, new Random(9));
    private final AnswerRecorder recorder = new AnswerRecorder();
    private final EcsEmulator emulator = new EcsEmulator(clock);
    private ServiceDiscoveryClient cloudMap;
    private IamClient iam;
    private StsClient sts;

    @BeforeEach
    void start() {
        emulator.register(recorder.wrap(new CloudMapService(directory)));
        emulator.register(recorder.wrap(new IamService(account)));
        emulator.register(recorder.wrap(new StsService(account)));
        var endpoint = emulator.start();
        cloudMap = AwsClients.serviceDiscovery(endpoint);
        iam = AwsClients.iam(endpoint);
        sts = AwsClients.sts(endpoint);
    }

    @AfterEach
    void stop() {
        cloudMap.close();
        iam.close();
        sts.close();
        emulator.close();
        assertThat(emulator.stats().internalErrors()).isEmpty();
    }

    @Test
    void cloudMapAnswersConform() {
        CloudMapDirectory.Namespace dns = directory.createPrivateDnsNamespace("jenkins.local");
        directory.createNamespace("jenkins-http", "HTTP");
        CloudMapDirectory.Service service = directory.createService(dns.id(), "controller", true);
        directory.registerInstance(
                service.id(), "t1", Map.of("AWS_INSTANCE_IPV4", "10.0.0.1", "AWS_INSTANCE_PORT", "80"));

        cloudMap.discoverInstances(r -> r.namespaceName("jenkins.local").serviceName("controller"));
        cloudMap.discoverInstances(r -> r.namespaceName("jenkins.local")
                .serviceName("controller")
                .healthStatus(HealthStatusFilter.ALL)
                .queryParameters(Map.of("AWS_INSTANCE_PORT", "80")));
        cloudMap.listNamespaces();
        cloudMap.listNamespaces(r ->
                r.maxResults(1).filters(f -> f.name(NamespaceFilterName.NAME).values("jenkins.local")));
        cloudMap.listServices(
                r -> r.filters(f -> f.name(ServiceFilterName.NAMESPACE_ID).values(dns.id())));
        cloudMap.getNamespace(r -> r.id(dns.id()));
        cloudMap.getService(r -> r.id(service.id()));
        cloudMap.registerInstance(
                r -> r.serviceId(service.id()).instanceId("t2").attributes(Map.of("AWS_INSTANCE_IPV4", "10.0.0.2")));
        errors(
                () -> cloudMap.discoverInstances(r -> r.namespaceName("nope").serviceName("controller")),
                () -> cloudMap.discoverInstances(
                        r -> r.namespaceName("jenkins.local").serviceName("nope")),
                () -> cloudMap.discoverInstances(r -> r.namespaceName("jenkins.local")
                        .serviceName("controller")
                        .maxResults(0)),
                () -> cloudMap.getNamespace(r -> r.id("ns-nope")),
                () -> cloudMap.getService(r -> r.id("srv-nope")));

        recorder.assertAllConform(BotocoreConformance.load());
        assertThat(recorder.operations())
                .contains(
                        "servicediscovery:DiscoverInstances",
                        "servicediscovery:ListNamespaces",
                        "servicediscovery:ListServices",
                        "servicediscovery:GetNamespace",
                        "servicediscovery:GetService",
                        "servicediscovery:RegisterInstance");
    }

    @Test
    void iamAndStsAnswersConform() {
        IamRole role = account.createRole("jenkins-controller", "/service/", IamServiceTest.TRUST_EC2);
        account.putRolePolicy("jenkins-controller", "ecs-agents", IamServiceTest.CONTROLLER_POLICY);
        account.createRole("agents", "/", """
                {"Statement": {"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "sts:AssumeRole"}}""");

        iam.getRole(r -> r.roleName("jenkins-controller"));
        iam.simulatePrincipalPolicy(r -> r.policySourceArn(role.arn()).actionNames("ecs:RunTask", "ecs:DeleteCluster"));
        iam.simulatePrincipalPolicy(r -> r.policySourceArn(role.arn())
                .actionNames("ecs:RunTask")
                .resourceArns("arn:aws:ecs:us-east-1:123456789012:task-definition/jenkins-agent:1")
                .contextEntries(c -> c.contextKeyName("ecs:cluster").contextKeyValues(IamServiceTest.CLUSTER))
                .maxItems(1));
        sts.getCallerIdentity();
        sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/agents").roleSessionName("s1"));
        errors(
                () -> iam.getRole(r -> r.roleName("ghost")),
                () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:sts::123456789012:assumed-role/a/b")
                        .actionNames("ecs:RunTask")),
                () -> sts.assumeRole(
                        r -> r.roleArn("arn:aws:iam::123456789012:role/ghost").roleSessionName("s1")),
                () -> sts.assumeRole(
                        r -> r.roleArn("arn:aws:iam::123456789012:role/agents").roleSessionName("s")));

        recorder.assertAllConform(BotocoreConformance.load());
        assertThat(recorder.operations())
                .contains("iam:GetRole", "iam:SimulatePrincipalPolicy", "sts:GetCallerIdentity", "sts:AssumeRole");
    }

    private static void errors(Runnable... calls) {
        for (Runnable call : calls) {
            assertThat(catchThrowable(call::run)).as("an error answer").isNotNull();
        }
    }
}
