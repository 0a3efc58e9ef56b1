package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
import io.jenkins.plugins.ecsfargate.engine.tracking.TrackerSettings;
import java.util.List;

/**
 * A cloud's configuration as its runtime reads it, at use time: the cloud hands out fresh values on every call, so
 * a changed Jenkins URL or template applies to the next launch without anything frozen.
 */
public interface CloudSetup {
    String cloudName();

    CloudLimits limits();

    /** The templates, in the order the administrator listed them (the first that fits a label is asked first). */
    List<TemplatePlan> templates();

    /** The engine configuration for launching agents of {@code template}; equal configurations share an engine. */
    EngineConfig engineConfig(TemplatePlan template);

    /** The configuration of the engine that tracks, stops and reaps all of the cloud's tasks. */
    EngineConfig trackingConfig();

    TrackerSettings trackerSettings();

    /**
     * A value equal for equal setups: the registry gives a cloud whose fingerprint is unchanged the runtime it had.
     * Never throws: a setup that cannot yield an engine configuration is told apart by why.
     */
    default Object fingerprint() {
        Object engine;
        try {
            engine = trackingConfig();
        } catch (RuntimeException e) {
            engine = e.getClass().getName() + ": " + e.getMessage();
        }
        return List.of(cloudName(), limits(), templates(), engine, trackerSettings());
    }
}
