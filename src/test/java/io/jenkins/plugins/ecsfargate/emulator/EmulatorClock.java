package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's time. A manual clock only moves when a test {@link #advance advances} it, so token buckets refill,
 * tasks change state and retention expires without anyone sleeping; a system clock follows real time (the
 * standalone emulator). Tests can hand the same instance to the code under test, so both sides agree on "now".
 * Listeners run after every manual advance, which lets the emulator fire its hooks (task reached RUNNING) at the
 * moment the clock passes them.
 */
public final class EmulatorClock extends Clock {
    private final AtomicReference<Instant> manualNow;
    private final Clock system;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private EmulatorClock(Instant manualStart, Clock system) {
        this.manualNow = manualStart == null ? null : new AtomicReference<>(manualStart);
        this.system = system;
    }

    /** A clock standing still at {@code start} until advanced. */
    public static EmulatorClock manual(Instant start) {
        return new EmulatorClock(start, null);
    }

    /** A manual clock at a fixed, arbitrary instant (2026-01-01T00:00:00Z). */
    public static EmulatorClock manual() {
        return manual(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A clock following real time. */
    public static EmulatorClock system() {
        return new EmulatorClock(null, Clock.systemUTC());
    }

    /** Whether only {@link #advance} moves this clock. */
    public boolean isManual() {
        return manualNow != null;
    }

    /** Moves a manual clock forward and runs the listeners. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + amount);
        }
        requireManual().updateAndGet(now -> now.plus(amount));
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after every manual advance. */
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    private AtomicReference<Instant> requireManual() {
        if (manualNow == null) {
            throw new IllegalStateException("a system clock cannot be advanced");
        }
        return manualNow;
    }

    @Override
    public Instant instant() {
        return manualNow != null ? manualNow.get() : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        EmulatorClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }
}
