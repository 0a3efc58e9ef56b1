package io.jenkins.plugins.ecsfargate.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Which launched tasks meet a {@link TaskFault}: queued faults go to the next tasks launched, one each, in order;
 * then a standing fault with a probability (seeded), if any.
 */
public final class TaskFaultScript {
    private final Deque<TaskFault> queued = new ArrayDeque<>();
    private final Random random;
    private TaskFault standing;
    private double probability;

    public TaskFaultScript(long seed) {
        this.random = new Random(seed);
    }

    /** The next launched task meets {@code fault}. */
    public synchronized void next(TaskFault fault) {
        queued.addLast(fault);
    }

    /** The next {@code count} launched tasks meet {@code fault}. */
    public synchronized void next(int count, TaskFault fault) {
        for (int i = 0; i < count; i++) {
            queued.addLast(fault);
        }
    }

    /** Every launched task meets {@code fault} with probability {@code p}, until {@link #clear}. */
    public synchronized void withProbability(double p, TaskFault fault) {
        this.standing = fault;
        this.probability = p;
    }

    public synchronized void clear() {
        queued.clear();
        standing = null;
    }

    /** The fault for the task being launched, or null. */
    synchronized TaskFault draw() {
        if (!queued.isEmpty()) {
            return queued.removeFirst();
        }
        if (standing != null && random.nextDouble() < probability) {
            return standing;
        }
        return null;
    }
}
