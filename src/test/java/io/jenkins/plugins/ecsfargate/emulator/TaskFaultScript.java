package io.jenkins.plugins.ecsfargate.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which launched tasks meet a {@link TaskFault}: a task with a container of an image that has a fault of its own
 * (an image no registry serves) meets that one; otherwise queued faults go to the next tasks launched, one each, in
 * order; then a standing fault with a probability (seeded), if any.
 */
public final class TaskFaultScript {
    private final Deque<TaskFault> queued = new ArrayDeque<>();
    private final Map<String, TaskFault> byImage = new HashMap<>();
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

    /** Every task with a container of {@code image} meets {@code fault}, until {@link #clear}. */
    public synchronized void forImage(String image, TaskFault fault) {
        byImage.put(image, fault);
    }

    public synchronized void clear() {
        queued.clear();
        byImage.clear();
        standing = null;
    }

    /** The fault for the task being launched with containers of {@code images}, or null. */
    synchronized TaskFault draw(List<String> images) {
        for (String image : images) {
            TaskFault fault = byImage.get(image);
            if (fault != null) {
                return fault.striking(image);
            }
        }
        String agentImage = images.isEmpty() ? null : images.get(0);
        if (!queued.isEmpty()) {
            return queued.removeFirst().striking(agentImage);
        }
        if (standing != null && random.nextDouble() < probability) {
            return standing.striking(agentImage);
        }
        return null;
    }
}
