package io.jenkins.plugins.ecsfargate.jenkins.runtime;

/**
 * How many more executors a label needs: the queue length minus every executor that is available or on its way.
 * Jenkins' own counts of connecting and planned executors lag behind a burst of provisioning, while the clouds'
 * own count of their starting agents does not; the larger of the two is taken, so an agent on its way is never
 * asked for twice.
 */
public record ProvisioningDemand(
        int queueLength, int availableExecutors, int connectingExecutors, int plannedExecutors, int ourStarting) {

    public int excess() {
        int onTheirWay = Math.max(connectingExecutors + plannedExecutors, ourStarting);
        return Math.max(0, queueLength - availableExecutors - onTheirWay);
    }
}
