package io.jenkins.plugins.ecsfargate.jenkins.runtime;

/**
 * How many agents of one template may start now. Both the template's and the cloud's caps count every agent of
 * theirs from the moment it is planned, so a burst of provisioning calls can never overshoot a cap, and a build's
 * demand already covered by an agent on its way never starts a second one.
 */
public final class CapacityMath {
    private CapacityMath() {}

    /** Agents needed for {@code excessWorkload} executors when each agent brings {@code numExecutors}. */
    public static int agentsFor(int excessWorkload, int numExecutors) {
        if (excessWorkload <= 0) {
            return 0;
        }
        int perAgent = Math.max(1, numExecutors);
        return (excessWorkload + perAgent - 1) / perAgent;
    }

    /** Of {@code wanted} agents of {@code template}, how many fit under both caps given what is already in use. */
    public static int allowed(int wanted, TemplatePlan template, Usage ofTemplate, Usage ofCloud, CloudLimits cloud) {
        int room = Math.max(0, wanted);
        if (template.maxAgents() > 0) {
            room = Math.min(room, template.maxAgents() - ofTemplate.agents());
        }
        if (cloud.maxAgents() > 0) {
            room = Math.min(room, cloud.maxAgents() - ofCloud.agents());
        }
        double vcpus = template.vcpus();
        if (cloud.maxVcpus() > 0 && vcpus > 0) {
            room = Math.min(room, (int) Math.floor((cloud.maxVcpus() - ofCloud.vcpus()) / vcpus + 1e-9));
        }
        return Math.max(0, room);
    }
}
