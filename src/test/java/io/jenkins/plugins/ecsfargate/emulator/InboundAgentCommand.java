package io.jenkins.plugins.ecsfargate.emulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line the {@code jenkins/inbound-agent} image's entrypoint ({@code jenkins-agent}) runs for a
 * container's environment and command, made to run on this machine: the local JVM instead of the image's (so
 * {@code JENKINS_JAVA_BIN} and {@code JAVA_HOME} are ignored), the downloaded agent jar instead of {@code
 * JENKINS_AGENT_FILE}, and a local work directory instead of the container path. Everything else follows the
 * entrypoint: a single non-option command replaces the agent; otherwise {@code -secret}, {@code -name}, {@code
 * -tunnel}, {@code -url}, {@code -workDir}, {@code -webSocket}, {@code -direct}, {@code -protocols}, {@code
 * -instanceIdentity} from the {@code JENKINS_*} variables (skipped where the command already carries them), then
 * {@code REMOTING_OPTS} as shell words, then the command. Java options come from {@code JENKINS_JAVA_OPTS}, else
 * {@code JAVA_OPTS}, split on blanks as the unquoted shell expansion does.
 */
final class InboundAgentCommand {
    static final String URL = "JENKINS_URL";

    private InboundAgentCommand() {}

    /** Whether the entrypoint would run the command instead of the agent (one argument, not an option). */
    static boolean replacesAgent(List<String> command) {
        return command.size() == 1 && !command.get(0).startsWith("-");
    }

    /**
     * The process to start.
     *
     * @throws IllegalArgumentException if {@code REMOTING_OPTS} is not valid shell words
     */
    static List<String> of(Map<String, String> env, List<String> command, Path java, Path agentJar, Path localWorkDir) {
        if (replacesAgent(command)) {
            return List.copyOf(command);
        }
        String given = String.join(" ", command);
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        String javaOptions = set(env, "JENKINS_JAVA_OPTS") ? env.get("JENKINS_JAVA_OPTS") : env.get("JAVA_OPTS");
        argv.addAll(blankSeparated(javaOptions));
        argv.add("-jar");
        argv.add(agentJar.toString());
        String secret = env.get("JENKINS_SECRET");
        if (set(env, "JENKINS_SECRET") && !given.contains(secret)) {
            flag(argv, "-secret", secret);
        }
        String name = set(env, "JENKINS_NAME") ? env.get("JENKINS_NAME") : env.get("JENKINS_AGENT_NAME");
        if (name != null && !name.isEmpty() && !given.contains(name)) {
            flag(argv, "-name", name);
        }
        if (!given.contains("-tunnel ") && set(env, "JENKINS_TUNNEL")) {
            flag(argv, "-tunnel", env.get("JENKINS_TUNNEL"));
        }
        if (set(env, URL)) {
            flag(argv, "-url", env.get(URL));
        }
        if (set(env, "JENKINS_AGENT_WORKDIR") && !given.contains("-workDir")) {
            argv.add("-workDir");
            argv.add(localWorkDir.toString());
        }
        if ("true".equals(env.get("JENKINS_WEB_SOCKET"))) {
            argv.add("-webSocket");
        }
        if (set(env, "JENKINS_DIRECT_CONNECTION")) {
            flag(argv, "-direct", env.get("JENKINS_DIRECT_CONNECTION"));
        }
        if (set(env, "JENKINS_PROTOCOLS")) {
            flag(argv, "-protocols", env.get("JENKINS_PROTOCOLS"));
        }
        if (set(env, "JENKINS_INSTANCE_IDENTITY")) {
            flag(argv, "-instanceIdentity", env.get("JENKINS_INSTANCE_IDENTITY"));
        }
        argv.addAll(ShellWords.split(env.getOrDefault("REMOTING_OPTS", "")));
        argv.addAll(localised(command, localWorkDir));
        return List.copyOf(argv);
    }

    /** The command with the value of a {@code -workDir} option moved to the local work directory. */
    private static List<String> localised(List<String> command, Path localWorkDir) {
        List<String> result = new ArrayList<>(command);
        for (int i = 0; i < result.size() - 1; i++) {
            if (result.get(i).equals("-workDir")) {
                result.set(i + 1, localWorkDir.toString());
            }
        }
        return result;
    }

    private static void flag(List<String> argv, String flag, String value) {
        argv.add(flag);
        argv.addAll(blankSeparated(value));
    }

    private static boolean set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isEmpty();
    }

    private static List<String> blankSeparated(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.trim().split("[ \t\n]+"));
    }
}
