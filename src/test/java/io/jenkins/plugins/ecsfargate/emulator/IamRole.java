package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Instant;
import java.util.List;

/**
 * An IAM role as the emulator holds it. {@code trustPolicy} is the JSON document as written; GetRole sends it
 * URL-encoded, as IAM does. {@code trust} is the same document parsed, for AssumeRole.
 */
public record IamRole(
        String name,
        String path,
        String arn,
        String roleId,
        String trustPolicy,
        List<PolicyStatement> trust,
        Instant createDate,
        int maxSessionDurationSeconds) {

    public IamRole {
        trust = List.copyOf(trust);
    }
}
