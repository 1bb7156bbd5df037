package dev.serverlessapis.adapters.observability;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Publishes the {@link Metric catalogue}'s metrics as CloudWatch Embedded Metric Format documents: one JSON line each,
 * which CloudWatch Logs turns into metrics as it ingests the function's log. No API call, no agent, no library.
 * Dimension values are only the service, api.json function names and the closed enums, so cardinality stays bounded.
 */
public final class EmfMetrics {
    private final String service;
    private final Consumer<String> out;
    private final Clock clock;

    /**
     * @param service {@code {project}-{environment}} on AWS, {@code local} on the local stack
     * @param out     where each document goes: standard output on Lambda, and the local metrics page locally
     */
    public EmfMetrics(String service, Consumer<String> out, Clock clock) {
        if (!FieldShape.NAME.fits(service)) {
            throw new IllegalArgumentException("the service is a short name such as serverless-apis-prod");
        }
        this.service = service;
        this.out = out;
        this.clock = clock;
    }

    /** The request's count by outcome, its latency and whether it was a cold start, in one document. */
    public void request(RequestLog request) {
        var dimensions = new EnumMap<Dimension, String>(Dimension.class);
        dimensions.put(Dimension.SERVICE, service);
        dimensions.put(Dimension.FUNCTION, request.function());
        dimensions.put(Dimension.OUTCOME, request.outcome().value());
        var values = new EnumMap<Metric, Long>(Metric.class);
        values.put(Metric.REQUESTS, 1L);
        values.put(Metric.LATENCY, request.latencyMillis());
        values.put(Metric.COLD_STARTS, request.coldStart() ? 1L : 0L);
        out.accept(document(dimensions, values, Map.of("requestId", request.lambdaRequestId())));
    }

    /** {@code times} occurrences of an event, in one document; nothing for none. */
    public void count(Event event, long times) {
        if (times <= 0) {
            return;
        }
        var dimensions = new EnumMap<Dimension, String>(Dimension.class);
        dimensions.put(Dimension.SERVICE, service);
        dimensions.put(Dimension.EVENT, event.value());
        out.accept(document(dimensions, new EnumMap<>(Map.of(Metric.EVENTS, times)), Map.of()));
    }

    public void count(Event event) {
        count(event, 1);
    }

    /**
     * One directive per distinct list of dimension sets, each naming its metrics; then the dimension values, the
     * metric values and any plain properties as root members, as the EMF specification lays them out.
     */
    private String document(Map<Dimension, String> dimensions, Map<Metric, Long> values, Map<String, String> properties) {
        // Plain loops: this runs in every function's first request, where each lambda would cost a class of its own.
        var directives = new LinkedHashMap<List<List<Dimension>>, List<Metric>>();
        for (var metric : values.keySet()) {
            var metrics = directives.get(metric.dimensionSets());
            if (metrics == null) {
                metrics = new ArrayList<>();
                directives.put(metric.dimensionSets(), metrics);
            }
            metrics.add(metric);
        }
        var cloudWatchMetrics = new ArrayList<JsonLine>();
        for (var directive : directives.entrySet()) {
            var dimensionNames = new ArrayList<List<String>>();
            for (var set : directive.getKey()) {
                if (!dimensions.keySet().containsAll(set)) {
                    throw new IllegalStateException(directive.getValue() + " need a value for each of " + set);
                }
                var names = new ArrayList<String>();
                for (var dimension : set) {
                    names.add(dimension.cloudWatchName());
                }
                dimensionNames.add(names);
            }
            var metrics = new ArrayList<JsonLine>();
            for (var metric : directive.getValue()) {
                metrics.add(new JsonLine().string("Name", metric.cloudWatchName()).string("Unit", metric.unit().cloudWatchName()));
            }
            cloudWatchMetrics.add(new JsonLine()
                    .string("Namespace", Metric.NAMESPACE)
                    .stringLists("Dimensions", dimensionNames)
                    .objects("Metrics", metrics));
        }
        var line = new JsonLine().object("_aws", new JsonLine()
                .number("Timestamp", clock.millis())
                .objects("CloudWatchMetrics", cloudWatchMetrics));
        for (var dimension : dimensions.entrySet()) {
            line.string(dimension.getKey().cloudWatchName(), dimension.getValue());
        }
        for (var value : values.entrySet()) {
            line.number(value.getKey().cloudWatchName(), value.getValue());
        }
        for (var property : properties.entrySet()) {
            line.string(property.getKey(), property.getValue());
        }
        return line.toJson();
    }
}
