package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import hudson.model.Queue;
import hudson.slaves.NodeProvisioner.PlannedNode;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulatorExtension;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Provisioning against the emulator: caps counted from the moment an agent is planned, labels, failures. */
class ProvisioningTest {
    @RegisterExtension
    final EcsEmulatorExtension aws = new EcsEmulatorExtension().withoutThrottling();

    private final Logger failureLog = Logger.getLogger(FailureReports.class.getName());
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private RuntimeHarness cloud;

    @BeforeEach
    void listen() {
        failureLog.addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        failureLog.removeHandler(capture);
        if (cloud != null) {
            cloud.close();
        }
    }

    private static TemplatePlan sized(String name, String labels, int maxAgents, int cpu, int memory) {
        return new TemplatePlan(
                name,
                labels,
                1,
                maxAgents,
                0,
                null,
                LaunchSettings.of("default", List.of("subnet-0a1b2c3d"), List.of("sg-0c2d3e4f")),
                RuntimeHarness.spec(cpu, memory),
                null);
    }

    private static List<String> names(Collection<PlannedNode> planned) {
        return planned.stream().map(p -> p.displayName).toList();
    }

    @Test
    void theTemplateCapCountsAgentsStillPlanned() {
        cloud = new RuntimeHarness(aws, RuntimeHarness.template("small", "ecs", 2, 0));
        Label ecs = new TestLabel("ecs");

        assertThat(cloud.runtime.provision(ecs, 5)).hasSize(2);
        assertThat(cloud.runtime.provision(ecs, 5))
                .as("nothing has started yet")
                .isEmpty();
        cloud.runFor(Duration.ofSeconds(5));

        assertThat(cloud.liveTasks()).hasSize(2);
        assertThat(cloud.runtime.usage("small").agents()).isEqualTo(2);
    }

    @Test
    void theCloudCapsAgentsAndVcpuOverAllTemplates() {
        cloud = new RuntimeHarness(aws, sized("big", "big", 0, 2048, 4096), sized("small", "small", 0, 512, 1024));
        cloud.limits = new CloudLimits(0, 5);

        assertThat(cloud.runtime.provision(new TestLabel("big"), 10))
                .as("2 vCPU each")
                .hasSize(2);
        assertThat(cloud.runtime.provision(new TestLabel("small"), 10))
                .as("0.5 vCPU each")
                .hasSize(2);
        assertThat(cloud.runtime.usage().vcpus()).isEqualTo(5.0);

        cloud.limits = new CloudLimits(5, 0);
        assertThat(cloud.runtime.provision(new TestLabel("small"), 10))
                .as("4 agents exist")
                .hasSize(1);
    }

    @Test
    void labelExpressionsPickTheTemplatesWhoseLabelsSatisfyThem() {
        cloud = new RuntimeHarness(
                aws,
                RuntimeHarness.template("linux", "linux java"),
                RuntimeHarness.template("windows", "windows"),
                RuntimeHarness.template("plain", ""));

        assertThat(names(cloud.runtime.provision(new TestLabel("linux && java"), 1)))
                .singleElement()
                .asString()
                .startsWith("ecs-cloud-linux-");
        assertThat(names(cloud.runtime.provision(new TestLabel("(mac || windows) && !linux"), 1)))
                .singleElement()
                .asString()
                .startsWith("ecs-cloud-windows-");
        assertThat(names(cloud.runtime.provision(null, 1)))
                .as("unlabeled work goes to templates without labels")
                .singleElement()
                .asString()
                .startsWith("ecs-cloud-plain-");
        assertThat(cloud.runtime.canProvision(new TestLabel("linux && windows")))
                .isFalse();
        assertThat(cloud.runtime.provision(new TestLabel("linux && windows"), 1))
                .isEmpty();
    }

    @Test
    void demandAlreadyCoveredByAStartingAgentNeverStartsASecondTask() {
        cloud = new RuntimeHarness(aws, RuntimeHarness.template("jenkins-agent", "ecs"));
        Label ecs = new TestLabel("ecs");
        int queued = 1;

        for (int review = 0; review < 4; review++) {
            int excess = new ProvisioningDemand(queued, 0, 0, 0, cloud.runtime.startingExecutors(ecs)).excess();
            cloud.runtime.provision(ecs, excess);
            cloud.runFor(Duration.ofSeconds(3));
        }

        assertThat(cloud.calls("RunTask")).isEqualTo(1);
        assertThat(cloud.liveTasks()).hasSize(1);
    }

    @Test
    void aFatalConfigurationFailureCancelsTheBuildsWaitingForTheTemplateAndIsLoggedOnce() {
        cloud = new RuntimeHarness(aws, sized("broken", "ecs", 0, 1024, 100), RuntimeHarness.template("ok", "other"));
        Queue.WaitingItem waiting = TestTask.waiting("needs-ecs", new TestLabel("ecs"));
        Queue.WaitingItem unrelated = TestTask.waiting("needs-other", new TestLabel("other"));
        cloud.jenkins.queue.addAll(List.of(waiting, unrelated));

        cloud.runtime.provision(new TestLabel("ecs"), 1);
        cloud.runFor(Duration.ofSeconds(5));
        cloud.runtime.provision(new TestLabel("ecs"), 1);
        cloud.runFor(Duration.ofSeconds(5));
        assertThat(cloud.jenkins.cancelled).as("blocked with the reason first").isEmpty();
        cloud.runFor(FailureReports.CANCEL_AFTER.multipliedBy(2));

        assertThat(cloud.jenkins.cancelled).containsExactly(waiting);
        assertThat(cloud.jenkins.queue).containsExactly(unrelated);
        assertThat(cloud.calls("RunTask")).isZero();
        assertThat(cloud.jenkins.nodes()).isEmpty();
        assertThat(warnings.stream().filter(r -> r.getMessage().startsWith("Cloud ecs-cloud, template broken")))
                .as("the same failure is logged once")
                .hasSize(1);
    }

    @Test
    void aTemplateThatKeepsFailingIsPausedWhileOthersGoOn() {
        cloud = new RuntimeHarness(aws, sized("broken", "broken", 0, 1024, 100), RuntimeHarness.template("ok", "ok"));

        for (int i = 0; i < 3; i++) {
            assertThat(cloud.runtime.provision(new TestLabel("broken"), 1)).hasSize(1);
            cloud.runFor(Duration.ofSeconds(1));
        }

        assertThat(cloud.runtime.provision(new TestLabel("broken"), 1))
                .as("paused")
                .isEmpty();
        assertThat(cloud.runtime.provision(new TestLabel("ok"), 1)).hasSize(1);
        cloud.runFor(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(cloud.runtime.provision(new TestLabel("broken"), 1))
                .as("pause over: one trial")
                .hasSize(1);
    }
}
