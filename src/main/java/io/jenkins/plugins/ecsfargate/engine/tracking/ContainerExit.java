package io.jenkins.plugins.ecsfargate.engine.tracking;

import java.util.List;
import java.util.Optional;

/**
 * How one container of a task ended, as ECS describes it.
 *
 * @param exitCode null while the container runs or when it never started
 * @param reason ECS's reason for the container (e.g. {@code OutOfMemoryError: ...}), or null
 */
public record ContainerExit(String name, Integer exitCode, String reason) {

    /** The container whose exit explains a stop best: a non-zero exit or a reason first, else any exit. */
    static Optional<ContainerExit> telling(List<ContainerExit> containers) {
        return containers.stream()
                .filter(c -> c.reason() != null || (c.exitCode() != null && c.exitCode() != 0))
                .findFirst()
                .or(() -> containers.stream().filter(c -> c.exitCode() != null).findFirst());
    }
}
