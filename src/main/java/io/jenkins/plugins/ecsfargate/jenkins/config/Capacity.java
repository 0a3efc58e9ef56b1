package io.jenkins.plugins.ecsfargate.jenkins.config;

import io.jenkins.plugins.ecsfargate.engine.launch.CapacityMode;

/**
 * Where a template's agents run. Persisted by name: a constant is never renamed (old configurations name it).
 */
public enum Capacity {
    /** On-demand Fargate. */
    FARGATE(CapacityMode.FARGATE),
    /** Fargate Spot only: cheaper, may be interrupted, may have no capacity. */
    FARGATE_SPOT(CapacityMode.FARGATE_SPOT),
    /** Fargate Spot first, on-demand when Spot has no capacity. */
    SPOT_WITH_FALLBACK(CapacityMode.FARGATE_SPOT_THEN_FARGATE);

    private final CapacityMode mode;

    Capacity(CapacityMode mode) {
        this.mode = mode;
    }

    /** The engine's capacity mode for this choice. */
    public CapacityMode toMode() {
        return mode;
    }

    /** Whether this choice may run tasks on {@code FARGATE_SPOT}. */
    public boolean usesSpot() {
        return this != FARGATE;
    }
}
