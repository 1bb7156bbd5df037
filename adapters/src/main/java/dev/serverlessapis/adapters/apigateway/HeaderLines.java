package dev.serverlessapis.adapters.apigateway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An event's headers as HTTP means them: each name once, whatever its case, with every line sent under it. */
final class HeaderLines {
    private HeaderLines() {
    }

    /**
     * A header without a value (null, which only a direct invoke sends) is not there; nor is a null among its lines.
     * Names differing only in case are one header whose lines add up: HTTP names are case-insensitive, and the event
     * keeps each spelling a client sent as a key of its own, so {@code Idempotency-Key} beside {@code idempotency-key}
     * is a header sent twice, not one spelling silently overwriting the other. The lines of {@code multiValueHeaders}
     * stand for a header wherever it has any; {@code headers} holds the last line of each (API Gateway's view).
     */
    static Map<String, List<String>> of(Map<String, String> single, Map<String, List<String>> multi) {
        var result = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        // Filled as it is read, never walked afterwards: walking a TreeMap is two more classes at every cold start.
        var sentOnLines = new HashSet<String>();
        if (multi != null) {
            for (var header : multi.entrySet()) {
                if (header.getKey() == null || header.getValue() == null) {
                    continue;
                }
                for (var line : header.getValue()) {
                    if (line != null) {
                        add(result, header.getKey(), line);
                        sentOnLines.add(header.getKey().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        if (single != null) {
            for (var header : single.entrySet()) {
                if (header.getKey() != null && header.getValue() != null
                        && !sentOnLines.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    add(result, header.getKey(), header.getValue());
                }
            }
        }
        return result;
    }

    /** Each header's lines as an unmodifiable list, one more line at a time (most headers have one). */
    private static void add(Map<String, List<String>> headers, String name, String line) {
        var lines = headers.get(name);
        if (lines == null) {
            headers.put(name, List.of(line));
            return;
        }
        var more = new ArrayList<>(lines);
        more.add(line);
        headers.put(name, List.copyOf(more));
    }
}
