package io.jenkins.plugins.ecsfargate.engine.spec;

/**
 * When a container may start relative to one it depends on; the names are ECS's {@code ContainerCondition} values.
 * ECS's {@code HEALTHY} is left out because specs configure no container health checks, which it requires.
 */
public enum DependencyCondition {
    START,
    COMPLETE,
    SUCCESS
}
