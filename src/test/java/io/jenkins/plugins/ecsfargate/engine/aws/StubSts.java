package io.jenkins.plugins.ecsfargate.engine.aws;

import io.jenkins.plugins.ecsfargate.emulator.AwsService;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorRequest;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough STS (AssumeRole over the query protocol) to count how often the engine assumes its role. Sessions
 * expire in real time because the SDK's credential cache reads the system clock.
 */
final class StubSts implements AwsService {
    private final AtomicInteger assumeRoleCalls = new AtomicInteger();
    private volatile Duration sessionLength;
    private volatile String lastBody = "";

    StubSts(Duration sessionLength) {
        this.sessionLength = sessionLength;
    }

    void setSessionLength(Duration length) {
        sessionLength = length;
    }

    int assumeRoleCalls() {
        return assumeRoleCalls.get();
    }

    String lastBody() {
        return URLDecoder.decode(lastBody, StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "sts";
    }

    @Override
    public boolean accepts(EmulatorRequest request) {
        return request.bodyText().contains("Version=2011-06-15");
    }

    @Override
    public String operation(EmulatorRequest request) {
        return request.bodyText().contains("Action=AssumeRole") ? "AssumeRole" : "Other";
    }

    @Override
    public EmulatorResponse handle(String operation, EmulatorRequest request) {
        if (!"AssumeRole".equals(operation)) {
            return error(400, "InvalidAction", "not emulated");
        }
        int n = assumeRoleCalls.incrementAndGet();
        lastBody = request.bodyText();
        Instant expiration = Instant.now().plus(sessionLength).truncatedTo(ChronoUnit.SECONDS);
        return EmulatorResponse.of(
                200,
                "text/xml",
                "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                        + "<Credentials><AccessKeyId>ASIASESSION" + n + "</AccessKeyId>"
                        + "<SecretAccessKey>session-secret</SecretAccessKey><SessionToken>token-" + n
                        + "</SessionToken><Expiration>" + expiration + "</Expiration></Credentials>"
                        + "<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId>"
                        + "<Arn>arn:aws:sts::123456789012:assumed-role/jenkins/s</Arn></AssumedRoleUser>"
                        + "</AssumeRoleResult><ResponseMetadata><RequestId>r-" + n
                        + "</RequestId></ResponseMetadata></AssumeRoleResponse>");
    }

    @Override
    public EmulatorResponse error(int status, String code, String message) {
        return EmulatorResponse.of(
                status,
                "text/xml",
                "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error><RequestId>e</RequestId></ErrorResponse>");
    }
}
