package dev.serverlessapis.adapters.observability;

import java.util.List;

/**
 * One JSON object on one line, written field by field in a fixed order. Hand-written rather than through Gson's
 * reflection, because every request writes several of these and nothing here needs more than strings, numbers,
 * booleans and nesting: the whole writer is a few hundred bytes of bytecode to load at a cold start.
 */
final class JsonLine {
    private final StringBuilder text = new StringBuilder(256).append('{');
    private boolean first = true;

    JsonLine string(String name, String value) {
        name(name);
        quote(text, value);
        return this;
    }

    JsonLine number(String name, long value) {
        name(name);
        text.append(value);
        return this;
    }

    /** Seconds with microsecond precision, as X-Ray's segment times are given. */
    JsonLine seconds(String name, long epochMicros) {
        name(name);
        text.append(epochMicros / 1_000_000).append('.');
        var micros = Long.toString(epochMicros % 1_000_000);
        text.append("0".repeat(6 - micros.length())).append(micros);
        return this;
    }

    JsonLine bool(String name, boolean value) {
        name(name);
        text.append(value);
        return this;
    }

    JsonLine object(String name, JsonLine value) {
        name(name);
        text.append(value.toJson());
        return this;
    }

    JsonLine objects(String name, List<JsonLine> values) {
        name(name);
        text.append('[');
        for (var i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : ",").append(values.get(i).toJson());
        }
        text.append(']');
        return this;
    }

    JsonLine strings(String name, List<String> values) {
        name(name);
        text.append('[');
        for (var i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            quote(text, values.get(i));
        }
        text.append(']');
        return this;
    }

    /** An array of arrays of strings, as EMF's dimension sets are written. */
    JsonLine stringLists(String name, List<List<String>> values) {
        name(name);
        text.append('[');
        for (var i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : ",").append('[');
            for (var j = 0; j < values.get(i).size(); j++) {
                if (j > 0) {
                    text.append(',');
                }
                quote(text, values.get(i).get(j));
            }
            text.append(']');
        }
        text.append(']');
        return this;
    }

    String toJson() {
        return text + "}";
    }

    private void name(String name) {
        if (!first) {
            text.append(',');
        }
        first = false;
        quote(text, name);
        text.append(':');
    }

    /** RFC 8259 string escaping; also escapes U+2028 and U+2029, which some JSON readers take for line ends. */
    static void quote(StringBuilder out, String value) {
        out.append('"');
        for (var i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Escaped rather than written, so a broken surrogate reaches the log as its code, never as a '?'. */
    private static boolean unpairedSurrogate(String value, int i) {
        var c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }
}
