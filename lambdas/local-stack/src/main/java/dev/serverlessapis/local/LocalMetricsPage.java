package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.json.JsonCodec;
import dev.serverlessapis.adapters.observability.Outcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /_local/metrics}: the local stack's {@link LocalMetrics} as a small page that refreshes itself, or as JSON
 * for {@code Accept: application/json} or {@code ?format=json}. The emulator serves it at {@link #PATH}, before routing.
 */
public final class LocalMetricsPage {
    public static final String PATH = "/_local/metrics";

    private final LocalMetrics metrics;

    public LocalMetricsPage(LocalMetrics metrics) {
        this.metrics = metrics;
    }

    APIGatewayProxyResponseEvent serve(String method, Optional<String> accept, Optional<String> rawQuery) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return new APIGatewayProxyResponseEvent().withStatusCode(405).withHeaders(Map.of("Allow", "GET, HEAD"));
        }
        var json = wantsJson(accept.orElse(""), rawQuery.orElse(""));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of(
                        "Content-Type", json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
                        "Cache-Control", "no-store"))
                .withBody(json ? json(metrics.snapshot()) : html(metrics.snapshot()));
    }

    private static boolean wantsJson(String accept, String query) {
        return Arrays.asList(query.split("&")).contains("format=json")
                || accept.contains("application/json") && !accept.contains("text/html");
    }

    static String json(LocalMetrics.Snapshot snapshot) {
        var functions = snapshot.functions().stream().map(figures -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("function", figures.function());
            entry.put("requests", figures.requests());
            for (var outcome : Outcome.values()) {
                entry.put(outcome.value(), figures.byOutcome().getOrDefault(outcome.value(), 0L));
            }
            entry.put("coldStarts", figures.coldStarts());
            entry.put("latencyMs", Map.of("p50", figures.p50Millis(), "p99", figures.p99Millis()));
            return entry;
        }).toList();
        return JsonCodec.write(Map.of("functions", functions, "events", snapshot.events()));
    }

    static String html(LocalMetrics.Snapshot snapshot) {
        var page = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>Local metrics</title>
                <style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:2rem}
                th,td{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}</style>
                </head><body>
                <h1>Local metrics</h1>
                <p>What the CloudWatch dashboard shows, from the EMF documents the functions wrote since the local stack started.
                <a href="?format=json">JSON</a></p>
                <h2>Functions</h2>
                <table><thead><tr><th>Function</th><th>Requests</th><th>2xx</th><th>4xx</th><th>5xx</th>
                <th>p50 ms</th><th>p99 ms</th><th>Cold starts</th></tr></thead><tbody>
                """);
        for (var figures : snapshot.functions()) {
            page.append("<tr><td>").append(escape(figures.function())).append("</td>");
            cells(page, List.of(figures.requests(), count(figures, Outcome.SUCCESS), count(figures, Outcome.CLIENT_ERROR),
                    count(figures, Outcome.SERVER_ERROR), figures.p50Millis(), figures.p99Millis(), figures.coldStarts()));
            page.append("</tr>\n");
        }
        if (snapshot.functions().isEmpty()) {
            page.append("<tr><td colspan=\"8\">No requests yet.</td></tr>\n");
        }
        page.append("</tbody></table>\n<h2>Events</h2>\n<table><thead><tr><th>Event</th><th>Count</th></tr></thead><tbody>\n");
        snapshot.events().forEach((event, count) ->
                page.append("<tr><td>").append(escape(event)).append("</td><td>").append(count).append("</td></tr>\n"));
        if (snapshot.events().isEmpty()) {
            page.append("<tr><td colspan=\"2\">No events yet.</td></tr>\n");
        }
        return page.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static long count(LocalMetrics.FunctionFigures figures, Outcome outcome) {
        return figures.byOutcome().getOrDefault(outcome.value(), 0L);
    }

    private static void cells(StringBuilder page, List<Long> values) {
        values.forEach(value -> page.append("<td>").append(value).append("</td>"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
