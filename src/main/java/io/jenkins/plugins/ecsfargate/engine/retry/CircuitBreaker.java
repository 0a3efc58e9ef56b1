package io.jenkins.plugins.ecsfargate.engine.retry;

import io.jenkins.plugins.ecsfargate.engine.failure.FailureClass;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stops one template from relaunching in a loop. After {@code threshold} failed launches in a row the template
 * pauses for {@code firstPause}; a failure of the first launch after a pause pauses it again for twice as long,
 * up to {@code maxPause}; failures of launches already under way when the pause began do not lengthen it. A quota
 * failure pauses at once: capacity does not come back within seconds. One success closes the breaker. Clock-driven:
 * nothing sleeps, callers ask {@link #pause()} before launching and report outcomes.
 */
public final class CircuitBreaker {
    private static final Logger LOGGER = Logger.getLogger(CircuitBreaker.class.getName());

    private final String name;
    private final int threshold;
    private final Duration firstPause;
    private final Duration maxPause;
    private final Clock clock;
    private int consecutiveFailures;
    private Duration lastPause = Duration.ZERO;
    private Pause pause;

    public CircuitBreaker(String name, int threshold, Duration firstPause, Duration maxPause, Clock clock) {
        checkSettings(threshold, firstPause, maxPause);
        this.name = name;
        this.threshold = threshold;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
        this.clock = clock;
    }

    static void checkSettings(int threshold, Duration firstPause, Duration maxPause) {
        if (threshold < 1 || firstPause.isNegative() || firstPause.isZero() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("need threshold >= 1 and 0 < firstPause <= maxPause");
        }
    }

    /** The pause in force now, if any; after it ends the next launch is a trial. */
    public synchronized Optional<Pause> pause() {
        if (pause != null && !clock.instant().isBefore(pause.until())) {
            return Optional.empty();
        }
        return Optional.ofNullable(pause);
    }

    public synchronized boolean allowsLaunch() {
        return pause().isEmpty();
    }

    public synchronized void recordSuccess() {
        if (pause != null) {
            LOGGER.log(Level.INFO, "Template {0} launched again; resuming normal launches", name);
        }
        consecutiveFailures = 0;
        lastPause = Duration.ZERO;
        pause = null;
    }

    /**
     * Counts a failed launch; returns the pause it opened, if it opened one. A failure while a pause is in force
     * belongs to a launch that started before the pause (a burst failing together): it is counted but neither
     * lengthens the pause nor counts as the failed trial that doubles it.
     */
    public synchronized Optional<Pause> recordFailure(LaunchFailure failure) {
        consecutiveFailures++;
        if (pause().isPresent()) {
            return Optional.empty();
        }
        boolean trialFailed = pause != null;
        boolean quota = failure.failureClass() == FailureClass.QUOTA;
        if (!trialFailed && !quota && consecutiveFailures < threshold) {
            return Optional.empty();
        }
        Duration length = lastPause.isZero() ? firstPause : min(lastPause.multipliedBy(2), maxPause);
        lastPause = length;
        pause = new Pause(clock.instant().plus(length), length, consecutiveFailures, failure);
        LOGGER.log(Level.WARNING, "Template {0} paused for {1} after {2} failed launches in a row: {3}", new Object[] {
            name, length, consecutiveFailures, failure.describe()
        });
        return Optional.of(pause);
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A template's launches are paused until {@code until} because of {@code cause}. */
    public record Pause(Instant until, Duration length, int consecutiveFailures, LaunchFailure cause) {
        public String describe() {
            return "Launches paused until " + until + " (" + length + ") after " + consecutiveFailures
                    + " failures in a row; last: " + cause.describe();
        }
    }
}
