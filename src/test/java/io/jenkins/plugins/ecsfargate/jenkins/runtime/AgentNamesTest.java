package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentNamesTest {
    @Test
    void namesReadCloudTemplateAndARandomSuffix() {
        String name = AgentNames.next("ecs-cloud", "jenkins-agent", new Random(1), n -> false);

        assertThat(name).matches("ecs-cloud-jenkins-agent-[0-9a-z]{5}");
    }

    @Test
    void charactersJenkinsAndEcsTagsDislikeAreReplaced() {
        String name = AgentNames.next("My Cloud", "Java 21/Maven", new Random(1), n -> false);

        assertThat(name).matches("my-cloud-java-21-maven-[0-9a-z]{5}");
    }

    @Test
    void aNameTakenIsNeverHandedOutAgain() {
        Set<String> taken = new HashSet<>();
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            assertThat(taken.add(AgentNames.next("c", "t", random, taken::contains)))
                    .isTrue();
        }
    }

    @Test
    void givesUpRatherThanLoopingWhenEveryNameIsTaken() {
        assertThatThrownBy(() -> AgentNames.next("c", "t", new Random(1), n -> true))
                .isInstanceOf(IllegalStateException.class);
    }
}
