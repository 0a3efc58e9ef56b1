package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AWS CLI (botocore, an independent client with its own parsers) reading IAM, STS and Cloud Map answers from
 * the emulator. The CLI is on every build machine (the conformance checker needs its models); a missing CLI fails.
 */
class AwsCliCrossCheckTest {
    private AccountServices account;

    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension()
            .configure(emulator ->
                    account = AccountServices.create(emulator.clock()).registerWith(emulator));

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
