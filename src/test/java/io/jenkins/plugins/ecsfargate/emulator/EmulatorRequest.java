package io.jenkins.plugins.ecsfargate.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One HTTP request as the emulator received it; header names are lower-cased. The {@code requestId} is the one the
 * server sends back in {@code x-amzn-RequestId}, so that services whose bodies carry it (query protocol) agree.
 */
public record EmulatorRequest(
        String method, String path, Map<String, List<String>> headers, byte[] body, String requestId) {

    /** A request with a fresh request id. */
    public EmulatorRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
        this(method, path, headers, body, UUID.randomUUID().toString());
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
