package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.engine.tracking.TaskPhase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An agent's phase times, as its page and log show them. */
class AgentStatusTest {
    private static final Instant PLANNED = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void phasesCountFromPlanning() {
        AgentStatus status = new AgentStatus(PLANNED);
        status.phase(TaskPhase.RUNNING, PLANNED.plusSeconds(31), "RUNNING");
        assertThat(status.sincePlanned(TaskPhase.RUNNING)).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void anAgentFromBeforeARestartCountsFromItsFirstKnownPhaseNotFromTheRestart() {
        Instant restart = PLANNED.plus(Duration.ofMinutes(8));
        AgentStatus status = new AgentStatus(restart);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        status.attachLog(new PrintStream(log, true, StandardCharsets.UTF_8));

        status.phase(TaskPhase.REQUESTED, PLANNED, null);
        status.phase(TaskPhase.RUNNING, PLANNED.plusSeconds(40), "RUNNING");

        assertThat(status.plannedAt()).isEqualTo(PLANNED);
        assertThat(status.sincePlanned(TaskPhase.RUNNING)).isEqualTo(Duration.ofSeconds(40));
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("-").contains("RUNNING after");
    }
}
