package dev.serverlessapis.adapters.observability;

import java.util.Optional;

/**
 * What is logged about one request, and nothing else: a fixed set of typed fields, each checked against the shape it
 * must have. There is no field for a body, a header, a query or a path with its values (the route is the template,
 * {@code /users/{id}}), and no text field accepts an {@code @}, a space or more than a short id's length, so an email
 * address, a token or a body cannot be logged through this record even by mistake.
 *
 * @param function        the function's name in api.json, e.g. {@code chirp_save_chirp}
 * @param route           the route template API Gateway matched, e.g. {@code /users/{id}}; {@code -} when none matched
 * @param method          the HTTP method; {@code -} when the event had none
 * @param apiRequestId    API Gateway's request id: the one a client sees in a 5xx problem document
 * @param lambdaRequestId Lambda's request id of the invocation (Lambda's own log lines carry it as {@code requestId})
 * @param traceId         the X-Ray trace id, where the invocation is traced
 * @param callerId        the authenticated caller's id (for instance a Cognito {@code sub}), where there is one
 */
public record RequestLog(String function, String route, String method, int status, long latencyMillis,
                         String apiRequestId, String lambdaRequestId, Optional<String> traceId, boolean coldStart,
                         Optional<String> callerId) {
    public RequestLog {
        require("function", function, FieldShape.NAME);
        require("route", route, FieldShape.ROUTE);
        require("method", method, FieldShape.METHOD);
        require("apiRequestId", apiRequestId, FieldShape.NAME);
        require("lambdaRequestId", lambdaRequestId, FieldShape.NAME);
        if (traceId.isPresent()) {
            require("traceId", traceId.get(), FieldShape.TRACE_ID);
        }
        if (callerId.isPresent()) {
            require("callerId", callerId.get(), FieldShape.CALLER);
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status");
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must not be negative");
        }
    }

    /** The status class the metrics count: 2xx (3xx included: a redirect is an answer), 4xx or 5xx. */
    public Outcome outcome() {
        return Outcome.of(status);
    }

    /** The value is never part of the message: it may be exactly what must not be logged. */
    private static void require(String field, String value, FieldShape shape) {
        if (value == null || !shape.fits(value)) {
            throw new IllegalArgumentException(field + " does not have the shape a log field of that name must have");
        }
    }
}
