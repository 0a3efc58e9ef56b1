package io.jenkins.plugins.ecsfargate.engine.tracking;

import java.util.ArrayList;
import java.util.List;

/** Splits task lists into DescribeTasks-sized batches (ECS takes at most 100 tasks per call). */
final class Batches {
    static final int MAX_TASKS_PER_DESCRIBE = 100;

    private Batches() {}

    static <T> List<List<T>> of(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += MAX_TASKS_PER_DESCRIBE) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + MAX_TASKS_PER_DESCRIBE))));
        }
        return batches;
    }
}
