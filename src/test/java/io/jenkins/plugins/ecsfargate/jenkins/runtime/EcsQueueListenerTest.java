package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Queue;
import org.junit.jupiter.api.Test;

class EcsQueueListenerTest {
    private final FakeJenkins jenkins = new FakeJenkins((delay, task) -> task.run());

    @Test
    void otherCloudsLabelsAreNeverNudged() {
        jenkins.clouds.add(new ForeignCloud("other"));

        new EcsQueueListener(jenkins)
                .onEnterBuildable(new Queue.BuildableItem(TestTask.waiting("build", new TestLabel("ecs"))));

        assertThat(jenkins.reviews).isEmpty();
    }
}
