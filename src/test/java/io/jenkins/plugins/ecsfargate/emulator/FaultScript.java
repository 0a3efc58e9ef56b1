package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted faults by operation. An operation key is {@code service:Operation} ({@code ecs:RunTask}) or
 * {@code service:*}. Rules are checked in the order they were added; the first that fires decides the call.
 * Call numbers count the attempts (retries included) that reach the rule after it was added, starting at 1.
 * Probabilities draw from one seeded {@link Random}, so a run repeats.
 */
public final class FaultScript {
    private final Clock clock;
    private final Random random;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    public FaultScript(Clock clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
    }

    /** The {@code n}-th call (1 = the next one) fails with {@code fault}. */
    public void onCall(String operationKey, int n, Fault fault) {
        onCalls(operationKey, n, 1, fault);
    }

    /** {@code count} calls starting with the {@code first}-th (1 = the next one) fail with {@code fault}. */
    public void onCalls(String operationKey, int first, int count, Fault fault) {
        if (first < 1 || count < 1) {
            throw new IllegalArgumentException("first and count start at 1");
        }
        rules.add(new Rule(operationKey, fault, first, first + count - 1, null, 1.0));
    }

    /** Every call from now until {@code period} has passed on the emulator clock fails with {@code fault}. */
    public void during(String operationKey, Duration period, Fault fault) {
        rules.add(new Rule(
                operationKey, fault, 1, Integer.MAX_VALUE, clock.instant().plus(period), 1.0));
    }

    /** Every call, until {@link #clear}, fails with {@code fault}. */
    public void always(String operationKey, Fault fault) {
        rules.add(new Rule(operationKey, fault, 1, Integer.MAX_VALUE, null, 1.0));
    }

    /** Each call fails with {@code fault} with probability {@code p} (seeded). */
    public void withProbability(String operationKey, double p, Fault fault) {
        rules.add(new Rule(operationKey, fault, 1, Integer.MAX_VALUE, null, p));
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** The fault for this call, if a rule fires. */
    Optional<Fault> next(String operationKey) {
        Instant now = clock.instant();
        for (Rule rule : rules) {
            if (rule.matches(operationKey) && rule.fires(now)) {
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    private final class Rule {
        private final String key;
        private final Fault fault;
        private final int first;
        private final int last;
        private final Instant until;
        private final double probability;
        private final AtomicInteger seen = new AtomicInteger();

        Rule(String key, Fault fault, int first, int last, Instant until, double probability) {
            this.key = key;
            this.fault = fault;
            this.first = first;
            this.last = last;
            this.until = until;
            this.probability = probability;
        }

        boolean matches(String operationKey) {
            if (key.endsWith(":*")) {
                return operationKey.startsWith(key.substring(0, key.length() - 1));
            }
            return key.equals(operationKey);
        }

        boolean fires(Instant now) {
            int n = seen.incrementAndGet();
            if (n < first || n > last || (until != null && !now.isBefore(until))) {
                return false;
            }
            if (probability >= 1.0) {
                return true;
            }
            synchronized (random) {
                return random.nextDouble() < probability;
            }
        }
    }
}
