package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
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

    /**
     * The configuration of the cloud's one engine, which launches, tracks, stops and reaps all of its tasks; only
     * its AWS access, owner and tuning are used (launch settings come with each launch).
     */
    EngineConfig engineConfig();

    /** How agents of {@code template} connect back, read at each launch (Jenkins' URL may have changed). */
    AgentConnection connection(TemplatePlan template);

    /** The cluster all of the cloud's tasks run in. */
    String cluster();

    TrackerSettings trackerSettings();

    /**
     * A value equal for equal setups: the registry gives a cloud whose fingerprint is unchanged the runtime it had.
     * Never throws: a setup that cannot yield an engine configuration is told apart by why.
     */
    default Object fingerprint() {
        Object engine;
        try {
            engine = engineConfig().cloudOnly();
        } catch (RuntimeException e) {
            engine = e.getClass().getName() + ": " + e.getMessage();
        }
        return List.of(cloudName(), limits(), templates(), engine, trackerSettings());
    }
}
