package dev.serverlessapis.adapters.apigateway;

import java.util.ArrayList;
import java.util.List;
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
        var lastLines = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        if (single != null) {
            for (var header : single.entrySet()) {
                if (header.getKey() != null && header.getValue() != null) {
                    add(lastLines, header.getKey(), header.getValue());
                }
            }
        }
        var everyLine = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        if (multi != null) {
            for (var header : multi.entrySet()) {
                if (header.getKey() == null || header.getValue() == null) {
                    continue;
                }
                for (var line : header.getValue()) {
                    if (line != null) {
                        add(everyLine, header.getKey(), line);
                    }
                }
            }
        }
        // Loops rather than lambdas: each lambda is a class spun at the first request of every cold start.
        var result = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        for (var header : lastLines.entrySet()) {
            result.put(header.getKey(), List.copyOf(header.getValue()));
        }
        for (var header : everyLine.entrySet()) {
            result.put(header.getKey(), List.copyOf(header.getValue()));
        }
        return result;
    }

    private static void add(Map<String, List<String>> headers, String name, String line) {
        var lines = headers.get(name);
        if (lines == null) {
            lines = new ArrayList<>();
            headers.put(name, lines);
        }
        lines.add(line);
    }
}
