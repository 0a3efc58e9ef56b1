package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;

/** IAM through the real IamClient (region aws-global) against the emulator's HTTP server. */
class IamServiceTest {
    static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/agents";
    static final String TRUST_EC2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String TRUST_TASKS = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}";
    static final String CONTROLLER_POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Run", "Effect": "Allow", "Action": "ecs:RunTask",
               "Resource": "arn:aws:ecs:us-east-1:123456789012:task-definition/jenkins-*:*",
               "Condition": {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/agents"}}},
              {"Sid": "Describe", "Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"},
              {"Sid": "List", "Effect": "Allow", "Action": "ecs:ListTasks", "Resource": "*",
               "Condition": {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/agents"}}},
              {"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole",
               "Resource": "arn:aws:iam::123456789012:role/agent-task",
               "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
              {"Sid": "NoDelete", "Effect": "Deny", "Action": "ecs:Delete*", "Resource": "*"}
            ]}""";

    private final EmulatorClock clock = EmulatorClock.manual();
    private final IamAccount account = new IamAccount("123456789012", clock, new Random(3));
    private final EcsEmulator emulator = new EcsEmulator(clock);
    private IamClient iam;
    private IamRole controller;

    @BeforeEach
    void start() {
        emulator.register(new IamService(account));
        iam = AwsClients.iam(emulator.start());
        controller = account.createRole("jenkins-controller", "/service/", TRUST_EC2);
        account.putRolePolicy("jenkins-controller", "ecs-agents", CONTROLLER_POLICY);
        account.putRolePolicy(
                "jenkins-controller",
                "deletes",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ecs:DeleteCluster\",\"Resource\":\"*\"}}");
        account.createRole("agent-task", "/", TRUST_TASKS);
    }

    @AfterEach
    void stop() {
        iam.close();
        emulator.close();
        assertThat(emulator.stats().internalErrors()).isEmpty();
    }

    @Test
    void getRoleSendsTheTrustPolicyUrlEncoded() {
        Role role = iam.getRole(r -> r.roleName("jenkins-controller")).role();

        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/service/jenkins-controller");
        assertThat(role.path()).isEqualTo("/service/");
        assertThat(role.roleId()).startsWith("AROA").hasSize(21);
        assertThat(role.createDate()).isEqualTo(clock.instant());
        assertThat(role.maxSessionDuration()).isEqualTo(3600);
        assertThat(role.assumeRolePolicyDocument())
                .startsWith("%7B%22Version%22")
                .doesNotContain(" ", "+");
        assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .isEqualTo(TRUST_EC2);
    }

    @Test
    void unknownRoleIsNoSuchEntity404() {
        assertThatThrownBy(() -> iam.getRole(r -> r.roleName("ghost")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The role with name ghost cannot be found.");
                });
    }

    @Test
    void conditionKeyNotSuppliedIsReportedMissingAndDenies() {
        EvaluationResult result = simulate(r -> r.actionNames("ecs:ListTasks")).get(0);

        assertThat(result.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(result.evalResourceName()).isEqualTo("*");
        assertThat(result.missingContextValues()).contains("ecs:cluster");
    }

    @Test
    void resourceSpecificSimulationWithTheClusterContextIsAllowed() {
        String taskDefinition = "arn:aws:ecs:us-east-1:123456789012:task-definition/jenkins-agent:3";

        EvaluationResult result = simulate(r -> r.actionNames("ecs:RunTask")
                        .resourceArns(taskDefinition)
                        .contextEntries(c -> c.contextKeyName("ecs:cluster")
                                .contextKeyType(ContextKeyTypeEnum.STRING)
                                .contextKeyValues(CLUSTER)))
                .get(0);

        assertThat(result.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(result.evalResourceName()).isEqualTo(taskDefinition);
        assertThat(result.matchedStatements())
                .extracting(s -> s.sourcePolicyId())
                .containsExactly("ecs-agents");
        assertThat(result.resourceSpecificResults()).singleElement().satisfies(specific -> {
            assertThat(specific.evalResourceName()).isEqualTo(taskDefinition);
            assertThat(specific.evalResourceDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
            assertThat(specific.missingContextValues()).isEmpty();
        });
    }

    @Test
    void wrongClusterOrTaskDefinitionFamilyIsImplicitlyDenied() {
        assertThat(decisions(
                        "ecs:RunTask",
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/other:1",
                        "ecs:cluster",
                        CLUSTER))
                .containsExactly(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(decisions(
                        "ecs:RunTask",
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/jenkins-agent:1",
                        "ecs:cluster",
                        "arn:aws:ecs:us-east-1:123456789012:cluster/other"))
                .containsExactly(PolicyEvaluationDecisionType.IMPLICIT_DENY);
    }

    @Test
    void explicitDenyWinsOverAllow() {
        assertThat(decisions("ecs:DeleteCluster", CLUSTER, "ecs:cluster", CLUSTER))
                .containsExactly(PolicyEvaluationDecisionType.EXPLICIT_DENY);
        assertThat(decisions("ecs:DescribeTasks", CLUSTER, "ecs:cluster", CLUSTER))
                .containsExactly(PolicyEvaluationDecisionType.ALLOWED);
    }

    @Test
    void passRoleIsCheckedWithPassedToService() {
        String agentRole = "arn:aws:iam::123456789012:role/agent-task";
        assertThat(decisions("iam:PassRole", agentRole, "iam:PassedToService", "ecs-tasks.amazonaws.com"))
                .containsExactly(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(decisions("iam:PassRole", agentRole, "iam:PassedToService", "lambda.amazonaws.com"))
                .containsExactly(PolicyEvaluationDecisionType.IMPLICIT_DENY);
    }

    @Test
    void oneResultPerActionAndResource() {
        List<EvaluationResult> results = simulate(r -> r.actionNames("ecs:DescribeTasks", "ecs:ListTasks")
                .contextEntries(c -> c.contextKeyName("ecs:cluster").contextKeyValues(CLUSTER))
                .resourceArns(
                        "arn:aws:ecs:us-east-1:123456789012:task/agents/a",
                        "arn:aws:ecs:us-east-1:123456789012:task/agents/b"));

        assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r.evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.ALLOWED));
    }

    @Test
    void sessionArnIsNotAValidPolicySource() {
        assertThatThrownBy(() -> iam.simulatePrincipalPolicy(
                        r -> r.policySourceArn("arn:aws:sts::123456789012:assumed-role/jenkins-controller/i-0abc")
                                .actionNames("ecs:RunTask")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Invalid Entity Arn");
                });
    }

    @Test
    void roleArnWithoutItsPathIsNoSuchEntity() {
        assertThatThrownBy(() -> iam.simulatePrincipalPolicy(
                        r -> r.policySourceArn("arn:aws:iam::123456789012:role/jenkins-controller")
                                .actionNames("ecs:RunTask")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void pagesResultsWithMarker() {
        List<EvaluationResult> all = iam
                .simulatePrincipalPolicyPaginator(r -> r.policySourceArn(controller.arn())
                        .actionNames("ecs:DescribeTasks", "ecs:ListTasks", "ecs:StopTask")
                        .maxItems(2))
                .evaluationResults()
                .stream()
                .toList();

        assertThat(all)
                .extracting(EvaluationResult::evalActionName)
                .containsExactly("ecs:DescribeTasks", "ecs:ListTasks", "ecs:StopTask");
        assertThat(emulator.stats().calls("iam:SimulatePrincipalPolicy")).isEqualTo(2);
    }

    private List<PolicyEvaluationDecisionType> decisions(String action, String resource, String key, String value) {
        return simulate(r -> r.actionNames(action).resourceArns(resource).contextEntries(c -> c.contextKeyName(key)
                        .contextKeyType(ContextKeyTypeEnum.STRING)
                        .contextKeyValues(value)))
                .stream()
                .map(EvaluationResult::evalDecision)
                .toList();
    }

    private List<EvaluationResult> simulate(
            java.util.function.Consumer<SimulatePrincipalPolicyRequest.Builder> request) {
        return iam.simulatePrincipalPolicy(r -> {
                    r.policySourceArn(controller.arn());
                    request.accept(r);
                })
                .evaluationResults();
    }
}
