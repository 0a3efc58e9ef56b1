package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.Extension;
import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.LiveJenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The one owner of every cloud's runtime, keyed by cloud name. Saving Manage Jenkins &gt; Clouds builds new cloud
 * objects; the registry gives a new object with an unchanged setup the runtime it had, and a changed setup a new
 * runtime that takes over the old one's agents, tracked tasks and pending stops while the old one finishes its
 * launches in flight and closes. A save never stops a task nor disturbs a build.
 *
 * <p>The runtime of a removed cloud retires: it starts nothing, retires its idle agents (busy ones when their build
 * ends) and is closed by the periodic reconciliation once nothing of it is left.
 */
@Extension
public final class CloudRuntimes {
    private static final Logger LOGGER = Logger.getLogger(CloudRuntimes.class.getName());
    static final String CLOUD_REMOVED = Messages.format("CloudRuntimes.cloudRemoved");

    private final JenkinsRuntime jenkins;
    private final Scheduler scheduler;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, CloudRuntime> byName = new HashMap<>();
    private final List<CloudRuntime> retiring = new ArrayList<>();

    public CloudRuntimes() {
        this(new LiveJenkinsRuntime(), Clock.systemUTC(), RandomGenerator.getDefault());
    }

    private CloudRuntimes(JenkinsRuntime jenkins, Clock clock, RandomGenerator random) {
        this(jenkins, (delay, task) -> jenkins.scheduler().schedule(delay, task), clock, random);
    }

    /** A registry whose runtimes reach Jenkins through {@code jenkins} and run their work on {@code scheduler}. */
    public CloudRuntimes(JenkinsRuntime jenkins, Scheduler scheduler, Clock clock, RandomGenerator random) {
        this.jenkins = jenkins;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
    }

    /**
     * The runtime for a cloud with this setup: the existing one if its setup is unchanged, else a new one that
     * takes over from the one before (which then drains and closes).
     */
    public synchronized CloudRuntime runtimeFor(CloudSetup setup) {
        String name = setup.cloudName();
        CloudRuntime existing = byName.get(name);
        if (existing != null && existing.isCurrent() && existing.fingerprint().equals(setup.fingerprint())) {
            return existing;
        }
        CloudRuntime next = new CloudRuntime(setup, jenkins, scheduler, clock, random);
        byName.put(name, next);
        CloudRuntime previous = existing != null && existing.isCurrent() ? existing : takeRetiring(name);
        if (previous != null) {
            LOGGER.log(Level.INFO, "Cloud {0} was reconfigured; its agents move to the new configuration", name);
            previous.handOverTo(next);
        }
        return next;
    }

    /** The current runtime of the cloud named {@code name}, or null if it has none. */
    public synchronized CloudRuntime current(String name) {
        CloudRuntime runtime = byName.get(name);
        return runtime != null && runtime.isCurrent() ? runtime : null;
    }

    /**
     * Called by the reconciliation with the names of the clouds Jenkins has: runtimes of other clouds retire, and
     * retiring runtimes with nothing left are closed.
     */
    public synchronized void retainOnly(Collection<String> cloudNames) {
        for (Iterator<Map.Entry<String, CloudRuntime>> it = byName.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, CloudRuntime> entry = it.next();
            if (!cloudNames.contains(entry.getKey())) {
                it.remove();
                if (entry.getValue().isCurrent()) {
                    LOGGER.log(Level.INFO, "Cloud {0} was removed; retiring its agents", entry.getKey());
                    retiring.add(entry.getValue());
                }
            }
        }
        for (Iterator<CloudRuntime> it = retiring.iterator(); it.hasNext(); ) {
            CloudRuntime runtime = it.next();
            runtime.retireIdleAgents(CLOUD_REMOVED);
            if (runtime.isFinished()) {
                runtime.close();
                it.remove();
                LOGGER.log(Level.INFO, "Cloud {0}: removed, and nothing of it is left", runtime.cloudName());
            }
        }
    }

    /** The current runtime of every cloud that has one. */
    public synchronized List<CloudRuntime> currentRuntimes() {
        return byName.values().stream().filter(CloudRuntime::isCurrent).toList();
    }

    /** Runtimes of removed clouds that still have agents, launches or stops to finish. */
    synchronized List<CloudRuntime> retiring() {
        return List.copyOf(retiring);
    }

    private CloudRuntime takeRetiring(String name) {
        for (Iterator<CloudRuntime> it = retiring.iterator(); it.hasNext(); ) {
            CloudRuntime runtime = it.next();
            if (runtime.cloudName().equals(name)) {
                it.remove();
                return runtime;
            }
        }
        return null;
    }
}
