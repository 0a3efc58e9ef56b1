package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.Objects;

/** A container's {@code dependsOn} entry: start only once {@code containerName} reached {@code condition}. */
public record ContainerDependency(String containerName, DependencyCondition condition) {
    public ContainerDependency {
        condition = Objects.requireNonNullElse(condition, DependencyCondition.START);
    }
}
