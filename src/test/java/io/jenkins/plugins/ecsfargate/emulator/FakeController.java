package io.jenkins.plugins.ecsfargate.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Jenkins controller as far as the local task runner's tests need one, on 127.0.0.1 under {@code /jenkins/}: it
 * serves {@link FakeInboundAgent} as {@code /jnlpJars/agent.jar} (counting downloads) and collects what each fake
 * agent reports, by agent name. A test may hold an agent's answer to its SIGTERM report, keeping it alive in
 * STOPPING until {@link #release}.
 */
final class FakeController implements AutoCloseable {
    private static final long HOLD_LIMIT_SECONDS = 60;

    /** What an agent process saw: its arguments after the main class, working directory, {@code fake.option}. */
    record AgentReport(List<String> args, Path workingDirectory, String javaOption) {}

    private final byte[] agentJar = agentJar();
    private final AtomicInteger jarDownloads = new AtomicInteger();
    private final Map<String, CompletableFuture<AgentReport>> started = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> terminated = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> held = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;

    FakeController() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/jenkins/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The controller's root URL, with a trailing slash as Jenkins gives it. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jenkins/";
    }

    int jarDownloads() {
        return jarDownloads.get();
    }

    CompletableFuture<AgentReport> started(String agent) {
        return started.computeIfAbsent(agent, a -> new CompletableFuture<>());
    }

    CompletableFuture<Void> terminated(String agent) {
        return terminated.computeIfAbsent(agent, a -> new CompletableFuture<>());
    }

    /** The agent's SIGTERM report gets no answer (so it keeps running) until {@link #release}. */
    void hold(String agent) {
        held.put(agent, new CompletableFuture<>());
    }

    void release(String agent) {
        held.get(agent).complete(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/jenkins/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("jnlpJars/agent.jar") && exchange.getRequestMethod().equals("GET")) {
                jarDownloads.incrementAndGet();
                exchange.sendResponseHeaders(200, agentJar.length);
                exchange.getResponseBody().write(agentJar);
            } else if (path.startsWith("fake-agent/started/")) {
                started(path.substring("fake-agent/started/".length())).complete(parse(body));
                exchange.sendResponseHeaders(204, -1);
            } else if (path.startsWith("fake-agent/term/")) {
                String agent = path.substring("fake-agent/term/".length());
                terminated(agent).complete(null);
                CompletableFuture<Void> hold = held.get(agent);
                if (hold != null) {
                    hold.get(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
                }
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the test never released the agent", e);
        }
    }

    private static AgentReport parse(String body) {
        List<String> args = new ArrayList<>();
        Path cwd = null;
        String option = null;
        for (String line : body.split("\n")) {
            int tab = line.indexOf('\t');
            String key = line.substring(0, tab);
            String value = line.substring(tab + 1);
            switch (key) {
                case "arg" -> args.add(value);
                case "cwd" -> cwd = Path.of(value);
                case "fake.option" -> option = value;
                default -> throw new IllegalArgumentException("unexpected report line " + line);
            }
        }
        return new AgentReport(List.copyOf(args), cwd, option);
    }

    /** A runnable jar of {@link FakeInboundAgent}'s compiled class. */
    private static byte[] agentJar() {
        String entry = FakeInboundAgent.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeInboundAgent.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
                InputStream compiled = FakeInboundAgent.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            compiled.transferTo(jar);
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        held.values().forEach(hold -> hold.complete(null));
        server.stop(0);
        executor.shutdownNow();
    }
}
