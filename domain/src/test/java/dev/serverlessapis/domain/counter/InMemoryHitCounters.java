package dev.serverlessapis.domain.counter;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The port's contract in a few lines, for use-case tests; the DynamoDB adapter is tested against DynamoDB Local. */
public final class InMemoryHitCounters implements HitCounters {
    private final Map<CounterName, Long> values = new HashMap<>();
    private final Map<IdempotencyKey, CounterReading> answered = new HashMap<>();

    public InMemoryHitCounters provision(String name, long value) {
        values.put(new CounterName(name), value);
        return this;
    }

    @Override
    public synchronized Optional<CounterReading> increment(CounterName name) {
        return Optional.ofNullable(values.computeIfPresent(name, (n, value) -> value + 1))
                .map(value -> new CounterReading(name, value));
    }

    @Override
    public synchronized Optional<Increment> incrementOnce(CounterName name, IdempotencyKey key) {
        if (answered.containsKey(key)) {
            return Optional.of(new Increment(answered.get(key), true));
        }
        var reading = increment(name);
        reading.ifPresent(first -> answered.put(key, first));
        return reading.map(first -> new Increment(first, false));
    }

    @Override
    public synchronized Optional<CounterReading> read(CounterName name) {
        return Optional.ofNullable(values.get(name)).map(value -> new CounterReading(name, value));
    }
}
