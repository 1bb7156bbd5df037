package dev.serverlessapis.domain.shared;

/**
 * Where the use cases report their {@link DomainEvent}s. Reporting never fails the use case and never blocks it: an
 * implementation that cannot record an event drops it.
 */
@FunctionalInterface
public interface DomainEvents {
    void occurred(DomainEvent event);
}
