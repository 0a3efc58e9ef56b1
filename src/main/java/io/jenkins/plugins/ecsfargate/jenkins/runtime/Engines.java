package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import io.jenkins.plugins.ecsfargate.engine.EngineConfig;
import io.jenkins.plugins.ecsfargate.engine.FargateEngine;
import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A cloud's engines, one per distinct engine configuration. The engine fixes network and capacity settings per
 * instance while templates may differ in them, so templates with equal settings share one engine (and its clients,
 * rate limiter and breakers) and others get their own.
 */
final class Engines implements AutoCloseable {
    private final Scheduler scheduler;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<EngineConfig, FargateEngine> byConfig = new HashMap<>();

    Engines(Scheduler scheduler, Clock clock, RandomGenerator random) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
    }

    synchronized FargateEngine forConfig(EngineConfig config) {
        return byConfig.computeIfAbsent(config, c -> new FargateEngine(c, scheduler, clock, random));
    }

    @Override
    public synchronized void close() {
        byConfig.values().forEach(FargateEngine::close);
        byConfig.clear();
    }
}
