package io.jenkins.plugins.ecsfargate.jenkins.forms;

import io.jenkins.plugins.ecsfargate.emulator.AwsService;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorRequest;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorResponse;

/** STS GetCallerIdentity over the query protocol, answering as one fixed IAM user. */
final class CallerIdentityService implements AwsService {
    private final String account;
    private final String arn;

    CallerIdentityService(String account, String arn) {
        this.account = account;
        this.arn = arn;
    }

    @Override
    public String name() {
        return "sts";
    }

    @Override
    public boolean accepts(EmulatorRequest request) {
        return request.header("x-amz-target") == null && request.bodyText().contains("Action=GetCallerIdentity");
    }

    @Override
    public String operation(EmulatorRequest request) {
        return "GetCallerIdentity";
    }

    @Override
    public EmulatorResponse handle(String operation, EmulatorRequest request) {
        return EmulatorResponse.of(
                200,
                "text/xml",
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<GetCallerIdentityResult><Arn>" + arn + "</Arn><UserId>AIDAEXAMPLE</UserId><Account>"
                        + account + "</Account></GetCallerIdentityResult>"
                        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
    }

    @Override
    public EmulatorResponse error(int status, String code, String message) {
        return EmulatorResponse.of(
                status,
                "text/xml",
                "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error><RequestId>1</RequestId></ErrorResponse>");
    }
}
