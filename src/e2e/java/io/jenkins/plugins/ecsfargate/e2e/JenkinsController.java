package io.jenkins.plugins.ecsfargate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A real Jenkins controller in its own process: the given war on 127.0.0.1, a fresh {@code JENKINS_HOME} holding
 * this build's .hpi and the given plugins, the setup wizard off, and AWS credentials in its environment so that the
 * cloud's default credential chain signs its requests to the emulator. It can be stopped and started again on the
 * same home and port, which is how the suite restarts the controller.
 */
final class JenkinsController implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(JenkinsController.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final E2eInputs inputs;
    private final Path home;
    private final Path log;
    private final int port;
    private final Map<String, String> environment;
    private Process process;

    JenkinsController(E2eInputs inputs, Map<String, String> environment) throws IOException {
        this.inputs = inputs;
        this.home = inputs.output().resolve("jenkins-home");
        this.log = inputs.output().resolve("jenkins.log");
        this.environment = Map.copyOf(environment);
        this.port = freePort();
        prepareHome();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    Path home() {
        return home;
    }

    Path log() {
        return log;
    }

    /** Starts the controller and waits until it answers as fully up. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Djava.awt.headless=true",
                "-Djenkins.install.runSetupWizard=false",
                "-Dhudson.model.UpdateCenter.never=true",
                "-Dhudson.model.DownloadService.never=true",
                "-Djenkins.model.Jenkins.slaveAgentPort=-1",
                "-jar",
                inputs.war().toString(),
                "--httpListenAddress=127.0.0.1",
                "--httpPort=" + port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JENKINS_HOME", home.toString());
        builder.environment().putAll(environment);
        Files.writeString(
                log,
                "==== controller started at " + Instant.now() + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        process = builder.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "e2e-jenkins-kill"));
        awaitUp();
    }

    /** Stops the controller as an administrator's service manager would (SIGTERM) and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            LOGGER.warning("Jenkins did not stop within 2 minutes; killing it");
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** Kills the controller without letting it clean up, as a crash or an OOM kill would. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void awaitUp() throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest request = HttpRequest.newBuilder(url().resolve("api/json"))
                .timeout(Duration.ofSeconds(10))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Jenkins exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                LOGGER.fine(() -> "Jenkins not answering yet: " + notYet);
            }
            process.waitFor(1, TimeUnit.SECONDS);
        }
        throw new IllegalStateException("Jenkins did not come up within " + START_TIMEOUT + "; see " + log);
    }

    /**
     * A fresh home: the plugins (ours as {@code ecs-fargate.jpi}), and an init script that sets the root URL agents
     * dial back to and leaves the built-in node without executors, so every build needs one of our agents.
     */
    private void prepareHome() throws IOException {
        if (Files.exists(home)) {
            deleteTree(home);
        }
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        for (Path plugin : E2eInputs.plugins(inputs.pluginsDir())) {
            Files.copy(plugin, plugins.resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(inputs.hpi(), plugins.resolve("ecs-fargate.jpi"), StandardCopyOption.REPLACE_EXISTING);
        Path init = Files.createDirectories(home.resolve("init.groovy.d"));
        Files.writeString(
                init.resolve("e2e.groovy"),
                String.join(
                        "\n",
                        "import jenkins.model.Jenkins",
                        "import jenkins.model.JenkinsLocationConfiguration",
                        "def location = JenkinsLocationConfiguration.get()",
                        "location.setUrl('" + url() + "')",
                        "location.save()",
                        "def jenkins = Jenkins.get()",
                        "jenkins.setNumExecutors(0)",
                        "jenkins.save()",
                        ""),
                StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
