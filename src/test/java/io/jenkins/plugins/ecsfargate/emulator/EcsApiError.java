package io.jenkins.plugins.ecsfargate.emulator;

import java.util.List;

/**
 * An ECS error answer: AWS's {@code __type} code, HTTP status and message. {@code resourceIds} is only set for
 * {@code ConflictException} (RunTask client token reused with other parameters), as the ECS model defines.
 */
final class EcsApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<String> resourceIds;

    EcsApiError(int status, String code, String message, List<String> resourceIds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.resourceIds = resourceIds == null ? List.of() : List.copyOf(resourceIds);
    }

    static EcsApiError client(String message) {
        return new EcsApiError(400, "ClientException", message, null);
    }

    static EcsApiError invalidParameter(String message) {
        return new EcsApiError(400, "InvalidParameterException", message, null);
    }

    static EcsApiError clusterNotFound() {
        return new EcsApiError(400, "ClusterNotFoundException", "Cluster not found.", null);
    }

    static EcsApiError of(String code, String message) {
        return new EcsApiError(400, code, message, null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<String> resourceIds() {
        return resourceIds;
    }
}
