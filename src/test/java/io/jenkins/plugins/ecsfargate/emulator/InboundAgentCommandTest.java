package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundAgentCommandTest {
    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Path JAR = Path.of("/runner/agent-jars/abc/agent.jar");
    private static final Path WORK = Path.of("/runner/tasks/t1/work");

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static List<String> command(Map<String, String> env, String... command) {
        return InboundAgentCommand.of(env, List.of(command), JAVA, JAR, WORK);
    }

    /** The arguments after {@code java [options] -jar agent.jar}. */
    private static List<String> agentArgs(Map<String, String> env, String... command) {
        List<String> argv = command(env, command);
        return argv.subList(argv.indexOf(JAR.toString()) + 1, argv.size());
    }

    @Test
    void mapsEveryVariableToItsFlagInTheEntrypointsOrder() {
        Map<String, String> env = env(
                "JENKINS_URL", "https://ci.example.com/",
                "JENKINS_SECRET", "abc123",
                "JENKINS_AGENT_NAME", "ecs-1",
                "JENKINS_TUNNEL", "ci.example.com:50000",
                "JENKINS_AGENT_WORKDIR", "/home/jenkins/agent",
                "JENKINS_WEB_SOCKET", "true",
                "JENKINS_DIRECT_CONNECTION", "ci.example.com:50000",
                "JENKINS_PROTOCOLS", "JNLP4-connect",
                "JENKINS_INSTANCE_IDENTITY", "MIIBIjAN",
                "REMOTING_OPTS", "-noReconnect");

        assertThat(command(env, "-disableHttpsCertValidation"))
                .containsExactly(
                        "/jdk/bin/java",
                        "-jar",
                        JAR.toString(),
                        "-secret",
                        "abc123",
                        "-name",
                        "ecs-1",
                        "-tunnel",
                        "ci.example.com:50000",
                        "-url",
                        "https://ci.example.com/",
                        "-workDir",
                        WORK.toString(),
                        "-webSocket",
                        "-direct",
                        "ci.example.com:50000",
                        "-protocols",
                        "JNLP4-connect",
                        "-instanceIdentity",
                        "MIIBIjAN",
                        "-noReconnect",
                        "-disableHttpsCertValidation");
    }

    @Test
    void webSocketOnlyForTheExactValueTrue() {
        assertThat(agentArgs(env("JENKINS_WEB_SOCKET", "true"))).containsExactly("-webSocket");
        assertThat(agentArgs(env("JENKINS_WEB_SOCKET", "TRUE"))).isEmpty();
        assertThat(agentArgs(env("JENKINS_WEB_SOCKET", "1"))).isEmpty();
    }

    @Test
    void emptyVariablesAddNothing() {
        assertThat(agentArgs(env(
                        "JENKINS_URL", "",
                        "JENKINS_SECRET", "",
                        "JENKINS_AGENT_NAME", "",
                        "JENKINS_TUNNEL", "",
                        "JENKINS_AGENT_WORKDIR", "",
                        "REMOTING_OPTS", "  ")))
                .isEmpty();
    }

    @Test
    void theWorkDirIsAlwaysTheLocalOneNeverTheContainerPath() {
        assertThat(agentArgs(env("JENKINS_AGENT_WORKDIR", "/home/jenkins/agent")))
                .containsExactly("-workDir", WORK.toString());
        assertThat(agentArgs(env("JENKINS_AGENT_WORKDIR", "/home/jenkins/agent"), "-workDir", "/home/jenkins/other"))
                .containsExactly("-workDir", WORK.toString());
        assertThat(agentArgs(env(), "-workDir", "/home/jenkins/other")).containsExactly("-workDir", WORK.toString());
        assertThat(agentArgs(env())).doesNotContain("-workDir");
    }

    @Test
    void variablesTheCommandAlreadyCarriesAreNotRepeated() {
        Map<String, String> env =
                env("JENKINS_SECRET", "abc123", "JENKINS_AGENT_NAME", "ecs-1", "JENKINS_TUNNEL", "other:50000");

        assertThat(agentArgs(env, "-tunnel", "given:50000", "abc123", "ecs-1"))
                .containsExactly("-tunnel", "given:50000", "abc123", "ecs-1");
    }

    @Test
    void jenkinsNameWinsOverJenkinsAgentName() {
        assertThat(agentArgs(env("JENKINS_AGENT_NAME", "ecs-1", "JENKINS_NAME", "legacy")))
                .containsExactly("-name", "legacy");
    }

    @Test
    void javaOptionsComeFromJenkinsJavaOptsElseJavaOptsSplitOnBlanks() {
        assertThat(command(env("JAVA_OPTS", " -Xmx256m  -Da=b ")))
                .containsExactly(JAVA.toString(), "-Xmx256m", "-Da=b", "-jar", JAR.toString());
        assertThat(command(env("JAVA_OPTS", "-Xmx256m", "JENKINS_JAVA_OPTS", "-Xmx1g")))
                .containsExactly(JAVA.toString(), "-Xmx1g", "-jar", JAR.toString());
    }

    @Test
    void theImagesJavaAndJarLocationsAreReplacedByLocalOnes() {
        List<String> argv = command(env(
                "JENKINS_JAVA_BIN", "/opt/java/openjdk/bin/java",
                "JAVA_HOME", "/opt/java/openjdk",
                "JENKINS_AGENT_FILE", "/usr/share/jenkins/agent.jar"));

        assertThat(argv).containsExactly(JAVA.toString(), "-jar", JAR.toString());
    }

    @Test
    void remotingOptionsAreShellWords() {
        assertThat(agentArgs(env("REMOTING_OPTS", "-jar-cache '/tmp/jar cache' -text \"a \\\"b\\\"\" c\\ d")))
                .containsExactly("-jar-cache", "/tmp/jar cache", "-text", "a \"b\"", "c d");
        assertThatThrownBy(() -> agentArgs(env("REMOTING_OPTS", "-jar-cache '/tmp")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSingleNonOptionCommandReplacesTheAgent() {
        Map<String, String> env = env("JENKINS_URL", "https://ci.example.com/", "JENKINS_SECRET", "abc123");

        assertThat(InboundAgentCommand.replacesAgent(List.of("bash"))).isTrue();
        assertThat(command(env, "bash")).containsExactly("bash");
        assertThat(InboundAgentCommand.replacesAgent(List.of("-help"))).isFalse();
        assertThat(InboundAgentCommand.replacesAgent(List.of("bash", "-c"))).isFalse();
        assertThat(agentArgs(env, "-help")).endsWith("-help");
    }
}
