package io.jenkins.plugins.ecsfargate.engine.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Whether a sequence of call times could have passed a token bucket of {@code burst} and {@code perSecond}. */
public final class RateCheck {
    private RateCheck() {}

    /** The worst excess over the bucket in any window (zero or less means every call would have had a token). */
    public static double worstExcess(List<Instant> times, double burst, double perSecond) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.size(); i++) {
            for (int j = i; j < times.size(); j++) {
                double seconds = Duration.between(times.get(i), times.get(j)).toNanos() / 1e9;
                double allowed = burst + perSecond * seconds;
                worst = Math.max(worst, (j - i + 1) - allowed);
            }
        }
        return worst;
    }
}
