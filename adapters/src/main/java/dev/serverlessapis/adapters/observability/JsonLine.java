package dev.serverlessapis.adapters.observability;

import dev.serverlessapis.adapters.json.JsonText;
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
        JsonText.quote(text, value);
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
            JsonText.quote(text, values.get(i));
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
                JsonText.quote(text, values.get(i).get(j));
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
        JsonText.quote(text, name);
        text.append(':');
    }
}
