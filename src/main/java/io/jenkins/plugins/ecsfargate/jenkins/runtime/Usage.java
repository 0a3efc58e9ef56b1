package io.jenkins.plugins.ecsfargate.jenkins.runtime;

/** Agents and vCPU in use, counting planned and starting agents as well as running ones. */
public record Usage(int agents, double vcpus) {
    public static final Usage NONE = new Usage(0, 0);

    public Usage plus(double agentVcpus) {
        return new Usage(agents + 1, vcpus + agentVcpus);
    }
}
