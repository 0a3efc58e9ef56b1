package io.jenkins.plugins.ecsfargate.engine.spec;

/** One reason a spec cannot run, with the field (a path such as {@code sidecars[otel].image}) to fix. */
public record SpecProblem(String field, String problem) implements java.io.Serializable {
    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
