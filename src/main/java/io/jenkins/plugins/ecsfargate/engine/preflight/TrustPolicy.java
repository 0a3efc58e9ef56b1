package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A role's trust policy as IAM returns it (URL-encoded JSON), asked one question: may the given service principal
 * assume the role? Only unconditional-effect {@code Allow} statements for {@code sts:AssumeRole} (or
 * {@code sts:*}) naming the service count; conditions such as {@code aws:SourceAccount} do not stop ECS.
 */
final class TrustPolicy {
    private final JsonNode document;

    private TrustPolicy(JsonNode document) {
        this.document = document;
    }

    static TrustPolicy parse(String encoded) {
        String json = encoded.trim().startsWith("{") ? encoded : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        return new TrustPolicy(JsonNode.parser().parse(json));
    }

    boolean trusts(String servicePrincipal) {
        for (JsonNode statement : list(field(document, "Statement"))) {
            if (!"Allow".equals(text(field(statement, "Effect")))) {
                continue;
            }
            boolean assumes = list(field(statement, "Action")).stream()
                    .map(TrustPolicy::text)
                    .anyMatch(a -> "sts:AssumeRole".equals(a) || "sts:*".equals(a) || "*".equals(a));
            JsonNode principal = field(statement, "Principal");
            boolean names = principal != null
                    && list(field(principal, "Service")).stream()
                            .map(TrustPolicy::text)
                            .anyMatch(servicePrincipal::equals);
            if (assumes && names) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode field(JsonNode node, String name) {
        return node != null && node.isObject() ? node.asObject().get(name) : null;
    }

    private static List<JsonNode> list(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        return node.isArray() ? node.asArray() : List.of(node);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
