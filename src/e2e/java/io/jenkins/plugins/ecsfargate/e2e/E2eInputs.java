package io.jenkins.plugins.ecsfargate.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the end-to-end suite is given: a runnable {@code jenkins.war}, a folder of the plugins it needs besides ours
 * (credentials and the Pipeline plugins with their dependencies), this build's {@code ecs-fargate.hpi}, and where
 * screenshots and logs go. Missing inputs fail the suite with what to pass, never skip it.
 */
record E2eInputs(Path war, Path pluginsDir, Path hpi, Path output) {

    static E2eInputs fromSystemProperties() throws IOException {
        Path war = required("jenkins.war", "a runnable jenkins.war (2.479.3 or newer)");
        Path plugins = required(
                "jenkins.plugins",
                "a folder of .hpi/.jpi files: credentials, the Pipeline plugins and their dependencies");
        Path hpi = required("hpi.file", "this build's ecs-fargate.hpi (the e2e profile passes it)");
        Path output = Path.of(System.getProperty("e2e.output", "target/e2e"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("-Djenkins.war=" + war + " is not a file");
        }
        if (!Files.isDirectory(plugins) || plugins(plugins).isEmpty()) {
            throw new IllegalStateException("-Djenkins.plugins=" + plugins + " holds no .hpi or .jpi file");
        }
        Files.createDirectories(output);
        clearEarlierFailures(output);
        return new E2eInputs(war, plugins, hpi, output);
    }

    /** A run's folder shows this run only: evidence of an earlier run's failure would read as this one's. */
    private static void clearEarlierFailures(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("failed-"))
                    .toList()) {
                Files.delete(file);
            }
        }
    }

    /** The plugin archives in {@code dir}. */
    static List<Path> plugins(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".hpi") || name.endsWith(".jpi");
                    })
                    .sorted()
                    .toList();
        }
    }

    private static Path required(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The end-to-end suite needs -D" + property + "=...: " + what);
        }
        return Path.of(value);
    }
}
