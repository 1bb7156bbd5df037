package dev.serverlessapis.domain.counter;

import java.util.Optional;

/** Counts one visit. */
public final class IncrementCounter {
    private final HitCounters counters;

    public IncrementCounter(HitCounters counters) {
        this.counters = counters;
    }

    public CounterReading increment(Command command) {
        var reading = command.idempotencyKey()
                .map(key -> counters.incrementOnce(command.name(), key))
                .orElseGet(() -> counters.increment(command.name()));
        return reading.orElseThrow(() -> UnknownCounter.named(command.name()));
    }

    public record Command(CounterName name, Optional<IdempotencyKey> idempotencyKey) {
        public static Command of(String name, Optional<String> idempotencyKey) {
            return new Command(new CounterName(name), idempotencyKey.map(IdempotencyKey::new));
        }
    }

}
