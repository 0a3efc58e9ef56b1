package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvisioningDemandTest {
    @Test
    void theQueueBeyondAvailableAndIncomingCapacityIsTheExcess() {
        assertThat(new ProvisioningDemand(5, 1, 1, 1, 0).excess()).isEqualTo(2);
        assertThat(new ProvisioningDemand(2, 3, 0, 0, 0).excess()).isZero();
    }

    @Test
    void ourStartingAgentsCountEvenBeforeJenkinsSeesThem() {
        assertThat(new ProvisioningDemand(3, 0, 0, 0, 3).excess()).isZero();
        assertThat(new ProvisioningDemand(3, 0, 0, 0, 1).excess()).isEqualTo(2);
    }

    @Test
    void anAgentCountedByJenkinsAndByUsIsCountedOnce() {
        assertThat(new ProvisioningDemand(3, 0, 1, 1, 2).excess()).isEqualTo(1);
    }
}
