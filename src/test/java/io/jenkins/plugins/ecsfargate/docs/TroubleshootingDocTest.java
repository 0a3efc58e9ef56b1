package io.jenkins.plugins.ecsfargate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The troubleshooting page lists every failure the engine can report, each with the fix the engine itself gives, so
 * what a user reads in the docs is what the agent's log told them.
 */
class TroubleshootingDocTest {
    private static final Path DOC = Path.of("docs/troubleshooting.md");

    @Test
    void everyFailureCauseHasARowWithItsFixAndSetting() throws IOException {
        List<String> rows = Files.readAllLines(DOC).stream()
                .filter(line -> line.startsWith("| `"))
                .toList();
        for (FailureCause cause : FailureCause.values()) {
            assertThat(rows).as("row for %s", cause).anySatisfy(row -> {
                assertThat(row).startsWith("| `" + cause.name() + "` |");
                assertThat(row).contains(cause.fix().replace("|", "\\|"));
                if (cause.field() != null) {
                    assertThat(row).contains("`" + cause.field() + "`");
                }
            });
        }
        assertThat(rows).hasSize(FailureCause.values().length);
    }
}
