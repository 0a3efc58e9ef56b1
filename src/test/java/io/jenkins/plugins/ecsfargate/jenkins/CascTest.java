package io.jenkins.plugins.ecsfargate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Describable;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecValidator;
import io.jenkins.plugins.ecsfargate.jenkins.config.AwsLogs;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.CloudMapConnection;
import io.jenkins.plugins.ecsfargate.jenkins.config.EnvironmentVariable;
import io.jenkins.plugins.ecsfargate.jenkins.config.IdleRetention;
import io.jenkins.plugins.ecsfargate.jenkins.config.OneShotRetention;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import io.jenkins.plugins.ecsfargate.jenkins.config.ResourceTag;
import io.jenkins.plugins.ecsfargate.jenkins.config.SidecarContainer;
import io.jenkins.plugins.ecsfargate.jenkins.config.TaskSecret;
import io.jenkins.plugins.ecsfargate.jenkins.config.TunnelConnection;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Configuration as Code: objects built from the example YAML the way JCasC binds them hold the seed setup, every
 * key maps to a bound property or a symbol, and export then import gives the same configuration back.
 */
class CascTest {
    private static final Path EXAMPLE = Path.of("examples/casc/jenkins.yaml");

    private final CascBinder binder = new CascBinder(describables());

    @Test
    void theExampleBuildsTheSeedSetup() throws IOException {
        EcsCloud cloud = (EcsCloud) binder.build(EcsCloud.class, exampleCloud());

        assertThat(cloud.name).isEqualTo("ecs-cloud");
        assertThat(cloud.getRegion()).isEqualTo("us-east-1");
        assertThat(cloud.getCluster()).isEqualTo("default-cluster");
        assertThat(cloud.getCredentialsId()).isNull();
        assertThat(cloud.getConnection()).isEqualTo(new TunnelConnection("jenkins.jenkins-for-ecs-with-agents:50000"));
        EcsAgentTemplate template = cloud.getTemplates().get(0);
        assertThat(cloud.getTemplates()).hasSize(1);
        assertThat(template.getName()).isEqualTo("jenkins-agent");
        assertThat(template.getLabelString()).isEqualTo("ecs");
        assertThat(template.getImage()).isEqualTo("jenkins/inbound-agent:alpine");
        assertThat(template.getCapacity()).isEqualTo(Capacity.FARGATE);
        assertThat(template.getCpu()).isEqualTo(1024);
        assertThat(template.getMemory()).isEqualTo(2048);
        assertThat(template.subnetList()).hasSize(2).allMatch(s -> s.startsWith("subnet-"));
        assertThat(template.securityGroupList()).singleElement().asString().startsWith("sg-");
        assertThat(template.getExecutionRoleArn())
                .startsWith("arn:aws:iam::")
                .endsWith(":role/jenkins-agent-execution");
        AwsLogs logs = template.getLogs();
        assertThat(logs.getGroup()).isEqualTo(SeedCloud.LOG_GROUP);
        assertThat(logs.getRegion()).isEqualTo("us-east-1");
        assertThat(logs.getStreamPrefix()).isEqualTo("jenkins-agent");
        assertThat(template.getRetention()).isEqualTo(new OneShotRetention());
        assertThat(TemplateSpecs.taskDefinition(cloud, template))
                .isEqualTo(TemplateSpecs.taskDefinition(SeedCloud.cloud(), SeedCloud.template()));
    }

    @Test
    void everyKeyOfTheExampleIsExportedBackWithItsValue() throws IOException {
        Map<String, Object> yaml = exampleCloud();
        Object exported = binder.export(EcsCloud.class, binder.build(EcsCloud.class, yaml));

        assertContains(exported, yaml, "ecsFargate");
    }

    @Test
    void theExampleNamesTheCloudBySymbol() throws IOException {
        Map<String, Object> root = example();
        List<?> clouds = (List<?>) ((Map<?, ?>) root.get("jenkins")).get("clouds");
        Map<?, ?> entry = (Map<?, ?>) clouds.get(0);
        assertThat(new ArrayList<Object>(entry.keySet())).containsExactly(CascBinder.symbolOf(EcsCloud.class));
    }

    @Test
    void aFullyConfiguredCloudRoundTrips() {
        EcsCloud cloud = fullCloud();

        Object exported = binder.export(EcsCloud.class, cloud);
        EcsCloud imported = (EcsCloud) binder.build(EcsCloud.class, exported);

        assertThat(binder.export(EcsCloud.class, imported)).isEqualTo(exported);
        assertThat(TemplateSpecs.taskDefinition(
                        imported, imported.getTemplates().get(0)))
                .isEqualTo(
                        TemplateSpecs.taskDefinition(cloud, cloud.getTemplates().get(0)));
        assertThat(imported.getConnection()).isEqualTo(cloud.getConnection());
        assertThat(imported.getTemplates().get(1).getRetention()).isEqualTo(new IdleRetention(15));
        EcsAgentTemplate windows = imported.getTemplates().get(2);
        assertThat(windows.getOperatingSystem()).isEqualTo(OperatingSystem.WINDOWS_SERVER_2019_FULL);
        assertThat(windows.getImage()).isEqualTo(OperatingSystem.WINDOWS_SERVER_2019_FULL.defaultImage());
        assertThat(TemplateSpecs.taskDefinition(imported, windows))
                .isEqualTo(
                        TemplateSpecs.taskDefinition(cloud, cloud.getTemplates().get(2)));
    }

    @Test
    void theWindowsTemplateOfTheDocsBindsToAValidWindowsTemplate() throws IOException {
        String doc = Files.readString(Path.of("docs/connection-and-capacity.md"));
        String section = doc.substring(doc.indexOf("## Windows agents"));
        String block = section.substring(section.indexOf("```yaml") + "```yaml".length(), section.indexOf("```\n", 8));
        List<Object> templates = new Yaml().load(block);

        EcsAgentTemplate template = (EcsAgentTemplate) binder.build(EcsAgentTemplate.class, templates.get(0));

        assertThat(template.getOperatingSystem()).isEqualTo(OperatingSystem.WINDOWS_SERVER_2022_CORE);
        assertThat(template.getRetention()).isEqualTo(new IdleRetention(15));
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setTemplates(List.of(template));
        assertThat(SpecValidator.validate(TemplateSpecs.taskDefinition(cloud, template)))
                .isEmpty();
        assertThat(TemplateSpecs.launchProblems(cloud)).isEmpty();
    }

    @Test
    void everyConfigurableClassIsReachableFromTheCloud() {
        Set<Class<?>> reached = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        collect(EcsCloud.class, reached);
        assertThat(reached).containsExactlyInAnyOrderElementsOf(describables());
    }

    @Test
    void unknownKeysAndSymbolsAreRefused() {
        assertThatThrownBy(() -> binder.build(EcsCloud.class, Map.of("name", "c", "regionn", "us-east-1")))
                .hasMessageContaining("regionn");
        assertThatThrownBy(() -> binder.build(EcsCloud.class, Map.of("name", "c", "connection", "websocket")))
                .hasMessageContaining("websocket");
    }

    @Test
    void everySymbolIsUniqueWithinItsKind() {
        List<String> symbols = describables().stream().map(CascBinder::symbolOf).toList();
        assertThat(symbols).doesNotHaveDuplicates();
        for (Class<?> type : describables()) {
            assertThat(CascBinder.symbolOf(type)).matches("[a-z][A-Za-z]+");
        }
    }

    static List<Class<?>> describables() {
        try {
            return ViewContractTest.configurableClasses().stream()
                    .filter(Describable.class::isAssignableFrom)
                    .filter(c -> java.util.Arrays.stream(c.getDeclaredClasses())
                            .anyMatch(n -> n.isAnnotationPresent(Symbol.class)))
                    .collect(Collectors.toList());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void collect(Class<?> type, Set<Class<?>> reached) {
        if (!reached.add(type)) {
            return;
        }
        for (String property : BoundProperties.of(type)) {
            java.lang.reflect.Type declared = java.util.Arrays.stream(type.getMethods())
                    .filter(m -> m.getParameterCount() == 0)
                    .filter(m -> m.getName().equalsIgnoreCase("get" + property)
                            || m.getName().equalsIgnoreCase("is" + property))
                    .findFirst()
                    .orElseThrow()
                    .getGenericReturnType();
            Class<?> raw = declared instanceof java.lang.reflect.ParameterizedType p
                    ? (Class<?>) p.getActualTypeArguments()[0]
                    : (Class<?>) declared;
            for (Class<?> candidate : describables()) {
                if (raw.isAssignableFrom(candidate)) {
                    collect(candidate, reached);
                }
            }
        }
    }

    private static void assertContains(Object exported, Object yaml, String path) {
        if (yaml instanceof Map<?, ?> map) {
            assertThat(exported).as(path).isInstanceOf(Map.class);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Map<?, ?> actual = (Map<?, ?>) exported;
                assertThat(actual.containsKey(entry.getKey()))
                        .as(path + "." + entry.getKey())
                        .isTrue();
                assertContains(actual.get(entry.getKey()), entry.getValue(), path + "." + entry.getKey());
            }
        } else if (yaml instanceof List<?> list) {
            assertThat(exported).as(path).isInstanceOf(List.class);
            List<?> actual = (List<?>) exported;
            assertThat(actual).as(path).hasSameSizeAs(list);
            for (int i = 0; i < list.size(); i++) {
                assertContains(actual.get(i), list.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(exported).as(path).isEqualTo(yaml);
        }
    }

    private static Map<String, Object> example() throws IOException {
        try (InputStream in = Files.newInputStream(EXAMPLE)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exampleCloud() throws IOException {
        List<Map<String, Object>> clouds =
                (List<Map<String, Object>>) ((Map<String, Object>) example().get("jenkins")).get("clouds");
        return (Map<String, Object>) clouds.get(0).get(CascBinder.symbolOf(EcsCloud.class));
    }

    private static EcsCloud fullCloud() {
        EcsCloud cloud = SeedCloud.cloud();
        cloud.setCredentialsId("aws-key");
        cloud.setRoleArn("arn:aws:iam::210987654321:role/agents");
        cloud.setExternalId("ext-1");
        cloud.setEndpoint("https://ecs.vpce.example.com");
        cloud.setJenkinsUrl("https://jenkins.internal/");
        CloudMapConnection cloudMap = new CloudMapConnection("jenkins-for-ecs-with-agents", "jenkins");
        cloudMap.setPort(50000);
        cloud.setConnection(cloudMap);
        cloud.setMaxAgents(20);
        cloud.setMaxVcpus(40);
        EcsAgentTemplate full = SeedCloud.template();
        full.setEnvironment(List.of(new EnvironmentVariable("JAVA_OPTS", "-Xmx1g")));
        full.setSecrets(List.of(new TaskSecret("TOKEN", "arn:aws:ssm:us-east-1:123456789012:parameter/token")));
        full.setTags(List.of(new ResourceTag("team", "ci")));
        SidecarContainer sidecar = new SidecarContainer("postgres", "postgres:16");
        sidecar.setEssential(true);
        sidecar.setEnvironment(List.of(new EnvironmentVariable("POSTGRES_PASSWORD", "test")));
        full.setSidecars(List.of(sidecar));
        full.setAssignPublicIp(true);
        full.setTaskRoleArn("arn:aws:iam::123456789012:role/build");
        full.setPlatformVersion("1.4.0");
        full.setContainerUser("1000");
        full.setInitProcessEnabled(true);
        full.setEnableExecuteCommand(true);
        full.setMaxAgents(5);
        full.setStartTimeoutSeconds(600);
        full.setConnectTimeoutSeconds(60);
        full.setNumExecutors(2);
        full.setEphemeralStorageGiB(40);
        EcsAgentTemplate idle = new EcsAgentTemplate("idle");
        idle.setRetention(new IdleRetention(15));
        idle.setCapacity(Capacity.SPOT_WITH_FALLBACK);
        EcsAgentTemplate windows = new EcsAgentTemplate("windows");
        windows.setOperatingSystem(OperatingSystem.WINDOWS_SERVER_2019_FULL);
        windows.setLabelString("windows");
        windows.setCpu(2048);
        windows.setMemory(4096);
        windows.setPlatformVersion("1.0.0");
        List<EcsAgentTemplate> templates = new ArrayList<>(List.of(full, idle, windows));
        cloud.setTemplates(templates);
        return cloud;
    }
}
