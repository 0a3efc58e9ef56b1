package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

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
        return ecs.runTask(EcsRequests.runAgent(definition, env, command))
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

    @Test
    void passesTheTunnelAndTheContainerCommandForTcpAgents() throws Exception {
        String definition = register(agentContainer(null));
        Map<String, String> env = agentEnvironment("agent-tcp");
        env.remove("JENKINS_WEB_SOCKET");
        env.put("JENKINS_TUNNEL", "jenkins.local:50000");
        String arn = run(definition, env, "-noKeepAlive");

        aws.clock().advance(TO_RUNNING);

        assertThat(await(controller.started("agent-tcp")).args())
                .containsExactly(
                        "-secret",
                        "secret-of-agent-tcp",
                        "-name",
                        "agent-tcp",
                        "-tunnel",
                        "jenkins.local:50000",
                        "-url",
                        controller.url(),
                        "-noKeepAlive");
        assertThat(runner().task(arn).orElseThrow().sidecars()).isEmpty();
    }

    @Test
    void runsAWindowsTasksAgentFromTheSameVariablesWithALocalWorkDirectory() throws Exception {
        String definition = ecs.registerTaskDefinition(
                        EcsRequests.windowsTaskDefinition("windows-agents").build())
                .taskDefinition()
                .taskDefinitionArn();
        Map<String, String> env = agentEnvironment("agent-windows");
        env.put("JENKINS_AGENT_WORKDIR", "C:\\Users\\jenkins\\Work");
        String arn = run(definition, env);

        aws.clock().advance(TO_RUNNING);
        FakeController.AgentReport report = await(controller.started("agent-windows"));

        RunnerTask task = runner().task(arn).orElseThrow();
        assertThat(report.args())
                .containsExactly(
                        "-secret",
                        "secret-of-agent-windows",
                        "-name",
                        "agent-windows",
                        "-url",
                        controller.url(),
                        "-workDir",
                        task.workDir().toString(),
                        "-webSocket");
        assertThat(report.workingDirectory()).isEqualTo(task.workDir());
        assertThat(describe(arn).platformFamily()).isEqualTo("WINDOWS_SERVER_2022_CORE");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void theProcessExitStopsTheTaskWithEssentialContainerExitedAndItsExitCode(int exitCode) throws Exception {
        String definition = register(agentContainer(null));
        Map<String, String> env = agentEnvironment("agent-exit");
        env.put("FAKE_AGENT_EXIT", Integer.toString(exitCode));
        String arn = run(definition, env);

        aws.clock().advance(TO_RUNNING);
        RunnerTask task = runner().task(arn).orElseThrow();
        assertThat(await(task.exit())).isEqualTo(exitCode);

        Task exited = describe(arn);
        assertThat(exited.desiredStatus()).isEqualTo("STOPPED");
        assertThat(exited.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        aws.clock().advance(Duration.ofMinutes(1));
        Task stopped = describe(arn);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.executionStoppedAt()).isNotNull();
        assertThat(agentOf(stopped).exitCode()).isEqualTo(exitCode);
        assertThat(agentOf(stopped).lastStatus()).isEqualTo("STOPPED");
        assertThat(Files.readString(task.logFile(), StandardCharsets.UTF_8))
                .contains("fake agent agent-exit is running");
    }

    @Test
    void stopTaskSendsSigtermAndTheTaskStaysStoppingUntilTheProcessHasExited() throws Exception {
        String definition = register(agentContainer(null));
        String arn = run(definition, agentEnvironment("agent-stop"));
        aws.clock().advance(TO_RUNNING);
        await(controller.started("agent-stop"));
        controller.hold("agent-stop");

        ecs.stopTask(r -> r.cluster("default").task(arn));
        await(controller.terminated("agent-stop"));
        aws.clock().advance(Duration.ofMinutes(10));
        Task stopping = describe(arn);
        assertThat(stopping.lastStatus()).isEqualTo("STOPPING");
        assertThat(stopping.executionStoppedAt()).isNull();
        assertThat(agentOf(stopping).lastStatus()).isEqualTo("RUNNING");

        controller.release("agent-stop");
        assertThat(await(runner().task(arn).orElseThrow().exit())).isEqualTo(143);
        aws.clock().advance(Duration.ofMinutes(1));
        Task stopped = describe(arn);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("Task stopped by user");
        assertThat(stopped.executionStoppedAt()).isAfterOrEqualTo(stopping.stoppingAt());
        assertThat(agentOf(stopped).exitCode()).isEqualTo(143);
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledAfterTheContainersStopTimeout() throws Exception {
        String definition = register(agentContainer(1));
        Map<String, String> env = agentEnvironment("agent-stubborn");
        env.put("FAKE_AGENT_ON_TERM", "ignore");
        String arn = run(definition, env);
        aws.clock().advance(TO_RUNNING);
        await(controller.started("agent-stubborn"));

        ecs.stopTask(r -> r.cluster("default").task(arn).reason("Agent no longer needed"));

        RunnerTask task = runner().task(arn).orElseThrow();
        assertThat(await(task.exit())).isEqualTo(137);
        assertThat(controller.terminated("agent-stubborn")).isCompleted();
        aws.clock().advance(Duration.ofMinutes(1));
        Task stopped = describe(arn);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("Agent no longer needed");
        assertThat(agentOf(stopped).exitCode()).isEqualTo(137);
    }

    @Test
    void recordsSidecarsButRunsOnlyTheAgentContainer() throws Exception {
        String definition = register(
                agentContainer(null),
                ContainerDefinition.builder()
                        .name("docker")
                        .image("docker:dind")
                        .essential(false)
                        .command("-version")
                        .environment(KeyValuePair.builder()
                                .name("JENKINS_URL")
                                .value(controller.url())
                                .build())
                        .build());
        String arn = run(definition, agentEnvironment("agent-with-sidecar"));

        aws.clock().advance(TO_RUNNING);
        await(controller.started("agent-with-sidecar"));

        RunnerTask task = runner().task(arn).orElseThrow();
        assertThat(task.containerName()).isEqualTo("agent");
        assertThat(task.sidecars()).containsExactly("docker");
        assertThat(runner().tasks()).hasSize(1);
        assertThat(agentProcesses()).containsExactly(await(task.process()).toHandle());
    }

    @Test
    void downloadsTheAgentJarOncePerController() throws Exception {
        String definition = register(agentContainer(null));
        List<String> names = List.of("agent-a", "agent-b", "agent-c");
        List<String> arns =
                names.stream().map(n -> run(definition, agentEnvironment(n))).toList();

        aws.clock().advance(TO_RUNNING);
        for (String name : names) {
            await(controller.started(name));
        }

        assertThat(controller.jarDownloads()).isEqualTo(1);
        assertThat(arns.stream().map(arn -> runner().task(arn).orElseThrow().workDir()))
                .doesNotHaveDuplicates();
    }

    @Test
    void aControllerWithoutAnAgentJarEndsTheTaskWithAnExitCodeAndTheReasonInItsLog() throws Exception {
        String definition = register(agentContainer(null));
        Map<String, String> env = agentEnvironment("agent-nowhere");
        env.put("JENKINS_URL", controller.url() + "missing/");
        String arn = run(definition, env);

        aws.clock().advance(TO_RUNNING);
        RunnerTask task = runner().task(arn).orElseThrow();

        assertThat(await(task.exit())).isEqualTo(1);
        assertThat(task.process()).isCompletedExceptionally();
        assertThat(Files.readString(task.logFile(), StandardCharsets.UTF_8)).contains("HTTP 404");
        aws.clock().advance(Duration.ofMinutes(1));
        assertThat(describe(arn).stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(controller.jarDownloads()).isZero();
    }

    @Test
    void closingTheEmulatorKillsEveryProcess() throws Exception {
        String definition = register(agentContainer(null));
        run(definition, agentEnvironment("agent-1"));
        run(definition, agentEnvironment("agent-2"));
        aws.clock().advance(TO_RUNNING);
        await(controller.started("agent-1"));
        await(controller.started("agent-2"));
        List<ProcessHandle> processes = agentProcesses();
        assertThat(processes).hasSize(2);

        aws.emulator().close();

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(agentProcesses()).isEmpty();
    }

    /** This JVM's children that run an agent jar of this test's runner. */
    private List<ProcessHandle> agentProcesses() {
        String root = runner().root().toString();
        return ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .filter(p ->
                        p.info().arguments().stream().flatMap(Arrays::stream).anyMatch(arg -> arg.startsWith(root)))
                .toList();
    }
}
