package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The checker itself: it finds AWS's models, accepts what AWS sends and names every departure from the model. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotocoreConformanceTest {
    private final BotocoreConformance conformance = BotocoreConformance.load();

    @Test
    void findsTheModelsOfEveryServiceTheEmulatorSpeaks() {
        for (String service : new String[] {"ecs", "servicediscovery", "iam", "sts"}) {
            assertThat(conformance.models().service(service).operationNames()).isNotEmpty();
        }
        assertThat(conformance.models().service("ecs").protocol()).isEqualTo("json");
        assertThat(conformance.models().service("iam").protocol()).isEqualTo("query");
    }

    @Test
    void aMissingModelDirectoryFailsInsteadOfSkipping(@TempDir Path empty) {
        assertThatThrownBy(() -> BotocoreModels.at(empty.resolve("nothing")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Not a botocore data directory");
        assertThatThrownBy(() -> BotocoreModels.at(empty).service("ecs"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ecs");
    }

    @Test
    void acceptsAJsonAnswerShapedAsAwsSendsIt() {
        assertThat(conformance.violations(
                        "ecs",
                        "DescribeTasks",
                        "{\"tasks\":[{\"taskArn\":\"arn:aws:ecs:us-east-1:1:task/c/t\",\"lastStatus\":\"RUNNING\","
                                + "\"launchType\":\"FARGATE\",\"createdAt\":1738614393.277,\"cpu\":\"256\","
                                + "\"containers\":[{\"name\":\"agent\",\"exitCode\":0}],"
                                + "\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}],\"failures\":[]}"))
                .isEmpty();
    }

    @Test
    void namesUnknownMembersWrongTypesAndBadEnumValues() {
        assertThat(conformance.violations(
                        "ecs",
                        "DescribeTasks",
                        "{\"tasks\":[{\"taskArn\":1,\"launchType\":\"EC3\",\"createdAt\":\"2026-01-01T00:00:00Z\","
                                + "\"containers\":[{\"exitCode\":1.5}],\"madeUp\":true}],\"failures\":{}}"))
                .anySatisfy(v -> assertThat(v).startsWith("$.tasks[0].taskArn: expected a string"))
                .anySatisfy(v -> assertThat(v).contains("'EC3' is not in enum"))
                .anySatisfy(
                        v -> assertThat(v).startsWith("$.tasks[0].createdAt: expected a timestamp as epoch seconds"))
                .anySatisfy(v -> assertThat(v).startsWith("$.tasks[0].containers[0].exitCode: 1.5 is not an integral"))
                .anySatisfy(v -> assertThat(v).startsWith("$.tasks[0].madeUp: not a member of Task"))
                .anySatisfy(v -> assertThat(v).startsWith("$.failures: expected an array"));
    }

    @Test
    void namesMissingRequiredMembers() {
        assertThat(conformance.violations("servicediscovery", "ListServices", "{\"Services\":[{\"DnsConfig\":{}}]}"))
                .containsExactly("$.Services[0].DnsConfig.DnsRecords: required by DnsConfig but missing");
        assertThat(conformance.violations("ecs", "TagResource", "{\"unexpected\":1}"))
                .singleElement()
                .asString()
                .contains("not a member");
    }

    @Test
    void checksQueryXmlStructureListsAndScalars() {
        String good = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/a</Arn><UserId>AIDA1</UserId>"
                + "<Account>123456789012</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
        assertThat(conformance.violations("sts", "GetCallerIdentity", good)).isEmpty();

        String bad = "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<SimulatePrincipalPolicyResult><EvaluationResults><item><EvalActionName>a</EvalActionName>"
                + "</item><member><EvalDecision>maybe</EvalDecision><Extra/></member></EvaluationResults>"
                + "<IsTruncated>yes</IsTruncated></SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>";
        assertThat(conformance.violations("iam", "SimulatePrincipalPolicy", bad))
                .anySatisfy(v -> assertThat(v).contains("list items must be <member>"))
                .anySatisfy(v -> assertThat(v).contains("'maybe' is not in enum"))
                .anySatisfy(v -> assertThat(v).contains("/Extra: not a member of EvaluationResult"))
                .anySatisfy(v -> assertThat(v).contains("EvalActionName: required by EvaluationResult"))
                .anySatisfy(v -> assertThat(v).contains("boolean must be true or false"))
                .anySatisfy(v -> assertThat(v).contains("RequestId is missing"));
    }

    @Test
    void checksErrorCodesAndStatusesAgainstTheOperation() {
        assertThat(conformance.errorViolations(
                        "ecs",
                        "RunTask",
                        400,
                        "{\"__type\":\"ClusterNotFoundException\",\"message\":\"Cluster not found.\"}"))
                .isEmpty();
        assertThat(conformance.errorViolations("ecs", "RunTask", 400, "{\"__type\":\"NoSuchThing\",\"message\":\"x\"}"))
                .singleElement()
                .asString()
                .contains("neither declared");
        assertThat(conformance.errorViolations(
                        "ecs", "RunTask", 400, "{\"__type\":\"ServerException\",\"message\":\"x\"}"))
                .singleElement()
                .asString()
                .contains("model says 500");
        assertThat(conformance.errorViolations(
                        "servicediscovery",
                        "DiscoverInstances",
                        400,
                        "{\"__type\":\"InvalidInput\",\"message\":\"x\"}"))
                .singleElement()
                .asString()
                .contains("body member message is not in InvalidInput");
        String noSuchEntity = "<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>m</Message>"
                + "</Error><RequestId>r</RequestId></ErrorResponse>";
        assertThat(conformance.errorViolations("iam", "GetRole", 404, noSuchEntity))
                .isEmpty();
        assertThat(conformance.errorViolations("iam", "GetRole", 400, noSuchEntity))
                .singleElement()
                .asString()
                .contains("model says 404");
    }

    @Test
    void assertConformsFailsWithEveryViolationListed() {
        assertThatThrownBy(() -> conformance.assertConforms("sts", "GetCallerIdentity", "<Nope/>"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("sts:GetCallerIdentity does not conform")
                .hasMessageContaining("<GetCallerIdentityResponse>");
    }
}
