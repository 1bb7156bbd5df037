package dev.serverlessapis.adapters.observability;

import dev.serverlessapis.adapters.json.JsonCodec;
import dev.serverlessapis.adapters.json.JsonText;
import java.util.List;

/**
 * One JSON object on one line, written field by field in a fixed order, so the fields of log lines, metrics and trace
 * segments come out in the order their readers expect; string arrays are written by {@link JsonCodec}, strings
 * escaped by {@link JsonText}, as in every response.
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
        text.append(JsonCodec.write(values));
        return this;
    }

    /** An array of arrays of strings, as EMF's dimension sets are written. */
    JsonLine stringLists(String name, List<List<String>> values) {
        name(name);
        text.append(JsonCodec.write(values));
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
