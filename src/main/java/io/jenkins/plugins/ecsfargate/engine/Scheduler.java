package io.jenkins.plugins.ecsfargate.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs engine work later. The engine never sleeps: a call that must wait for a rate-limit token or a backoff is
 * scheduled. The Jenkins adapter passes Jenkins' shared timer; tests pass a scheduler driven by the test clock.
 */
@FunctionalInterface
public interface Scheduler {
    /** Runs {@code task} once, after {@code delay} (zero: as soon as possible, never on the caller's thread). */
    void schedule(Duration delay, Runnable task);

    /** A scheduler over an executor the caller owns (and shuts down). */
    static Scheduler of(ScheduledExecutorService executor) {
        return (delay, task) -> executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
}
