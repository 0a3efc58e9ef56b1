package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;

class LocalTaskRunnerTest {
    private static final long WAIT_SECONDS = 60;
    private static final Duration TO_RUNNING = Duration.ofSeconds(4);

    @RegisterExtension
    final EcsEmulatorExtension aws =
            new EcsEmulatorExtension().withoutThrottling().withLocalTaskRunner();

    private FakeController controller;
    private EcsClient ecs;

    @BeforeEach
    void setUp() throws IOException {
        controller = new FakeController();
        ecs = aws.ecsClientWithoutRetries();
        aws.ecs().latencies().setAll(Duration.ofSeconds(1));
    }

    @AfterEach
    void tearDown() {
        aws.emulator().close();
        controller.close();
    }

    private LocalTaskRunner runner() {
        return aws.taskRunner().orElseThrow();
    }

    private String register(ContainerDefinition... containers) {
        return ecs.registerTaskDefinition(EcsRequests.taskDefinition("agents")
                        .containerDefinitions(containers)
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private static ContainerDefinition agentContainer(Integer stopTimeout) {
        return ContainerDefinition.builder()
                .name("agent")
                .image("jenkins/inbound-agent:latest-jdk21")
                .essential(true)
                .stopTimeout(stopTimeout)
                .build();
    }

    /** The environment the plugin gives an agent container, for agent {@code name}. */
    private Map<String, String> agentEnvironment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JENKINS_URL", controller.url());
        env.put("JENKINS_SECRET", "secret-of-" + name);
        env.put("JENKINS_AGENT_NAME", name);
        env.put("JENKINS_WEB_SOCKET", "true");
        return env;
    }

    private String run(String definition, Map<String, String> env, String... command) {
        List<KeyValuePair> pairs = new ArrayList<>();
        env.forEach((k, v) -> pairs.add(KeyValuePair.builder().name(k).value(v).build()));
        ContainerOverride.Builder override =
                ContainerOverride.builder().name("agent").environment(pairs);
        if (command.length > 0) {
            override.command(command);
        }
        return ecs.runTask(EcsRequests.runTask(definition)
                        .overrides(o -> o.containerOverrides(override.build()))
                        .build())
                .tasks()
                .get(0)
                .taskArn();
    }

    private Task describe(String taskArn) {
        return ecs.describeTasks(r -> r.cluster("default").tasks(taskArn))
                .tasks()
                .get(0);
    }

    private static Container agentOf(Task task) {
        return task.containers().stream()
                .filter(c -> c.name().equals("agent"))
                .findFirst()
                .orElseThrow();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void runsTheAgentJarWithTheEntrypointsFlagsForWebSocketInItsOwnWorkDirectory() throws Exception {
        String definition = register(agentContainer(null));
        Map<String, String> env = agentEnvironment("agent-ws");
        env.put("JENKINS_AGENT_WORKDIR", "/home/jenkins/agent");
        env.put("REMOTING_OPTS", "-noReconnect -jar-cache '/tmp/jar cache'");
        env.put("JAVA_OPTS", "-Dfake.option=from-java-opts");
        String arn = run(definition, env);

        aws.clock().advance(TO_RUNNING);
        FakeController.AgentReport report = await(controller.started("agent-ws"));

        RunnerTask task = runner().task(arn).orElseThrow();
        assertThat(task.workDir()).startsWith(runner().root()).isNotEqualTo(runner().root());
        assertThat(report.args())
                .containsExactly(
                        "-secret",
                        "secret-of-agent-ws",
                        "-name",
                        "agent-ws",
                        "-url",
                        controller.url(),
                        "-workDir",
                        task.workDir().toString(),
                        "-webSocket",
                        "-noReconnect",
                        "-jar-cache",
                        "/tmp/jar cache");
        assertThat(report.workingDirectory()).isEqualTo(task.workDir());
        assertThat(report.javaOption()).isEqualTo("from-java-opts");
        assertThat(task.command().get(0))
                .isEqualTo(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(describe(arn).lastStatus()).isEqualTo("RUNNING");
    }
}
