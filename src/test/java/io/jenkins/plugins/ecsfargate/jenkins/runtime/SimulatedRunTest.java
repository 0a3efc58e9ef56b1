package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.jenkins.runtime.RunTimeline.Event;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.RunTimeline.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's simulated run keeps showing every step of every agent's life, in order, with the calls made. */
class SimulatedRunTest {

    @Test
    void everyAgentGoesThroughEveryStepInOrderAndTheCallsArePrinted() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        RunTimeline timeline = SimulatedRun.show(new PrintStream(buffer, true, StandardCharsets.UTF_8), 2);

        Set<String> agents = timeline.events().stream().map(Event::agent).collect(Collectors.toSet());
        assertThat(agents).hasSize(2).doesNotContainNull();
        for (String agent : agents) {
            List<Event> steps = timeline.ofAgent(agent);
            assertThat(steps).as("steps of %s", agent).extracting(Event::step).containsExactly(Step.values());
            assertThat(steps).extracting(Event::at).isSorted();
        }
        assertThat(timeline.calls())
                .containsEntry("ecs:RunTask", 2L)
                .containsEntry("ecs:StopTask", 2L)
                .containsKey("ecs:DescribeTasks");
        assertThat(timeline.throttled()).isZero();
        String printed = buffer.toString(StandardCharsets.UTF_8);
        List<String> labels =
                Arrays.stream(Step.values()).map(step -> " " + step.label + " ").toList();
        assertThat(printed)
                .containsSubsequence(labels)
                .contains("jenkins/inbound-agent:alpine")
                .contains("AWS calls made by the plugin")
                .contains("ecs:RunTask 2");
    }
}
