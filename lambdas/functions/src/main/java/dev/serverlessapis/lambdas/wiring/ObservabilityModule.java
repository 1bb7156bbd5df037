package dev.serverlessapis.lambdas.wiring;

import dagger.Module;
import dagger.Provides;
import dev.serverlessapis.adapters.observability.ColdStart;
import dev.serverlessapis.adapters.observability.EmfDomainEvents;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.adapters.observability.LogLevel;
import dev.serverlessapis.adapters.observability.RequestLogger;
import dev.serverlessapis.domain.shared.DomainEvents;
import java.time.Clock;
import java.util.function.Consumer;
import javax.inject.Singleton;

/**
 * Logs, metrics and the cold-start flag, one of each per execution environment. Everything goes to standard output,
 * one line each: Lambda sends it to the function's log group, where CloudWatch reads the EMF documents as metrics,
 * and the local stack reads the same lines. No library, no agent, no API call.
 */
@Module
public final class ObservabilityModule {
    /** One method reference for the logger and the metrics alike: each reference is a class spun at start-up. */
    private static final Consumer<String> STANDARD_OUTPUT = ObservabilityModule::print;

    private ObservabilityModule() {
    }

    /** JSON, as Lambda's JSON log format expects, unless Lambda (or the local stack, for a terminal) says Text. */
    @Provides
    @Singleton
    static RequestLogger requestLogger(Configuration configuration, Clock clock) {
        var format = "Text".equalsIgnoreCase(configuration.optional(Configuration.LOG_FORMAT).orElse(""))
                ? RequestLogger.Format.TEXT : RequestLogger.Format.JSON;
        return new RequestLogger(format, LogLevel.parse(configuration.optional(Configuration.LOG_LEVEL)), STANDARD_OUTPUT, clock);
    }

    @Provides
    @Singleton
    static EmfMetrics metrics(Configuration configuration, Clock clock) {
        return new EmfMetrics(configuration.required(Configuration.METRICS_SERVICE), STANDARD_OUTPUT, clock);
    }

    @Provides
    @Singleton
    static DomainEvents domainEvents(EmfMetrics metrics) {
        return new EmfDomainEvents(metrics);
    }

    @Provides
    @Singleton
    static ColdStart coldStart() {
        return new ColdStart();
    }

    @Provides
    @Singleton
    static CurrentTraceHeader traceHeader(Configuration configuration) {
        return new CurrentTraceHeader(configuration);
    }

    @Provides
    @Singleton
    static RequestObservers requestObservers(RequestLogger logger, EmfMetrics metrics, ColdStart coldStart, CurrentTraceHeader traceHeader) {
        return new RequestObservers(logger, metrics, coldStart, traceHeader);
    }

    /** Standard output as it is at each line, not when the graph was built: the local stack reads it through a tee. */
    private static void print(String line) {
        System.out.println(line);
    }
}
