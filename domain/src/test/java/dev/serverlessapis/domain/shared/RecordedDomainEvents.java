package dev.serverlessapis.domain.shared;

import java.util.ArrayList;
import java.util.List;

/** The events a use case reported, in order, for use-case tests. */
public final class RecordedDomainEvents implements DomainEvents {
    private final List<DomainEvent> events = new ArrayList<>();

    @Override
    public synchronized void occurred(DomainEvent event) {
        events.add(event);
    }

    public synchronized List<DomainEvent> all() {
        return List.copyOf(events);
    }
}
