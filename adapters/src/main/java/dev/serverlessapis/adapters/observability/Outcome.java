package dev.serverlessapis.adapters.observability;

/** The closed set of values of the {@code Outcome} dimension: what class of status a request was answered with. */
public enum Outcome {
    SUCCESS("2xx"), CLIENT_ERROR("4xx"), SERVER_ERROR("5xx");

    private final String value;

    Outcome(String value) {
        this.value = value;
    }

    /** The dimension's value as CloudWatch stores it. */
    public String value() {
        return value;
    }

    static Outcome of(int status) {
        return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : SUCCESS;
    }
}
