package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The account's Fargate limits: On-Demand and Spot vCPU quotas (a task holds its task-level cpu until STOPPED;
 * breaching the quota is a RunTask {@code failures[]} entry, not an error), the task-launch token buckets (100
 * burst, 20 tasks/s each; an empty bucket is a ThrottlingException), and capacity that tests can make unavailable
 * per capacity provider. Defaults are AWS's for a new account: 6 vCPUs each.
 */
public final class FargateQuotas {
    public static final String FARGATE = "FARGATE";
    public static final String FARGATE_SPOT = "FARGATE_SPOT";
    static final String VCPU_LIMIT_REASON =
            "You\u2019ve reached the limit on the number of vCPUs you can run concurrently";
    static final String CAPACITY_REASON =
            "Capacity is unavailable at this time. Please try again later or in a" + " different availability zone";

    private final Map<String, Double> vcpuQuota = new HashMap<>();
    private final Map<String, TokenBucket> launches = new HashMap<>();
    private final Set<String> unavailable = new HashSet<>();
    private final Map<String, Integer> unavailableForNext = new HashMap<>();
    private boolean launchRateLimited = true;

    FargateQuotas(Clock clock) {
        vcpuQuota.put(FARGATE, 6.0);
        vcpuQuota.put(FARGATE_SPOT, 6.0);
        launches.put(FARGATE, new TokenBucket("fargate.on-demand-launches", 100, 20, clock));
        launches.put(FARGATE_SPOT, new TokenBucket("fargate.spot-launches", 100, 20, clock));
    }

    /** The On-Demand vCPU quota (AWS default 6; mature accounts often 4000). */
    public synchronized FargateQuotas setOnDemandVcpu(double vcpu) {
        vcpuQuota.put(FARGATE, vcpu);
        return this;
    }

    /** The Spot vCPU quota (AWS default 6). */
    public synchronized FargateQuotas setSpotVcpu(double vcpu) {
        vcpuQuota.put(FARGATE_SPOT, vcpu);
        return this;
    }

    public synchronized double vcpuQuota(String provider) {
        return vcpuQuota.getOrDefault(provider, 0.0);
    }

    /** Changes a task-launch bucket (burst tasks, then tasks per second). */
    public synchronized FargateQuotas setLaunchRate(String provider, double burst, double perSecond) {
        launches.get(provider).configure(burst, perSecond);
        return this;
    }

    /** Whether the task-launch buckets apply at all. */
    public synchronized FargateQuotas setLaunchRateLimited(boolean limited) {
        this.launchRateLimited = limited;
        return this;
    }

    /** Makes a provider's capacity unavailable (every launch fails) or available again. */
    public synchronized FargateQuotas setCapacityAvailable(String provider, boolean available) {
        if (available) {
            unavailable.remove(provider);
            unavailableForNext.remove(provider);
        } else {
            unavailable.add(provider);
        }
        return this;
    }

    /** The next {@code tasks} launches on {@code provider} fail for capacity. */
    public synchronized FargateQuotas capacityUnavailableForNext(String provider, int tasks) {
        unavailableForNext.put(provider, tasks);
        return this;
    }

    /** Takes launch tokens for every provider at once, or none. */
    synchronized boolean tryLaunch(Map<String, Integer> tasksByProvider) {
        if (!launchRateLimited) {
            return true;
        }
        for (Map.Entry<String, Integer> entry : tasksByProvider.entrySet()) {
            if (!launches.get(entry.getKey()).has(entry.getValue())) {
                return false;
            }
        }
        tasksByProvider.forEach((provider, count) -> launches.get(provider).tryTake(count));
        return true;
    }

    /** Whether one more task on {@code provider} finds capacity (consumes a scripted failure if not). */
    synchronized boolean capacityFor(String provider) {
        if (unavailable.contains(provider)) {
            return false;
        }
        int next = unavailableForNext.getOrDefault(provider, 0);
        if (next > 0) {
            unavailableForNext.put(provider, next - 1);
            return false;
        }
        return true;
    }

    /** Whether a task of {@code cpuUnits} fits beside {@code usedUnits} under the provider's quota. */
    synchronized boolean fits(String provider, int usedUnits, int cpuUnits) {
        return (usedUnits + cpuUnits) / 1024.0 <= vcpuQuota(provider) + 1e-9;
    }
}
