package io.jenkins.plugins.ecsfargate.engine.testing;

import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * A scheduler on the test's clock: tasks run, in due order, only when the test asks, and the clock is moved to
 * each task's due time first. Nothing waits in real time.
 */
public final class ManualScheduler implements Scheduler {
    private final Clock clock;
    private final Consumer<Duration> advance;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long sequence;
    private long executed;

    public ManualScheduler(Clock clock, Consumer<Duration> advance) {
        this.clock = clock;
        this.advance = advance;
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        queue.add(new Entry(clock.instant().plus(wait), sequence++, task));
    }

    /** Runs everything, moving the clock as needed, until nothing is scheduled. */
    public void runUntilIdle() {
        runUntil(Instant.MAX, 1_000_000);
    }

    /** Runs what is due within {@code period}, then leaves the clock at its end. */
    public void runFor(Duration period) {
        Instant end = clock.instant().plus(period);
        runUntil(end, 1_000_000);
        Duration rest = Duration.between(clock.instant(), end);
        if (!rest.isNegative() && !rest.isZero()) {
            advance.accept(rest);
        }
    }

    public synchronized int pending() {
        return queue.size();
    }

    public synchronized long executed() {
        return executed;
    }

    private void runUntil(Instant end, int maxTasks) {
        for (int i = 0; i < maxTasks; i++) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(end)) {
                    return;
                }
                queue.poll();
                executed++;
            }
            Duration wait = Duration.between(clock.instant(), next.due);
            if (!wait.isNegative() && !wait.isZero()) {
                advance.accept(wait);
            }
            next.task.run();
        }
        throw new AssertionError("more than " + maxTasks + " scheduled tasks: a loop?");
    }

    private record Entry(Instant due, long sequence, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }
}
