package io.jenkins.plugins.ecsfargate.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * The agent jar of each controller, fetched from {@code <JENKINS_URL>/jnlpJars/agent.jar} once and kept under a
 * directory, as the image would carry it. Concurrent requests for one controller share one download; a failed
 * download is forgotten, so the next task tries again.
 */
final class AgentJars {
    private static final Logger LOGGER = Logger.getLogger(AgentJars.class.getName());

    private final Path directory;
    private final HttpClient http;
    private final Map<String, CompletableFuture<Path>> byController = new ConcurrentHashMap<>();

    AgentJars(Path directory, Executor executor) {
        this.directory = directory;
        this.http = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The jar of the controller at {@code jenkinsUrl}, downloaded on first use. */
    CompletableFuture<Path> jar(String jenkinsUrl) {
        String base = jenkinsUrl.endsWith("/") ? jenkinsUrl : jenkinsUrl + "/";
        CompletableFuture<Path> fresh = new CompletableFuture<>();
        CompletableFuture<Path> known = byController.putIfAbsent(base, fresh);
        if (known != null) {
            return known;
        }
        download(base).whenComplete((jar, error) -> {
            if (error == null) {
                fresh.complete(jar);
            } else {
                byController.remove(base, fresh);
                fresh.completeExceptionally(error);
            }
        });
        return fresh;
    }

    private CompletableFuture<Path> download(String base) {
        URI source;
        Path target;
        Path partial;
        try {
            source = URI.create(base).resolve("jnlpJars/agent.jar");
            Path folder = Files.createDirectories(directory.resolve(digest(base)));
            target = folder.resolve("agent.jar");
            partial = Files.createTempFile(folder, "agent", ".part");
        } catch (IOException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        LOGGER.fine(() -> "downloading " + source);
        HttpRequest request =
                HttpRequest.newBuilder(source).timeout(Duration.ofMinutes(1)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofFile(partial))
                .thenApply(response -> {
                    try {
                        if (response.statusCode() != 200) {
                            Files.deleteIfExists(partial);
                            throw new IOException("HTTP " + response.statusCode() + " for " + source);
                        }
                        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
