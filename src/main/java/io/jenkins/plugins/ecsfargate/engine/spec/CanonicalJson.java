package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer whose output depends only on what is written and in which order; callers write object
 * members in a fixed order, so the text is a canonical form suitable for hashing.
 */
final class CanonicalJson {
    private final StringBuilder out = new StringBuilder();
    private boolean needComma;

    CanonicalJson begin() {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    CanonicalJson end() {
        out.append('}');
        needComma = true;
        return this;
    }

    CanonicalJson name(String name) {
        comma();
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    CanonicalJson field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needComma = true;
        return this;
    }

    CanonicalJson field(String name, long value) {
        name(name).out.append(value);
        needComma = true;
        return this;
    }

    CanonicalJson field(String name, boolean value) {
        name(name).out.append(value);
        needComma = true;
        return this;
    }

    CanonicalJson field(String name, Map<String, String> map) {
        name(name).begin();
        map.forEach(this::field);
        return end();
    }

    CanonicalJson field(String name, List<String> values) {
        name(name).out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values.get(i));
        }
        out.append(']');
        needComma = true;
        return this;
    }

    CanonicalJson beginArray(String name) {
        name(name).out.append('[');
        needComma = false;
        return this;
    }

    CanonicalJson endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    private void comma() {
        if (needComma) {
            out.append(',');
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
