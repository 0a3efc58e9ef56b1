package io.jenkins.plugins.ecsfargate.engine.spec;

/** The CPU architectures Fargate runs Linux tasks on; the name is the value ECS expects in {@code runtimePlatform}. */
public enum CpuArchitecture {
    X86_64,
    ARM64
}
