package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.List;

/** A spec that ECS would reject, found before any AWS call; lists every problem with its field. */
public final class InvalidSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
