package io.jenkins.plugins.ecsfargate.engine.launch;

/** Where agents run: on-demand Fargate, Fargate Spot only, or Spot first with on-demand when Spot has no capacity. */
public enum CapacityMode {
    FARGATE,
    FARGATE_SPOT,
    FARGATE_SPOT_THEN_FARGATE
}
