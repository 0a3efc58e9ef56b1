package io.jenkins.plugins.ecsfargate.engine.retry;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link CircuitBreaker} per template of a cloud, all with the same settings. */
public final class CircuitBreakers {
    private final int threshold;
    private final Duration firstPause;
    private final Duration maxPause;
    private final Clock clock;
    private final Map<String, CircuitBreaker> byTemplate = new ConcurrentHashMap<>();

    public CircuitBreakers(int threshold, Duration firstPause, Duration maxPause, Clock clock) {
        CircuitBreaker.checkSettings(threshold, firstPause, maxPause);
        this.threshold = threshold;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
        this.clock = clock;
    }

    /** The usual settings: 3 failures in a row pause a template for 1 minute, doubling up to 30 minutes. */
    public static CircuitBreakers defaults(Clock clock) {
        return new CircuitBreakers(3, Duration.ofMinutes(1), Duration.ofMinutes(30), clock);
    }

    public CircuitBreaker forTemplate(String template) {
        return byTemplate.computeIfAbsent(
                template, name -> new CircuitBreaker(name, threshold, firstPause, maxPause, clock));
    }

    /** The pause of {@code template} in force now, if any. */
    public Optional<CircuitBreaker.Pause> pauseOf(String template) {
        CircuitBreaker breaker = byTemplate.get(template);
        return breaker == null ? Optional.empty() : breaker.pause();
    }
}
