package io.jenkins.plugins.ecsfargate.engine.tracking;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the tracker asks ECS and how long it waits for each phase.
 *
 * @param startingInterval between DescribeTasks rounds while any task is starting (the delay before a start
 *     failure reaches the caller)
 * @param stoppingInterval while any task is stopping and none is starting
 * @param runningInterval while every task runs (only unexpected stops are left to notice)
 * @param startTimeout RunTask to RUNNING; then the task is stopped and reported (for tasks tracked without
 *     {@link TaskTimeouts} of their own)
 * @param connectTimeout RUNNING to the agent connecting; then the task is stopped and reported (likewise)
 * @param missingGrace how long a task may be unknown to DescribeTasks after RunTask (eventual consistency)
 *     before it counts as vanished
 */
public record TrackerSettings(
        Duration startingInterval,
        Duration stoppingInterval,
        Duration runningInterval,
        Duration startTimeout,
        Duration connectTimeout,
        Duration missingGrace) {

    public TrackerSettings {
        requirePositive(startingInterval, "startingInterval");
        requirePositive(stoppingInterval, "stoppingInterval");
        requirePositive(runningInterval, "runningInterval");
        requirePositive(startTimeout, "startTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(missingGrace, "missingGrace");
    }

    /**
     * 3 s while starting (a failed pull reaches the caller within 3 s), 10 s while stopping (Fargate takes 20-75
     * s), 30 s while running; 10 minutes to start (Fargate itself gives up on PENDING after 3), 5 minutes to
     * connect; 2 minutes of eventual consistency.
     */
    public static TrackerSettings defaults() {
        return new TrackerSettings(
                Duration.ofSeconds(3),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                Duration.ofMinutes(2));
    }

    public TrackerSettings withTimeouts(Duration start, Duration connect) {
        return new TrackerSettings(startingInterval, stoppingInterval, runningInterval, start, connect, missingGrace);
    }

    public TrackerSettings withIntervals(Duration starting, Duration stopping, Duration running) {
        return new TrackerSettings(starting, stopping, running, startTimeout, connectTimeout, missingGrace);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
