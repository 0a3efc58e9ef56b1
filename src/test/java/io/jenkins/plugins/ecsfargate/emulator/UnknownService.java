package io.jenkins.plugins.ecsfargate.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Answers requests no registered service accepts, the way AWS front ends do: awsJson requests (they carry
 * {@code X-Amz-Target}) get 400 {@code UnknownOperationException}; query-protocol requests get 400
 * {@code InvalidAction} in XML.
 */
final class UnknownService {
    private UnknownService() {}

    static String operation(EmulatorRequest request) {
        String target = request.header("x-amz-target");
        if (target != null) {
            int dot = target.lastIndexOf('.');
            return dot < 0 ? target : target.substring(dot + 1);
        }
        String action = formValue(request.bodyText(), "Action");
        return action == null ? "UnknownOperation" : action;
    }

    static EmulatorResponse answer(EmulatorRequest request) {
        if (request.header("x-amz-target") != null) {
            return EmulatorResponse.of(400, "application/x-amz-json-1.1", "{\"__type\":\"UnknownOperationException\"}");
        }
        String action = operation(request);
        String xml = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>"
                + "Could not find operation " + escape(action) + "</Message></Error><RequestId>"
                + request.requestId() + "</RequestId></ErrorResponse>";
        return EmulatorResponse.of(400, "text/xml", xml);
    }

    private static String formValue(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
