package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark runner on a tiny plan, so that it cannot rot between benchmark runs. It checks what must hold
 * whatever the machine (every agent started and accounted for, one RunTask per agent, the quota bound's
 * arithmetic), never a timing.
 */
class ProvisioningBenchmarkTest {

    @Test
    void aTinyRunAccountsForEveryAgentAndWritesBothReports(@TempDir Path directory) throws IOException {
        ProvisioningBenchmark.Plan tiny =
                new ProvisioningBenchmark.Plan(new int[] {3}, 3, 1, new int[] {1, 2}, Duration.ofMinutes(5));

        Map<String, Object> results = ProvisioningBenchmark.run(
                tiny, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        ProvisioningBenchmark.write(directory, results);

        @SuppressWarnings("unchecked")
        List<BurstBenchmark.Result> bursts = (List<BurstBenchmark.Result>) results.get("burst");
        assertThat(bursts).hasSize(2).allSatisfy(burst -> {
            assertThat(burst.failures()).isZero();
            assertThat(burst.callsPerAgent()).containsEntry("ecs:RunTask", 1.0).containsEntry("ecs:StopTask", 1.0);
            assertThat(burst.quotaLastRunTaskSeconds()).isZero();
            assertThat(burst.allConnectedSeconds()).isGreaterThanOrEqualTo(burst.allRunningSeconds());
            assertThat(burst.quotaBoundSeconds()).isLessThanOrEqualTo(burst.allConnectedSeconds());
        });
        SteadyLoadBenchmark.Result steady = (SteadyLoadBenchmark.Result) results.get("steadyLoad");
        assertThat(steady.failures()).isZero();
        assertThat(steady.agents()).isEqualTo(steady.builds());
        assertThat(Files.readString(directory.resolve("results.json"))).contains("\"burst\"", "\"steadyLoad\"");
        assertThat(Files.readString(directory.resolve("results.md")))
                .contains("| Target | Measured | Met |", "Heap per tracked agent");
    }

    @Test
    void theQuotaBoundFollowsTheFargateRunTaskBucket() {
        assertThat(QuotaBound.runTaskAt(20)).isZero();
        assertThat(QuotaBound.runTaskAt(100)).isEqualTo(4.0);
        assertThat(QuotaBound.runTaskAt(1000)).isEqualTo(49.0);
        assertThat(QuotaBound.of(List.of(Duration.ofSeconds(30), Duration.ofSeconds(20)), Duration.ofSeconds(2))
                        .boundSeconds())
                .isEqualTo(32.0);
    }
}
