package io.jenkins.plugins.ecsfargate.engine.spec;

/** A resource limit for a container, e.g. {@code nofile} with soft and hard values. */
public record Ulimit(String name, int softLimit, int hardLimit) {}
