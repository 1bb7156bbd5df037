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
        var key = command.idempotencyKey();
        var counted = key.isPresent() ? counters.incrementOnce(command.name(), key.get()) : notReplayed(counters.increment(command.name()));
        if (counted.isEmpty()) {
            throw UnknownCounter.named(command.name());
        }
        var increment = counted.get();
        events.occurred(increment.replayed() ? DomainEvent.INCREMENT_REPLAYED : DomainEvent.COUNTER_INCREMENTED);
        return increment.reading();
    }

    private static Optional<Increment> notReplayed(Optional<CounterReading> reading) {
        return reading.isPresent() ? Optional.of(new Increment(reading.get(), false)) : Optional.empty();
    }

    public record Command(CounterName name, Optional<IdempotencyKey> idempotencyKey) {
        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }

        public static Command of(String name, Optional<String> idempotencyKey) {
            var key = idempotencyKey.isPresent() ? Optional.of(new IdempotencyKey(idempotencyKey.get())) : Optional.<IdempotencyKey>empty();
            return new Command(new CounterName(name), key);
        }
    }

}
