package io.jenkins.plugins.ecsfargate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CloudFormation we ship for the AWS side must deploy on the first try and grant no more than the plugin
 * needs: it parses with short-form tags, every reference resolves, cfn-lint accepts it against the current
 * resource specification in every mode, and every IAM action, condition key and resource ARN in it exists in
 * AWS's service reference for that action.
 */
class CloudFormationTemplateTest {
    private static final Path TEMPLATE = Path.of("examples/cloudformation/ecs-fargate-agents.yaml");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of(
            "AWS::AccountId",
            "AWS::NotificationARNs",
            "AWS::NoValue",
            "AWS::Partition",
            "AWS::Region",
            "AWS::StackId",
            "AWS::StackName",
            "AWS::URLSuffix");
    private static final Map<String, String> SAMPLE_ARNS = Map.of(
            "AWS::IAM::Role", "arn:aws:iam::123456789012:role/sample-role",
            "AWS::ServiceDiscovery::PrivateDnsNamespace",
                    "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdef",
            "AWS::ServiceDiscovery::Service", "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abcdef");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private static Map<String, Object> template;
    private static IamReference iam;

    @BeforeAll
    static void load() throws IOException {
        template = CloudFormationYaml.load(TEMPLATE);
        iam = new IamReference(CfnTools.iamData());
    }

    @Test
    void everyReferenceResolves() {
        Set<String> names = new HashSet<>(PSEUDO_PARAMETERS);
        names.addAll(section("Parameters").keySet());
        names.addAll(section("Resources").keySet());
        Set<String> conditions = section("Conditions").keySet();
        List<String> unresolved = new ArrayList<>();
        walk(template, (key, value) -> {
            switch (key) {
                case "Ref" -> {
                    if (!names.contains((String) value)) {
                        unresolved.add("Ref " + value);
                    }
                }
                case "Fn::GetAtt" -> {
                    String resource = (String) ((List<?>) value).get(0);
                    if (!section("Resources").containsKey(resource)) {
                        unresolved.add("GetAtt " + resource);
                    }
                }
                case "Condition" -> {
                    if (value instanceof String c && !conditions.contains(c)) {
                        unresolved.add("Condition " + c);
                    }
                }
                case "Fn::If" -> {
                    String c = (String) ((List<?>) value).get(0);
                    if (!conditions.contains(c)) {
                        unresolved.add("If " + c);
                    }
                }
                case "Fn::Sub" -> unresolved.addAll(unresolvedSubVariables(value, names));
                default -> {}
            }
        });
        assertThat(unresolved).isEmpty();
    }

    @ParameterizedTest(name = "ConnectionMode={0}, CreateAgentTaskRole={1}")
    @CsvSource({"WebSocket,false", "WebSocket,true", "TCP,false", "TCP,true"})
    void cfnLintAcceptsTheTemplateInEveryMode(String mode, String taskRole) throws Exception {
        Process lint = new ProcessBuilder(
                        "node",
                        CfnTools.cfnLint().toString(),
                        "validate",
                        TEMPLATE.toString(),
                        "--parameters",
                        "ConnectionMode=" + mode + ",CreateAgentTaskRole=" + taskRole)
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
        assertThat(output).contains("Template valid!").contains("0 crit").contains("0 warn");
    }

    @Test
    void cfnLintRunsAgainstTheCurrentResourceSpecification() throws IOException {
        Path bundled = CfnTools.root().resolve("node_modules/cfn-lint/data/aws_resources_specification.json");
        Path current = CfnTools.root().resolve("node_modules/@aws-cdk/cfnspec/spec/specification.json");
        assertThat(Files.mismatch(bundled, current))
                .as("the build must give cfn-lint the current specification, not the one it bundles")
                .isEqualTo(-1L);
    }

    @Test
    void everyPermissionIsARealActionOnResourcesAndConditionsItSupports() {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> statements = policyStatements();
        assertThat(statements).hasSizeGreaterThan(10);
        for (Map<String, Object> statement : statements) {
            List<String> resources = asList(statement.get("Resource")).stream()
                    .map(CloudFormationTemplateTest::sampleArn)
                    .toList();
            for (String action : strings(statement.get("Action"))) {
                problems.addAll(iam.problems(action, resources, conditionKeys(statement)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void outputsGiveEveryValueTheCloudFormNeeds() {
        assertThat(section("Outputs"))
                .containsKeys(
                        "Region",
                        "ClusterName",
                        "CloudName",
                        "AgentSubnetIds",
                        "AgentSecurityGroupId",
                        "AgentExecutionRoleArn",
                        "AgentTaskRoleArn",
                        "AgentLogGroupName",
                        "AgentLogStreamPrefix",
                        "TunnelAddress",
                        "CloudMapNamespace",
                        "CloudMapService");
    }

    @Test
    void agentSecurityGroupHasNoInboundRuleAndTcpIngressIsConditional() {
        Map<String, Object> group = resource("AgentSecurityGroup");
        assertThat(properties(group)).doesNotContainKey("SecurityGroupIngress");
        Map<String, Object> ingress = resource("ControllerIngressFromAgents");
        assertThat(ingress.get("Condition")).isEqualTo("UseTcp");
        assertThat(properties(ingress).get("SourceSecurityGroupId"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("AgentSecurityGroup", "GroupId")));
    }

    private static List<Map<String, Object>> policyStatements() {
        Map<String, Object> document =
                asMap(properties(resource("ControllerPolicy")).get("PolicyDocument"));
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object statement : asList(document.get("Statement"))) {
            collectBranches(statement, statements);
        }
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static void collectBranches(Object node, List<Map<String, Object>> into) {
        Map<String, Object> map = asMap(node);
        if (map.containsKey("Fn::If")) {
            List<Object> branches = (List<Object>) map.get("Fn::If");
            collectBranches(branches.get(1), into);
            collectBranches(branches.get(2), into);
        } else if (!map.equals(Map.of("Ref", "AWS::NoValue"))) {
            into.add(map);
        }
    }

    private static List<String> conditionKeys(Map<String, Object> statement) {
        List<String> keys = new ArrayList<>();
        Object condition = statement.get("Condition");
        if (condition != null) {
            for (Object operator : asMap(condition).values()) {
                keys.addAll(asMap(operator).keySet());
            }
        }
        return keys;
    }

    private static String sampleArn(Object resource) {
        if (resource instanceof String s) {
            return s;
        }
        Map<String, Object> function = asMap(resource);
        if (function.containsKey("Fn::Sub")) {
            Matcher matcher = SUB_VARIABLE.matcher((String) function.get("Fn::Sub"));
            StringBuilder arn = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(arn, sampleValue(matcher.group(1)));
            }
            matcher.appendTail(arn);
            return arn.toString();
        }
        if (function.containsKey("Fn::GetAtt")) {
            String name = (String) ((List<?>) function.get("Fn::GetAtt")).get(0);
            String type = (String) resource(name).get("Type");
            assertThat(SAMPLE_ARNS).as("sample ARN for %s", type).containsKey(type);
            return SAMPLE_ARNS.get(type);
        }
        throw new AssertionError("unexpected resource expression " + resource);
    }

    private static String sampleValue(String variable) {
        return switch (variable) {
            case "AWS::Partition" -> "aws";
            case "AWS::Region" -> "us-east-1";
            case "AWS::AccountId" -> "123456789012";
            case "AWS::StackName" -> "jenkins-agents";
            default -> {
                Object fallback = asMap(section("Parameters").get(variable)).get("Default");
                yield fallback == null || fallback.toString().isEmpty() ? "sample" : fallback.toString();
            }
        };
    }

    private static List<String> unresolvedSubVariables(Object sub, Set<String> names) {
        String text;
        Set<String> local = new HashSet<>();
        if (sub instanceof List<?> list) {
            text = (String) list.get(0);
            local.addAll(asMap(list.get(1)).keySet());
        } else {
            text = (String) sub;
        }
        List<String> unresolved = new ArrayList<>();
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1);
            String head = variable.contains(".") ? variable.substring(0, variable.indexOf('.')) : variable;
            if (!names.contains(variable) && !names.contains(head) && !local.contains(variable)) {
                unresolved.add("Sub ${" + variable + "}");
            }
        }
        return unresolved;
    }

    private interface Visitor {
        void visit(String key, Object value);
    }

    private static void walk(Object node, Visitor visitor) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                visitor.visit(String.valueOf(entry.getKey()), entry.getValue());
                walk(entry.getValue(), visitor);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, visitor));
        }
    }

    private static Map<String, Object> section(String name) {
        return asMap(template.getOrDefault(name, Map.of()));
    }

    private static Map<String, Object> resource(String name) {
        return asMap(section("Resources").get(name));
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return asMap(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return new LinkedHashMap<>((Map<String, Object>) node);
    }

    private static List<?> asList(Object node) {
        return node instanceof List<?> list ? list : List.of(node);
    }

    private static List<String> strings(Object node) {
        return asList(node).stream().map(String.class::cast).toList();
    }
}
