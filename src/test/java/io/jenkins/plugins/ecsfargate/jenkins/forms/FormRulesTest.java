package io.jenkins.plugins.ecsfargate.jenkins.forms;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FormRulesTest {
    private static Kind kind(FormValidation validation) {
        return validation.kind;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jenkins-agent", "java_17", "a.b"})
    void acceptsTemplateNames(String name) {
        assertThat(kind(FormRules.resourceName(name, "EcsAgentTemplate.name"))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jenkins agent", "agent/1", "ä"})
    void rejectsTemplateNamesThatCannotBecomeFamilies(String name) {
        FormValidation result = FormRules.resourceName(name, "EcsAgentTemplate.name");
        assertThat(result.kind).isEqualTo(Kind.ERROR);
        assertThat(result.getMessage()).contains("template");
    }

    @ParameterizedTest
    @CsvSource({"256,512", "512,4096", "1024,2048", "1024,8192", "4096,30720", "8192,61440", "16384,122880"})
    void acceptsFargatePairs(String cpu, String memory) {
        assertThat(kind(FormRules.cpu(cpu))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.memory(memory, cpu))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @CsvSource({"256,4096", "1024,1024", "1024,2500", "4096,32768", "8192,20000"})
    void rejectsMemoryThatDoesNotFitTheCpuAndSaysWhatFits(String cpu, String memory) {
        FormValidation result = FormRules.memory(memory, cpu);
        assertThat(result.kind).isEqualTo(Kind.ERROR);
        assertThat(result.getMessage())
                .contains(memory + " MiB")
                .contains(cpu + " CPU units")
                .contains("valid:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "0", "one", "", "2048.0"})
    void rejectsCpuThatIsNotAFargateSize(String cpu) {
        assertThat(kind(FormRules.cpu(cpu))).isEqualTo(Kind.ERROR);
    }

    @Test
    void leavesMemoryAloneWhileTheCpuIsWrongButRejectsNonNumbers() {
        assertThat(kind(FormRules.memory("2048", "1000"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.memory("lots", "1024"))).isEqualTo(Kind.ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"subnet-0a1b2c3d", "subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d, subnet-0a1b2c3e"})
    void acceptsSubnetIds(String subnets) {
        assertThat(kind(FormRules.subnets(subnets))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"sub-0a1b2c3d", "subnet-XYZ", "subnet-0a1b2c3d4", "sg-0a1b2c3d", "subnet-0a1b2c3d;subnet-1"})
    void rejectsWhatIsNotASubnetId(String subnets) {
        assertThat(kind(FormRules.subnets(subnets))).isEqualTo(Kind.ERROR);
    }

    @Test
    void requiresASubnetAndCountsThem() {
        assertThat(kind(FormRules.subnets(" "))).isEqualTo(Kind.ERROR);
        String seventeen = String.join(
                ",",
                java.util.stream.IntStream.range(0, 17)
                        .mapToObj(i -> String.format("subnet-%08x", i))
                        .toList());
        assertThat(FormRules.subnets(seventeen).getMessage()).contains("16");
        assertThat(kind(FormRules.subnets("subnet-0a1b2c3d,subnet-0a1b2c3d"))).isEqualTo(Kind.WARNING);
    }

    @Test
    void checksSecurityGroupIdsAndWarnsWithoutAny() {
        assertThat(kind(FormRules.securityGroups("sg-0123456789abcdef0"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.securityGroups("sg-12345678 sg-87654321"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.securityGroups("subnet-12345678"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.securityGroups("sg-1,sg-2,sg-3,sg-4,sg-5,sg-6")))
                .isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.securityGroups(""))).isEqualTo(Kind.WARNING);
        String six = "sg-00000001,sg-00000002,sg-00000003,sg-00000004,sg-00000005,sg-00000006";
        assertThat(FormRules.securityGroups(six).getMessage()).contains("5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::123456789012:role/jenkins-agent-execution",
                "arn:aws-us-gov:iam::123456789012:role/path/to/role",
                "arn:aws-cn:iam::123456789012:role/a+b=c,d.e@f-g"
            })
    void acceptsRoleArns(String arn) {
        assertThat(kind(FormRules.optionalRoleArn(arn))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jenkins-agent-execution",
                "arn:aws:iam::1234:role/x",
                "arn:aws:iam::123456789012:user/jenkins",
                "arn:aws:sts::123456789012:assumed-role/x/y"
            })
    void rejectsWhatIsNotARoleArn(String arn) {
        FormValidation result = FormRules.optionalRoleArn(arn);
        assertThat(result.kind).isEqualTo(Kind.ERROR);
        assertThat(result.getMessage()).contains(arn);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void optionalRolesMayBeEmpty(String arn) {
        assertThat(kind(FormRules.optionalRoleArn(arn))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jenkins/inbound-agent:alpine",
                "jenkins/inbound-agent:latest-jdk21",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/java:17",
                "jenkins/inbound-agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "localhost:5000/agent"
            })
    void acceptsImageReferences(String image) {
        assertThat(kind(FormRules.image(image))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jenkins/inbound agent", "-image", "image!", "https://hub.docker.com/jenkins"})
    void rejectsWhatIsNotAnImageReference(String image) {
        assertThat(kind(FormRules.image(image))).isEqualTo(Kind.ERROR);
    }

    @Test
    void requiresAnImage() {
        assertThat(FormRules.image(" ").getMessage()).contains("jenkins/inbound-agent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "ecs linux", "java-17 x86_64", "a.b"})
    void acceptsLabelsThatExpressionsCanName(String labels) {
        assertThat(kind(FormRules.labels(labels))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs&&linux", "a|b", "(ecs)", "!ecs", "\"ecs\"", "a<b"})
    void rejectsLabelsHoldingOperators(String labels) {
        assertThat(kind(FormRules.labels(labels))).isEqualTo(Kind.ERROR);
    }

    @Test
    void warnsAboutATemplateWithoutLabels() {
        assertThat(kind(FormRules.labels(""))).isEqualTo(Kind.WARNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "ecs && linux", "!arm64 || (java17 && \"big box\")", "a -> b", "a <-> b"})
    void acceptsLabelExpressions(String expression) {
        assertThat(kind(FormRules.labelExpression(expression))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs &&", "(ecs", "ecs)", "&& ecs", "ecs & linux", "\"open", "a || || b"})
    void rejectsMalformedLabelExpressions(String expression) {
        assertThat(kind(FormRules.labelExpression(expression))).isEqualTo(Kind.ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://jenkins.example.com/", "https://10.0.0.5:8443/jenkins/"})
    void acceptsUrls(String url) {
        assertThat(kind(FormRules.optionalUrl(url, "EcsCloud.jenkinsUrl"))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jenkins.example.com", "ftp://jenkins.example.com/", "https:///path", "http://a b/"})
    void rejectsWhatIsNotAWebUrl(String url) {
        assertThat(kind(FormRules.optionalUrl(url, "EcsCloud.jenkinsUrl"))).isEqualTo(Kind.ERROR);
    }

    @Test
    void warnsAboutPlainHttp() {
        assertThat(kind(FormRules.optionalUrl("http://jenkins:8080/", "EcsCloud.jenkinsUrl")))
                .isEqualTo(Kind.WARNING);
        assertThat(kind(FormRules.optionalUrl("http://127.0.0.1:4566", "EcsCloud.endpoint")))
                .isEqualTo(Kind.WARNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jenkins.jenkins-for-ecs-with-agents:50000", ":50000", "10.0.1.5:1", "[fd00::1]:50000"})
    void acceptsTunnels(String tunnel) {
        assertThat(kind(FormRules.hostPort(tunnel))).isEqualTo(Kind.OK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"jenkins", "jenkins:", "jenkins:0", "jenkins:65536", "jenkins:50000:1", "jen kins:50000", ""})
    void rejectsWhatIsNotHostPort(String tunnel) {
        assertThat(kind(FormRules.hostPort(tunnel))).isEqualTo(Kind.ERROR);
    }

    @Test
    void checksCloudMapNamesAndPorts() {
        assertThat(kind(FormRules.cloudMapName("jenkins-for-ecs-with-agents", "CloudMapConnection.namespace")))
                .isEqualTo(Kind.OK);
        assertThat(kind(FormRules.cloudMapName("jenkins", "CloudMapConnection.service")))
                .isEqualTo(Kind.OK);
        assertThat(kind(FormRules.cloudMapName("bad name", "CloudMapConnection.service")))
                .isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.cloudMapName("", "CloudMapConnection.namespace")))
                .isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.port("0"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.port("50000"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.port("70000"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.port("-1"))).isEqualTo(Kind.ERROR);
    }

    @Test
    void checksNumbersAgainstTheirRange() {
        assertThat(kind(FormRules.intInRange("0", 0, 10, "EcsCloud.maxAgents"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.intInRange("", 0, 10, "EcsCloud.maxAgents"))).isEqualTo(Kind.OK);
        FormValidation tooBig = FormRules.intInRange("11", 0, 10, "EcsCloud.maxAgents");
        assertThat(tooBig.kind).isEqualTo(Kind.ERROR);
        assertThat(tooBig.getMessage()).contains("0").contains("10");
        assertThat(kind(FormRules.intInRange("-1", 0, 10, "EcsCloud.maxAgents")))
                .isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.intInRange("two", 0, 10, "EcsCloud.maxAgents")))
                .isEqualTo(Kind.ERROR);
    }

    @Test
    void checksEphemeralStorageRange() {
        assertThat(kind(FormRules.ephemeralStorage("20"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.ephemeralStorage("200"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.ephemeralStorage("19"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.ephemeralStorage("201"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.ephemeralStorage("big"))).isEqualTo(Kind.ERROR);
    }

    @Test
    void checksEnvironmentNamesAndSecretArns() {
        assertThat(kind(FormRules.environmentName("JAVA_OPTS"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.environmentName("1BAD"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.environmentName("BAD-NAME"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.environmentName(""))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.secretArn("arn:aws:secretsmanager:us-east-1:123456789012:secret:npm-token-AbCdEf")))
                .isEqualTo(Kind.OK);
        assertThat(kind(FormRules.secretArn("arn:aws:ssm:us-east-1:123456789012:parameter/ci/token")))
                .isEqualTo(Kind.OK);
        assertThat(kind(FormRules.secretArn("npm-token"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.secretArn("arn:aws:s3:::bucket/key"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.secretArn(" "))).isEqualTo(Kind.ERROR);
    }

    @Test
    void checksTagsAgainstReservedPrefixesAndLengths() {
        assertThat(kind(FormRules.tagKey("cost-center"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.tagKey("aws:createdBy"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.tagKey("ecs-fargate:cloud"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.tagKey("k".repeat(129)))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.tagKey(""))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.tagValue("team-a"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.tagValue("v".repeat(257)))).isEqualTo(Kind.ERROR);
    }

    @Test
    void checksContainerNamesOfSidecars() {
        assertThat(kind(FormRules.containerName("postgres"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.containerName("agent"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.containerName("my db"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.containerName(""))).isEqualTo(Kind.ERROR);
    }

    @Test
    void checksLogSettings() {
        assertThat(kind(FormRules.logGroup("ECSLogGroup-jenkins-for-ecs-with-agents")))
                .isEqualTo(Kind.OK);
        assertThat(kind(FormRules.logGroup("/ecs/jenkins#agents"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.logGroup("bad group"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.logGroup(""))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.logStreamPrefix("jenkins-agent"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.logStreamPrefix(""))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.logStreamPrefix("a:b"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.logStreamPrefix("a*"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.optionalRegion(""))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.optionalRegion("eu-central-1"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.optionalRegion("Frankfurt"))).isEqualTo(Kind.ERROR);
    }

    @Test
    void checksPlatformVersionWorkDirAndUser() {
        assertThat(kind(FormRules.platformVersion("LATEST"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.platformVersion("1.4.0"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.platformVersion(""))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.platformVersion("latest-ish"))).isEqualTo(Kind.ERROR);
        assertThat(kind(PlatformRules.agentWorkDir("/home/jenkins/agent", "LINUX")))
                .isEqualTo(Kind.OK);
        assertThat(kind(PlatformRules.agentWorkDir("home/jenkins", "LINUX"))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.containerUser("1000:1000"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.containerUser("jenkins"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.containerUser("jenkins user"))).isEqualTo(Kind.ERROR);
    }

    @Test
    void checksExternalIdAndWarnsWithoutRole() {
        assertThat(kind(FormRules.externalId("a1b2c3", "arn:aws:iam::123456789012:role/x")))
                .isEqualTo(Kind.OK);
        assertThat(kind(FormRules.externalId("a1b2c3", ""))).isEqualTo(Kind.WARNING);
        assertThat(kind(FormRules.externalId("x", "arn:aws:iam::123456789012:role/x")))
                .isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.externalId("has space", "arn:aws:iam::123456789012:role/x")))
                .isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.externalId("", ""))).isEqualTo(Kind.OK);
    }

    @Test
    void checksRegionAndCluster() {
        assertThat(kind(FormRules.region("us-east-1"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.region(""))).isEqualTo(Kind.ERROR);
        assertThat(kind(FormRules.cluster("default-cluster"))).isEqualTo(Kind.OK);
        assertThat(kind(FormRules.cluster("default cluster"))).isEqualTo(Kind.ERROR);
    }
}
