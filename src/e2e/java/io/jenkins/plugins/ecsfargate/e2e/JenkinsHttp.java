package io.jenkins.plugins.ecsfargate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The controller's HTTP API as an unsecured Jenkins offers it to anyone: jobs created from {@code config.xml},
 * builds queued, the queue, builds' results and console, and the computers. POSTs carry a crumb of this client's
 * session, as Jenkins' CSRF protection asks.
 */
final class JenkinsHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI root;
    private final HttpClient client;

    JenkinsHttp(URI root) {
        this.root = root;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Creates a job from its XML configuration. */
    void createJob(String name, String configXml) throws IOException, InterruptedException {
        post("createItem?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), configXml, "application/xml");
    }

    /** Queues a build and answers its queue item's id. */
    long build(String job) throws IOException, InterruptedException {
        HttpResponse<String> response = post("job/" + job + "/build?delay=0sec", "", "text/plain");
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no queue item for a build of " + job));
        String[] parts = location.replaceAll("/+$", "").split("/");
        return Long.parseLong(parts[parts.length - 1]);
    }

    /** The queue item's JSON: {@code why}, {@code cancelled}, {@code executable.number}. */
    JsonNode queueItem(long id) throws IOException, InterruptedException {
        return json("queue/item/" + id + "/api/json");
    }

    /** Waits until the queue item became a build and answers its number, or fails if it was cancelled. */
    int awaitStarted(long queueItem, Duration timeout) throws IOException, InterruptedException {
        JsonNode item = await(
                () -> queueItem(queueItem),
                i -> i.path("cancelled").asBoolean() || i.path("executable").has("number"),
                timeout,
                "queue item " + queueItem + " to leave the queue");
        if (item.path("cancelled").asBoolean()) {
            throw new IllegalStateException("queue item " + queueItem + " was cancelled: " + item.path("why"));
        }
        return item.path("executable").path("number").asInt();
    }

    /** Waits until the build finished and answers its result. */
    String awaitResult(String job, int number, Duration timeout) throws IOException, InterruptedException {
        JsonNode build = await(
                () -> json("job/" + job + "/" + number + "/api/json?tree=result,building"),
                b -> !b.path("building").asBoolean(true) && !b.path("result").isNull(),
                timeout,
                job + " #" + number + " to finish");
        return build.path("result").asText();
    }

    String console(String job, int number) throws IOException, InterruptedException {
        return get("job/" + job + "/" + number + "/consoleText");
    }

    /** The names of every computer but the built-in node. */
    List<String> agents() throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (JsonNode computer :
                json("computer/api/json?tree=computer[displayName,_class]").path("computer")) {
            if (!computer.path("_class").asText().endsWith("MasterComputer")) {
                names.add(computer.path("displayName").asText());
            }
        }
        return names;
    }

    /** A job's last build number, if it has one. */
    Optional<Integer> lastBuild(String job) throws IOException, InterruptedException {
        JsonNode last = json("job/" + job + "/api/json?tree=lastBuild[number]").path("lastBuild");
        return last.isMissingNode() || last.isNull()
                ? Optional.empty()
                : Optional.of(last.path("number").asInt());
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path));
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(root.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        JsonNode crumb = json("crumbIssuer/api/json");
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(root.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .header(
                                crumb.path("crumbRequestField").asText(),
                                crumb.path("crumb").asText())
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** A read that may fail while the controller is busy. */
    interface Read<T> {
        T get() throws IOException, InterruptedException;
    }

    /** Polls {@code read} about once a second until {@code done} holds, or fails naming what it waited for. */
    static <T> T await(Read<T> read, Predicate<T> done, Duration timeout, String what)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = read.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                last = null;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
    }
}
