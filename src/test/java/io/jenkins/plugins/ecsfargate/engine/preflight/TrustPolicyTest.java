package io.jenkins.plugins.ecsfargate.engine.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrustPolicyTest {
    private static String encoded(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @Test
    void acceptsTheUsualEcsTasksTrustAsIamReturnsIt() {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}}]}";
        assertThat(TrustPolicy.parse(encoded(json)).trusts("ecs-tasks.amazonaws.com"))
                .isTrue();
    }

    @Test
    void acceptsListsOfServicesAndActionsAndASingleStatementObject() {
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ec2.amazonaws.com\","
                + "\"ecs-tasks.amazonaws.com\"]},\"Action\":[\"sts:TagSession\",\"sts:AssumeRole\"]}}";
        assertThat(TrustPolicy.parse(json).trusts("ecs-tasks.amazonaws.com")).isTrue();
    }

    @Test
    void rejectsOtherPrincipalsDeniesAndOtherActions() {
        String otherService = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String deny = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String otherAction = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:TagSession\"}]}";
        String accountPrincipal = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        for (String json : new String[] {otherService, deny, otherAction, accountPrincipal}) {
            assertThat(TrustPolicy.parse(encoded(json)).trusts("ecs-tasks.amazonaws.com"))
                    .as(json)
                    .isFalse();
        }
    }
}
