package io.jenkins.plugins.ecsfargate.jenkins.runtime;

/**
 * The caps of a whole cloud: agents and vCPU, each 0 for none.
 *
 * <p>vCPU is capped beside agents because Fargate's quota is in vCPU per Region, and a cap below the quota keeps
 * one cloud from starving others in the same account.
 */
public record CloudLimits(int maxAgents, int maxVcpus) {
    public static final CloudLimits NONE = new CloudLimits(0, 0);

    public CloudLimits {
        maxAgents = Math.max(0, maxAgents);
        maxVcpus = Math.max(0, maxVcpus);
    }
}
