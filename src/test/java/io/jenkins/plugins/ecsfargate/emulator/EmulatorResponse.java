package io.jenkins.plugins.ecsfargate.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP answer: status, content type, extra headers, body. */
public record EmulatorResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    /** A text answer without extra headers. */
    public static EmulatorResponse of(int status, String contentType, String body) {
        return new EmulatorResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
