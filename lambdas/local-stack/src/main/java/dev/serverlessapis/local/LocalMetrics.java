package dev.serverlessapis.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.observability.Dimension;
import dev.serverlessapis.adapters.observability.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What CloudWatch would make of the functions' EMF documents, kept in memory for the local stack: requests by outcome,
 * latency percentiles and cold starts per function, and the count of each event. It reads the documents themselves,
 * as CloudWatch does, so what the page shows is what the dashboard will show.
 */
public final class LocalMetrics implements Consumer<String> {
    /** Enough recent latencies per function for a stable p99 without growing without bound. */
    static final int LATENCY_SAMPLES = 10_000;

    /** One function's figures at one moment. */
    public record FunctionFigures(String function, long requests, Map<String, Long> byOutcome, long coldStarts,
                                  long p50Millis, long p99Millis) {
    }

    /** Everything at one moment: functions by name, events by name. */
    public record Snapshot(List<FunctionFigures> functions, Map<String, Long> events) {
    }

    private static final class Figures {
        long requests;
        final Map<String, Long> byOutcome = new TreeMap<>();
        long coldStarts;
        final long[] latencies = new long[LATENCY_SAMPLES];
        int recorded;
    }

    private final Map<String, Figures> functions = new TreeMap<>();
    private final Map<String, Long> events = new TreeMap<>();

    /** Takes one EMF document; lines that are not one (ordinary log lines) are ignored. */
    @Override
    public synchronized void accept(String line) {
        var document = object(line);
        if (document == null || !(document.get("_aws") instanceof JsonObject aws) || !aws.has("CloudWatchMetrics")) {
            return;
        }
        for (var element : aws.getAsJsonArray("CloudWatchMetrics")) {
            var directive = element.getAsJsonObject();
            if (!Metric.NAMESPACE.equals(directive.get("Namespace").getAsString())) {
                continue;
            }
            for (var metric : directive.getAsJsonArray("Metrics")) {
                var name = metric.getAsJsonObject().get("Name").getAsString();
                if (document.get(name) instanceof JsonElement value && value.isJsonPrimitive()) {
                    record(name, value.getAsLong(), document);
                }
            }
        }
    }

    private void record(String metric, long value, JsonObject document) {
        var function = text(document, Dimension.FUNCTION);
        if (metric.equals(Metric.EVENTS.cloudWatchName())) {
            events.merge(text(document, Dimension.EVENT), value, Long::sum);
        } else if (metric.equals(Metric.REQUESTS.cloudWatchName())) {
            var figures = functions.computeIfAbsent(function, name -> new Figures());
            figures.requests += value;
            figures.byOutcome.merge(text(document, Dimension.OUTCOME), value, Long::sum);
        } else if (metric.equals(Metric.LATENCY.cloudWatchName())) {
            var figures = functions.computeIfAbsent(function, name -> new Figures());
            figures.latencies[figures.recorded++ % LATENCY_SAMPLES] = value;
        } else if (metric.equals(Metric.COLD_STARTS.cloudWatchName())) {
            functions.computeIfAbsent(function, name -> new Figures()).coldStarts += value;
        }
    }

    public synchronized Snapshot snapshot() {
        var result = new ArrayList<FunctionFigures>();
        functions.forEach((name, figures) -> {
            var samples = Arrays.copyOf(figures.latencies, Math.min(figures.recorded, LATENCY_SAMPLES));
            Arrays.sort(samples);
            result.add(new FunctionFigures(name, figures.requests, Map.copyOf(figures.byOutcome), figures.coldStarts,
                    percentile(samples, 50), percentile(samples, 99)));
        });
        return new Snapshot(List.copyOf(result), new LinkedHashMap<>(events));
    }

    /** Nearest rank, as CloudWatch computes percentiles of raw values; 0 without samples. */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        var rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String text(JsonObject document, Dimension dimension) {
        var value = document.get(dimension.cloudWatchName());
        return value == null ? "-" : value.getAsString();
    }

    private static JsonObject object(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            return JsonParser.parseString(line) instanceof JsonObject object ? object : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
