package dev.serverlessapis.lambdas.wiring;

import dev.serverlessapis.adapters.observability.TraceHeader;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The X-Ray trace header of the invocation running now: Lambda's Java runtime sets it per invocation as a system
 * property, which {@link Configuration} reads before the environment, so it is read at each call, never kept.
 */
public final class CurrentTraceHeader implements Supplier<Optional<String>> {
    private final Configuration configuration;

    CurrentTraceHeader(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Optional<String> get() {
        var perInvocation = configuration.optional(TraceHeader.SYSTEM_PROPERTY);
        return perInvocation.isPresent() ? perInvocation : configuration.optional(TraceHeader.ENVIRONMENT_VARIABLE);
    }
}
