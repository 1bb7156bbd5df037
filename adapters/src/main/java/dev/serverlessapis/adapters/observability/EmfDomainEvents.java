package dev.serverlessapis.adapters.observability;

import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.DomainEvents;

/** The domain's events as counts of the {@code Events} metric, one EMF document each, by {@link Event}. */
public final class EmfDomainEvents implements DomainEvents {
    private final EmfMetrics metrics;

    public EmfDomainEvents(EmfMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void occurred(DomainEvent event) {
        metrics.count(of(event));
    }

    static Event of(DomainEvent event) {
        return switch (event) {
            case CHIRP_POSTED -> Event.CHIRP_POSTED;
            case COUNTER_INCREMENTED -> Event.COUNTER_INCREMENTED;
            case INCREMENT_REPLAYED -> Event.INCREMENT_REPLAYED;
            case PROFILE_CREATED -> Event.PROFILE_CREATED;
            case EMAIL_CONFLICT -> Event.EMAIL_CONFLICT;
        };
    }
}
