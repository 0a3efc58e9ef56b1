package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emulator's IAM evaluator on its own: wildcards, negations, condition operators and their absent keys. */
class PolicyEvaluatorTest {

    private static PolicyEvaluator.Evaluation evaluate(
            String policy, String action, String resource, Map<String, List<String>> context) {
        List<PolicyEvaluator.SourcedStatement> statements = PolicyStatement.parseDocument(policy).stream()
                .map(s -> new PolicyEvaluator.SourcedStatement("p", s))
                .toList();
        return PolicyEvaluator.evaluate(statements, action, resource, context);
    }

    @Test
    void actionsMatchCaseInsensitivelyWithWildcardsAndResourcesExactly() {
        String policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ECS:describe?asks\","
                + "\"Resource\":\"arn:aws:ecs:*:123456789012:task/agents/*\"}}";

        assertThat(evaluate(policy, "ecs:DescribeTasks", "arn:aws:ecs:eu-west-1:123456789012:task/agents/abc", Map.of())
                        .decision())
                .isEqualTo(PolicyEvaluator.Decision.ALLOWED);
        assertThat(evaluate(policy, "ecs:DescribeTasks", "arn:aws:ecs:eu-west-1:123456789012:TASK/agents/abc", Map.of())
                        .decision())
                .isEqualTo(PolicyEvaluator.Decision.IMPLICIT_DENY);
        assertThat(evaluate(
                                policy,
                                "ecs:DescribeTaskSets",
                                "arn:aws:ecs:eu-west-1:123456789012:task/agents/a",
                                Map.of())
                        .decision())
                .isEqualTo(PolicyEvaluator.Decision.IMPLICIT_DENY);
    }

    @Test
    void notActionAndNotResourceInvertTheMatch() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"ecs:*\",\"NotResource\":\"arn:aws:ecs:*:*:cluster/agents\"}]}";

        assertThat(evaluate(policy, "ecs:ListTasks", "arn:aws:ecs:r:1:cluster/agents", Map.of())
                        .decision())
                .isEqualTo(PolicyEvaluator.Decision.ALLOWED);
        assertThat(evaluate(policy, "ecs:ListTasks", "arn:aws:ecs:r:1:cluster/prod", Map.of())
                        .decision())
                .isEqualTo(PolicyEvaluator.Decision.EXPLICIT_DENY);
        assertThat(evaluate(policy, "iam:PassRole", "*", Map.of()).decision())
                .isEqualTo(PolicyEvaluator.Decision.IMPLICIT_DENY);
    }

    @Test
    void absentKeysFailPositiveConditionsAndAreReported() {
        String policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ecs:RunTask\",\"Resource\":\"*\","
                + "\"Condition\":{\"ArnLike\":{\"ecs:cluster\":\"arn:aws:ecs:*:*:cluster/agents\"},"
                + "\"StringEqualsIfExists\":{\"ecs:capacity-provider\":\"FARGATE_SPOT\"}}}}";

        PolicyEvaluator.Evaluation without = evaluate(policy, "ecs:RunTask", "*", Map.of());
        assertThat(without.decision()).isEqualTo(PolicyEvaluator.Decision.IMPLICIT_DENY);
        assertThat(without.missingContextKeys()).containsExactly("ecs:cluster");

        PolicyEvaluator.Evaluation with = evaluate(
                policy, "ecs:RunTask", "*", Map.of("ECS:Cluster", List.of("arn:aws:ecs:us-east-1:1:cluster/agents")));
        assertThat(with.decision()).isEqualTo(PolicyEvaluator.Decision.ALLOWED);
        assertThat(with.missingContextKeys()).isEmpty();

        assertThat(evaluate(
                                policy,
                                "ecs:RunTask",
                                "*",
                                Map.of(
                                        "ecs:cluster", List.of("arn:aws:ecs:us-east-1:1:cluster/agents"),
                                        "ecs:capacity-provider", List.of("FARGATE")))
                        .decision())
                .isEqualTo(PolicyEvaluator.Decision.IMPLICIT_DENY);
    }

    @Test
    void negatedAndNullOperatorsHoldOnAbsentKeys() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:TagResource\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotEquals\":{\"ecs:CreateAction\":\"CreateCluster\"},"
                + "\"Null\":{\"aws:RequestTag/owner\":\"true\"}}}]}";

        assertThat(evaluate(policy, "ecs:TagResource", "*", Map.of()).decision())
                .isEqualTo(PolicyEvaluator.Decision.ALLOWED);
        assertThat(evaluate(policy, "ecs:TagResource", "*", Map.of("ecs:CreateAction", List.of("CreateCluster")))
                        .decision())
                .isEqualTo(PolicyEvaluator.Decision.IMPLICIT_DENY);
        assertThat(evaluate(policy, "ecs:TagResource", "*", Map.of("aws:RequestTag/owner", List.of("me")))
                        .decision())
                .isEqualTo(PolicyEvaluator.Decision.IMPLICIT_DENY);
    }

    @Test
    void explicitDenyWinsAndIsTheOnlyMatchedStatement() {
        String policy = "{\"Statement\":[{\"Sid\":\"a\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"d\",\"Effect\":\"Deny\",\"Action\":\"ecs:StopTask\",\"Resource\":\"*\"}]}";

        PolicyEvaluator.Evaluation evaluation = evaluate(policy, "ecs:StopTask", "*", Map.of());

        assertThat(evaluation.decision()).isEqualTo(PolicyEvaluator.Decision.EXPLICIT_DENY);
        assertThat(evaluation.matched()).extracting(m -> m.statement().sid()).containsExactly("d");
    }

    @Test
    void unmodelledOperatorsAndEffectsAreRefused() {
        assertThatThrownBy(() -> PolicyStatement.parseDocument("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                        + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IpAddress");
        assertThatThrownBy(() -> PolicyStatement.parseDocument("{\"Statement\":{\"Effect\":\"Maybe\"}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
