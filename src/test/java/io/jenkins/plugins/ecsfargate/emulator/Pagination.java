package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * ECS list paging: {@code maxResults} 1-100 (default 100), an opaque {@code nextToken} (an offset, base64-encoded,
 * bound to the operation) and the next token in the answer only when more items remain.
 */
final class Pagination {
    private Pagination() {}

    /** Writes one page of {@code items} into {@code answer[field]} and {@code nextToken} if more remain. */
    static void page(JsonNode request, String operation, List<String> items, ObjectNode answer, String field) {
        int max = Json.integer(request, "maxResults", 100);
        if (max < 1 || max > 100) {
            throw EcsApiError.invalidParameter("maxResults must be between 1 and 100.");
        }
        int from = offset(Json.text(request, "nextToken"), operation);
        ArrayNode array = answer.putArray(field);
        int to = Math.min(items.size(), from + max);
        for (int i = from; i < to; i++) {
            array.add(items.get(i));
        }
        if (to < items.size()) {
            answer.put("nextToken", token(operation, to));
        }
    }

    private static String token(String operation, int offset) {
        return Base64.getEncoder().encodeToString((operation + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String operation) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(operation + ":")) {
                return Integer.parseInt(decoded.substring(operation.length() + 1));
            }
        } catch (IllegalArgumentException e) {
            throw EcsApiError.invalidParameter("Invalid nextToken: " + e.getMessage());
        }
        throw EcsApiError.invalidParameter("Invalid nextToken.");
    }
}
