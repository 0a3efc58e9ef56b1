package io.jenkins.plugins.ecsfargate.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for Jenkins' {@code agent.jar} in the local task runner's tests ({@link FakeController} serves it as
 * one): it reports its arguments, working directory and the {@code fake.option} system property to the controller
 * at {@code JENKINS_URL}, then exits with {@code FAKE_AGENT_EXIT} or runs until stopped. On SIGTERM it tells the
 * controller and waits for its answer before ending, or never ends when {@code FAKE_AGENT_ON_TERM=ignore}. It uses
 * nothing but the JDK, so its one class file makes the jar.
 */
public final class FakeInboundAgent {
    private FakeInboundAgent() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String controller = System.getenv("JENKINS_URL");
        String name = System.getenv("JENKINS_AGENT_NAME");
        boolean ignoreTerm = "ignore".equals(System.getenv("FAKE_AGENT_ON_TERM"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                post(controller, "term/" + name, "");
                if (ignoreTerm) {
                    new CountDownLatch(1).await();
                }
            } catch (IOException e) {
                e.printStackTrace();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        StringBuilder report = new StringBuilder();
        for (String arg : args) {
            report.append("arg\t").append(arg).append('\n');
        }
        report.append("cwd\t").append(Path.of("").toAbsolutePath()).append('\n');
        report.append("fake.option\t")
                .append(System.getProperty("fake.option", ""))
                .append('\n');
        post(controller, "started/" + name, report.toString());
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println("fake agent " + name + " is running");
        String exit = System.getenv("FAKE_AGENT_EXIT");
        if (exit != null) {
            System.exit(Integer.parseInt(exit));
        }
        new CountDownLatch(1).await();
    }

    private static void post(String controller, String path, String body) throws IOException, InterruptedException {
        String base = controller.endsWith("/") ? controller : controller + "/";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "fake-agent/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    }
}
