package io.jenkins.plugins.ecsfargate.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * AWS's own service models, read from the botocore that ships with the AWS CLI on the build machines
 * ({@code botocore/data/<service>/<version>/service-2.json}, possibly gzipped). They are the independent
 * authority the emulator's answers are checked against. When no botocore can be found the caller gets an
 * {@link AssertionError} naming every place searched: a conformance test must fail, never skip, without it.
 */
public final class BotocoreModels {

    /** Environment variable that may name a botocore {@code data} directory explicitly. */
    public static final String DATA_DIR_VARIABLE = "BOTOCORE_DATA_DIR";

    private final Path dataDirectory;
    private final Map<String, ServiceModel> loaded = new HashMap<>();

    private BotocoreModels(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Models from an explicit {@code botocore/data} directory. */
    public static BotocoreModels at(Path dataDirectory) {
        if (!Files.isDirectory(dataDirectory)) {
            throw new AssertionError("Not a botocore data directory: " + dataDirectory);
        }
        return new BotocoreModels(dataDirectory);
    }

    /** Finds botocore: {@value #DATA_DIR_VARIABLE}, then the {@code python3} on the PATH, then usual places. */
    public static BotocoreModels locate() {
        List<String> tried = new ArrayList<>();
        String explicit = System.getenv(DATA_DIR_VARIABLE);
        if (explicit != null) {
            return at(Path.of(explicit));
        }
        for (Path candidate : candidates(tried)) {
            Path data = candidate.resolve("data");
            tried.add(data.toString());
            if (Files.isDirectory(data.resolve("ecs"))) {
                return new BotocoreModels(data);
            }
        }
        throw new AssertionError("AWS service models (botocore/data) not found; the AWS CLI v1 with botocore must be"
                + " installed on the build machine (or set " + DATA_DIR_VARIABLE + "). Tried: " + tried);
    }

    private static List<Path> candidates(List<String> tried) {
        List<Path> result = new ArrayList<>();
        for (String python : List.of("python3", "python")) {
            String printed = pythonBotocore(python, tried);
            if (printed != null) {
                result.add(Path.of(printed));
            }
        }
        for (String root : List.of(
                "/usr/lib/python3/dist-packages",
                "/usr/local/lib",
                "/usr/lib",
                System.getProperty("user.home") + "/.local/lib",
                System.getProperty("user.home") + "/.pyenv/versions",
                "/usr/local/aws-cli/v2/current/dist/awscli")) {
            result.addAll(botocoreBelow(Path.of(root), 4));
        }
        return result;
    }

    private static String pythonBotocore(String python, List<String> tried) {
        tried.add(python + " -c 'import botocore'");
        try {
            Process process = new ProcessBuilder(
                            python, "-c", "import botocore,os;print(os.path.dirname(botocore.__file__))")
                    .redirectErrorStream(true)
                    .start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
            tried.add("(" + python + " said: " + out + ")");
        } catch (IOException e) {
            tried.add("(" + python + ": " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while asking " + python + " for botocore", e);
        }
        return null;
    }

    private static List<Path> botocoreBelow(Path root, int depth) {
        List<Path> found = new ArrayList<>();
        if (depth < 0 || !Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                if (child.getFileName().toString().equals("botocore") && Files.isDirectory(child.resolve("data"))) {
                    found.add(child);
                } else if (Files.isDirectory(child)) {
                    found.addAll(botocoreBelow(child, depth - 1));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("Cannot list " + root + " while looking for botocore", e);
        }
        return found;
    }

    /** The directory the models are read from. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The newest model of a service ({@code ecs}, {@code servicediscovery}, {@code iam}, {@code sts}). */
    public synchronized ServiceModel service(String service) {
        return loaded.computeIfAbsent(service, this::read);
    }

    private ServiceModel read(String service) {
        Path serviceDir = dataDirectory.resolve(service);
        try (var versions = Files.list(serviceDir)) {
            Path newest = versions.filter(Files::isDirectory)
                    .max(Path::compareTo)
                    .orElseThrow(() -> new AssertionError("No model versions under " + serviceDir));
            Path plain = newest.resolve("service-2.json");
            Path gzipped = newest.resolve("service-2.json.gz");
            byte[] bytes;
            if (Files.exists(plain)) {
                bytes = Files.readAllBytes(plain);
            } else {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
                    bytes = in.readAllBytes();
                }
            }
            return new ServiceModel(service, Json.MAPPER.readTree(bytes));
        } catch (IOException e) {
            throw new AssertionError("Cannot read the botocore model of " + service + " under " + serviceDir, e);
        }
    }
}
