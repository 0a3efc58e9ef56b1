package io.jenkins.plugins.ecsfargate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine stays Jenkins-free, and never sleeps: it schedules. */
class EngineImportsTest {
    private static final Path ENGINE = Path.of("src/main/java/io/jenkins/plugins/ecsfargate/engine");
    private static final List<String> FORBIDDEN =
            List.of("hudson.", "jenkins.", "org.kohsuke.", "com.cloudbees.", "org.jenkinsci.");

    @Test
    void engineSourcesImportNothingFromJenkins() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).hasSizeGreaterThan(20);
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                if (line.startsWith("import ")) {
                    String imported = line.substring("import ".length()).replace("static ", "");
                    assertThat(FORBIDDEN).as("%s imports %s", source, imported).noneMatch(imported::startsWith);
                }
            }
        }
    }

    @Test
    void engineSourcesNeverSleep() throws IOException {
        for (Path source : sources()) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain("Thread.sleep");
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ENGINE)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
