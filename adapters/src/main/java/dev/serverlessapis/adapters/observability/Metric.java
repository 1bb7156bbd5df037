package dev.serverlessapis.adapters.observability;

import static dev.serverlessapis.adapters.observability.Dimension.EVENT;
import static dev.serverlessapis.adapters.observability.Dimension.FUNCTION;
import static dev.serverlessapis.adapters.observability.Dimension.OUTCOME;
import static dev.serverlessapis.adapters.observability.Dimension.SERVICE;

import java.util.List;

/**
 * The catalogue of every metric the functions emit, in one namespace: its name, unit, and the dimension sets it is
 * published under. The dashboard and alarms in {@code terraform/modules/observability} read only what is listed here,
 * and a test holds them to it.
 */
public enum Metric {
    /** One per request, by function, and by function and outcome (2xx/4xx/5xx). */
    REQUESTS("Requests", Unit.COUNT, List.of(List.of(SERVICE, FUNCTION), List.of(SERVICE, FUNCTION, OUTCOME))),
    /** From the request's arrival in the handler to its response, in milliseconds. */
    LATENCY("Latency", Unit.MILLISECONDS, List.of(List.of(SERVICE, FUNCTION))),
    /** 1 for the first request of an execution environment, 0 for the others: the sum counts cold starts. */
    COLD_STARTS("ColdStarts", Unit.COUNT, List.of(List.of(SERVICE, FUNCTION))),
    /** One per {@link Event}, by event. */
    EVENTS("Events", Unit.COUNT, List.of(List.of(SERVICE, EVENT)));

    public static final String NAMESPACE = "ServerlessApis";

    /** The units of CloudWatch's vocabulary these metrics use. */
    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    private final String cloudWatchName;
    private final Unit unit;
    private final List<List<Dimension>> dimensionSets;

    Metric(String cloudWatchName, Unit unit, List<List<Dimension>> dimensionSets) {
        this.cloudWatchName = cloudWatchName;
        this.unit = unit;
        this.dimensionSets = dimensionSets;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }

    public Unit unit() {
        return unit;
    }

    public List<List<Dimension>> dimensionSets() {
        return dimensionSets;
    }
}
