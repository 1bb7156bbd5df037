package dev.serverlessapis.lambdas.wiring;

import dev.serverlessapis.adapters.observability.ColdStart;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.adapters.observability.RequestLogger;
import dev.serverlessapis.adapters.observability.RequestObserver;

/** Each function's {@link RequestObserver}, over the logger, metrics and cold-start flag its execution environment shares. */
public final class RequestObservers {
    private final RequestLogger logger;
    private final EmfMetrics metrics;
    private final ColdStart coldStart;
    private final CurrentTraceHeader traceHeader;

    RequestObservers(RequestLogger logger, EmfMetrics metrics, ColdStart coldStart, CurrentTraceHeader traceHeader) {
        this.logger = logger;
        this.metrics = metrics;
        this.coldStart = coldStart;
        this.traceHeader = traceHeader;
    }

    /** @param function the function's name in api.json, the {@code Function} dimension of its metrics */
    public RequestObserver of(String function) {
        return new RequestObserver(function, logger, metrics, coldStart, traceHeader);
    }
}
