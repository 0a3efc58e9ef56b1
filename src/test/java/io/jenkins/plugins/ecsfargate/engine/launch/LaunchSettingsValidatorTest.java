package io.jenkins.plugins.ecsfargate.engine.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.engine.spec.OperatingSystemFamily;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchSettingsValidatorTest {
    private static final AgentConnection CONNECTION = AgentConnection.webSocket("https://ci.example.com/");

    @Test
    void usualSettingsAreValid() {
        LaunchSettings settings = LaunchSettings.of(
                "arn:aws:ecs:us-east-1:123456789012:cluster/jenkins",
                List.of("subnet-0a1b2c3d", "subnet-0123456789abcdef0"),
                List.of("sg-0c2d3e4f"));
        assertThat(LaunchSettingsValidator.validate(settings.withPlatformVersion("1.4.0"), CONNECTION))
                .isEmpty();
    }

    @Test
    void namesEachWrongField() {
        LaunchSettings settings = LaunchSettings.of(
                        "my cluster", List.of("subnet-xyz"), Collections.nCopies(6, "sg-0c2d3e4f"))
                .withPlatformVersion("newest");
        assertThat(LaunchSettingsValidator.validate(settings, AgentConnection.webSocket("ci.example.com")))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder("cluster", "subnets", "securityGroups", "platformVersion", "jenkinsUrl");
    }

    @Test
    void subnetsAreRequiredAndBounded() {
        assertThat(LaunchSettingsValidator.validate(LaunchSettings.of("jenkins", List.of(), List.of()), CONNECTION))
                .extracting(SpecProblem::field)
                .containsExactly("subnets");
        assertThat(LaunchSettingsValidator.validate(
                        LaunchSettings.of("jenkins", Collections.nCopies(17, "subnet-0a1b2c3d"), List.of()),
                        CONNECTION))
                .extracting(SpecProblem::field)
                .containsExactly("subnets");
    }

    @Test
    void windowsTasksRunOnDemandOnTheirOwnPlatformVersion() {
        LaunchSettings settings = LaunchSettings.of("jenkins", List.of("subnet-0a1b2c3d"), List.of());
        OperatingSystemFamily windows = OperatingSystemFamily.WINDOWS_SERVER_2019_FULL;
        assertThat(LaunchSettingsValidator.validate(settings, CONNECTION, windows))
                .isEmpty();
        assertThat(LaunchSettingsValidator.validate(settings.withPlatformVersion("1.0.0"), CONNECTION, windows))
                .isEmpty();
        assertThat(LaunchSettingsValidator.validate(settings.withPlatformVersion("1.4.0"), CONNECTION, windows))
                .extracting(SpecProblem::field)
                .containsExactly("platformVersion");
        for (CapacityMode spot : List.of(CapacityMode.FARGATE_SPOT, CapacityMode.FARGATE_SPOT_THEN_FARGATE)) {
            assertThat(LaunchSettingsValidator.validate(settings.withCapacity(spot), CONNECTION, windows))
                    .extracting(SpecProblem::field)
                    .containsExactly("capacity");
            assertThat(LaunchSettingsValidator.validate(settings.withCapacity(spot), CONNECTION))
                    .isEmpty();
        }
    }
}
