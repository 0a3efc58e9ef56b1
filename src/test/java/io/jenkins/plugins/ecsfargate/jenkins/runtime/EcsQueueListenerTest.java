package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Queue;
import hudson.slaves.Cloud;
import hudson.slaves.NodeProvisioner.PlannedNode;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsQueueListenerTest {
    private final FakeJenkins jenkins = new FakeJenkins((delay, task) -> task.run());

    /** A cloud of someone else's that serves label {@code ecs} too. */
    private static final class OtherCloud extends Cloud {
        OtherCloud() {
            super("other");
        }

        @Override
        public boolean canProvision(CloudState state) {
            return true;
        }

        @Override
        public Collection<PlannedNode> provision(CloudState state, int excessWorkload) {
            return List.of();
        }
    }

    @Test
    void otherCloudsLabelsAreNeverNudged() {
        jenkins.clouds.add(new OtherCloud());

        new EcsQueueListener(jenkins)
                .onEnterBuildable(new Queue.BuildableItem(TestTask.waiting("build", new TestLabel("ecs"))));

        assertThat(jenkins.reviews).isEmpty();
    }
}
