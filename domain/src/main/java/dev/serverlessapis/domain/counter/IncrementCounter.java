package dev.serverlessapis.domain.counter;

import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.DomainEvents;
import java.util.Objects;
import java.util.Optional;

/** Counts one visit. */
public final class IncrementCounter {
    private final HitCounters counters;
    private final DomainEvents events;

    public IncrementCounter(HitCounters counters, DomainEvents events) {
        this.counters = counters;
        this.events = events;
    }

    public CounterReading increment(Command command) {
        var increment = command.idempotencyKey()
                .map(key -> counters.incrementOnce(command.name(), key))
                .orElseGet(() -> counters.increment(command.name()).map(reading -> new Increment(reading, false)))
                .orElseThrow(() -> UnknownCounter.named(command.name()));
        events.occurred(increment.replayed() ? DomainEvent.INCREMENT_REPLAYED : DomainEvent.COUNTER_INCREMENTED);
        return increment.reading();
    }

    public record Command(CounterName name, Optional<IdempotencyKey> idempotencyKey) {
        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }

        public static Command of(String name, Optional<String> idempotencyKey) {
            return new Command(new CounterName(name), idempotencyKey.map(IdempotencyKey::new));
        }
    }

}
