package dev.serverlessapis.adapters.observability;

/**
 * Every dimension a metric of this project has. Each has few values: the deployment (project and environment), the
 * function (api.json's functions), and the two closed enums {@link Outcome} and {@link Event}. No id is ever one.
 */
public enum Dimension {
    /** {@code {project}-{environment}}, e.g. {@code serverless-apis-prod}; {@code local} on the local stack. */
    SERVICE("Service"),
    /** The function's name in api.json, the same in every environment. */
    FUNCTION("Function"),
    OUTCOME("Outcome"),
    EVENT("Event");

    private final String cloudWatchName;

    Dimension(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }
}
