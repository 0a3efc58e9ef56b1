package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which requests each service accepts, and how each answers an operation it does not have (seam level). */
class AuxServicesRoutingTest {
    private final IamAccount account = new IamAccount();
    private final IamService iam = new IamService(account);
    private final StsService sts = new StsService(account);
    private final CloudMapService cloudMap = new CloudMapService(new CloudMapDirectory());

    private static EmulatorRequest query(String body) {
        return new EmulatorRequest(
                "POST",
                "/",
                Map.of("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static EmulatorRequest json(String target) {
        return new EmulatorRequest(
                "POST",
                "/",
                Map.of("x-amz-target", List.of(target), "content-type", List.of("application/x-amz-json-1.1")),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void queryServicesAcceptByVersionAndJsonServicesByTarget() {
        EmulatorRequest iamCall = query("Action=GetRole&Version=2010-05-08&RoleName=x");
        EmulatorRequest stsCall = query("Action=GetCallerIdentity&Version=2011-06-15");
        EmulatorRequest mapCall = json("Route53AutoNaming_v20170314.ListNamespaces");
        EmulatorRequest ecsCall = json("AmazonEC2ContainerServiceV20141113.RunTask");

        assertThat(List.of(iam.accepts(iamCall), sts.accepts(iamCall), cloudMap.accepts(iamCall)))
                .containsExactly(true, false, false);
        assertThat(List.of(iam.accepts(stsCall), sts.accepts(stsCall), cloudMap.accepts(stsCall)))
                .containsExactly(false, true, false);
        assertThat(List.of(iam.accepts(mapCall), sts.accepts(mapCall), cloudMap.accepts(mapCall)))
                .containsExactly(false, false, true);
        assertThat(List.of(iam.accepts(ecsCall), sts.accepts(ecsCall), cloudMap.accepts(ecsCall)))
                .containsExactly(false, false, false);
        assertThat(iam.operation(iamCall)).isEqualTo("GetRole");
        assertThat(cloudMap.operation(mapCall)).isEqualTo("ListNamespaces");
    }

    @Test
    void unknownOperationsAreAnsweredAsAwsDoes() {
        EmulatorResponse iamAnswer = iam.handle("CreateUser", query("Action=CreateUser&Version=2010-05-08"));
        EmulatorResponse mapAnswer =
                cloudMap.handle("DeleteNamespace", json("Route53AutoNaming_v20170314.DeleteNamespace"));

        assertThat(iamAnswer.status()).isEqualTo(400);
        assertThat(text(iamAnswer)).contains("<Code>InvalidAction</Code>", "<Type>Sender</Type>");
        assertThat(mapAnswer.status()).isEqualTo(400);
        assertThat(text(mapAnswer)).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @Test
    void missingRequiredQueryParametersAreValidationErrors() {
        EmulatorResponse answer = iam.handle("GetRole", query("Action=GetRole&Version=2010-05-08"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(text(answer)).contains("<Code>ValidationError</Code>", "'roleName'");
    }

    @Test
    void queryResultsCarryTheServersRequestId() {
        EmulatorRequest request = query("Action=GetCallerIdentity&Version=2011-06-15");

        assertThat(text(sts.handle("GetCallerIdentity", request)))
                .contains("<RequestId>" + request.requestId() + "</RequestId>");
    }

    private static String text(EmulatorResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
