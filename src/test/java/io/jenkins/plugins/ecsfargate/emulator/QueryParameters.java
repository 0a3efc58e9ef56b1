package io.jenkins.plugins.ecsfargate.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The form parameters of an awsQuery request ({@code Action=…&Version=…&Name.member.1=…}). Lists arrive as
 * {@code Name.member.N} and nested structures as {@code Name.member.N.Field}; this class reads both back.
 */
public final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** Parses a request's body when it is form-urlencoded; any other body reads as no parameters. */
    public static QueryParameters of(EmulatorRequest request) {
        String contentType = request.header("content-type");
        Map<String, String> values = new LinkedHashMap<>();
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return new QueryParameters(values);
        }
        for (String pair : request.bodyText().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(decode(name), decode(value));
        }
        return new QueryParameters(values);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** A parameter's value, or null when absent. */
    public String get(String name) {
        return values.get(name);
    }

    /** The values of the list {@code prefix.member.1}, {@code prefix.member.2}, … in order. */
    public List<String> list(String prefix) {
        List<String> result = new ArrayList<>();
        for (int i = 1; values.containsKey(prefix + ".member." + i); i++) {
            result.add(values.get(prefix + ".member." + i));
        }
        return result;
    }

    /**
     * The prefixes {@code prefix.member.1}, {@code prefix.member.2}, … of a list of structures, in order: each
     * names one element whose fields are read with {@code get(element + ".Field")}.
     */
    public List<String> structures(String prefix) {
        List<String> result = new ArrayList<>();
        for (int i = 1; ; i++) {
            String element = prefix + ".member." + i;
            String fieldPrefix = element + ".";
            if (values.keySet().stream().noneMatch(name -> name.startsWith(fieldPrefix))) {
                return result;
            }
            result.add(element);
        }
    }
}
