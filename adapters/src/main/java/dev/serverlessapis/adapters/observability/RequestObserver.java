package dev.serverlessapis.adapters.observability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a function does after each request: its log line, its failure's line for a 5xx, and its EMF document, all
 * from the same {@link RequestLog}. Built once per function by the wiring; the HTTP layer calls {@link #completed}
 * once per request. It never fails the request it observes: a field that does not have its shape is logged as
 * {@code -} instead.
 */
public final class RequestObserver {
    private final String function;
    private final RequestLogger logger;
    private final EmfMetrics metrics;
    private final ColdStart coldStart;
    private final Supplier<Optional<String>> traceHeader;

    public RequestObserver(String function, RequestLogger logger, EmfMetrics metrics, ColdStart coldStart,
                           Supplier<Optional<String>> traceHeader) {
        this.function = function;
        this.logger = logger;
        this.metrics = metrics;
        this.coldStart = coldStart;
        this.traceHeader = traceHeader;
    }

    /**
     * An observer outside the wiring, for priming and tests: JSON lines at INFO and EMF documents, both to {@code out},
     * its own cold-start flag, and no trace.
     */
    public static RequestObserver standalone(String service, String function, Consumer<String> out) {
        var clock = Clock.systemUTC();
        return new RequestObserver(function, new RequestLogger(RequestLogger.Format.JSON, LogLevel.INFO, out, clock),
                new EmfMetrics(service, out, clock), new ColdStart(), Optional::empty);
    }

    /**
     * @param startedNanos    {@link System#nanoTime()} when the handler received the event
     * @param lambdaRequestId the invocation's {@code Context.getAwsRequestId()}
     * @param callerId        the authenticated caller's id, where the request has one
     * @param failure         the defect behind a 5xx, logged with its stack trace
     */
    public void completed(APIGatewayProxyRequestEvent event, String lambdaRequestId, long startedNanos, int status,
                          Optional<String> callerId, Optional<Throwable> failure) {
        var method = event.getHttpMethod() == null ? null : event.getHttpMethod().toUpperCase(Locale.ROOT);
        var apiRequestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        var request = new RequestLog(function,
                shaped(event.getResource(), FieldShape.ROUTE),
                shaped(method, FieldShape.METHOD),
                status < 100 || status > 599 ? 502 : status,
                Math.max(0, (System.nanoTime() - startedNanos) / 1_000_000),
                shaped(apiRequestId, FieldShape.NAME),
                shaped(lambdaRequestId, FieldShape.NAME),
                traceId(traceHeader.get()),
                coldStart.take(),
                callerId.isPresent() && FieldShape.CALLER.fits(callerId.get()) ? callerId : Optional.empty());
        logger.request(request);
        if (status >= 500 && failure.isPresent()) {
            logger.failure(request, failure.get());
        }
        metrics.request(request);
    }

    /** The header's trace id, logged whether the trace is sampled or not. */
    private static Optional<String> traceId(Optional<String> header) {
        var trace = TraceHeader.parse(header.orElse(null));
        return trace.isPresent() ? Optional.of(trace.get().traceId()) : Optional.empty();
    }

    private static String shaped(String value, FieldShape shape) {
        return value != null && shape.fits(value) ? value : "-";
    }
}
