package io.jenkins.plugins.ecsfargate.jenkins.config;

import io.jenkins.plugins.ecsfargate.engine.spec.CpuArchitecture;

/** The CPU architecture of a template's Linux tasks. Persisted by name: a constant is never renamed. */
public enum Architecture {
    X86_64(CpuArchitecture.X86_64),
    ARM64(CpuArchitecture.ARM64);

    private final CpuArchitecture engine;

    Architecture(CpuArchitecture engine) {
        this.engine = engine;
    }

    /** The engine's value for this choice. */
    public CpuArchitecture toEngine() {
        return engine;
    }
}
