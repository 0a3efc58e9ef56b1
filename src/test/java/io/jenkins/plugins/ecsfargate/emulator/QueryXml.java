package io.jenkins.plugins.ecsfargate.emulator;

import java.util.Map;
import java.util.UUID;

/**
 * Writes awsQuery XML answers: {@code <OpResponse xmlns=…><OpResult>…</OpResult><ResponseMetadata>…} for results
 * and {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>} for errors, as IAM and STS send
 * them. Result members are appended through the builder methods, which escape text.
 */
public final class QueryXml {

    private static final String CONTENT_TYPE = "text/xml";

    private final StringBuilder out = new StringBuilder();

    /** Opens an element. */
    public QueryXml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    /** Closes an element. */
    public QueryXml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** An element holding text; a null value writes nothing, as AWS leaves out absent members. */
    public QueryXml element(String name, Object value) {
        if (value != null) {
            open(name);
            escape(String.valueOf(value));
            close(name);
        }
        return this;
    }

    /** Appends what another builder wrote, e.g. one list element built on its own. */
    public QueryXml raw(QueryXml written) {
        out.append(written.out);
        return this;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
    }

    /**
     * The written members, wrapped as {@code <OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata>}; the body
     * carries the request id the server sends in {@code x-amzn-RequestId}.
     */
    public EmulatorResponse toResponse(String operation, String xmlns, EmulatorRequest request) {
        String requestId = request.requestId();
        String body = "<" + operation + "Response xmlns=\"" + xmlns + "\">"
                + "<" + operation + "Result>" + out + "</" + operation + "Result>"
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata>"
                + "</" + operation + "Response>";
        return EmulatorResponse.of(200, CONTENT_TYPE, body);
    }

    /**
     * An awsQuery error; {@code Type} is {@code Receiver} for server faults (5xx) and {@code Sender} otherwise. The
     * error names its own request id, in the body and in {@code x-amzn-RequestId}, so that both agree.
     */
    public static EmulatorResponse error(String xmlns, int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        QueryXml error = new QueryXml()
                .open("Error")
                .element("Type", status >= 500 ? "Receiver" : "Sender")
                .element("Code", code)
                .element("Message", message)
                .close("Error")
                .element("RequestId", requestId);
        String body = "<ErrorResponse xmlns=\"" + xmlns + "\">" + error.out + "</ErrorResponse>";
        return withRequestId(status, body, requestId);
    }

    private static EmulatorResponse withRequestId(int status, String body, String requestId) {
        EmulatorResponse plain = EmulatorResponse.of(status, CONTENT_TYPE, body);
        return new EmulatorResponse(status, CONTENT_TYPE, Map.of("x-amzn-RequestId", requestId), plain.body());
    }
}
