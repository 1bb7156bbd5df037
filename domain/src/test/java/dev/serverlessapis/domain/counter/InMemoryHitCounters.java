package dev.serverlessapis.domain.counter;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The port's contract in a few lines, for use-case tests; the DynamoDB adapter is tested against DynamoDB Local. */
public final class InMemoryHitCounters implements HitCounters {
    private record Use(CounterName name, IdempotencyKey key) {
    }

    private record Answer(CounterReading reading, Instant expiresAt) {
    }

    private final Map<CounterName, Long> values = new HashMap<>();
    private final Map<Use, Answer> answered = new HashMap<>();
    private final Clock clock;

    public InMemoryHitCounters() {
        this(Clock.systemUTC());
    }

    public InMemoryHitCounters(Clock clock) {
        this.clock = clock;
    }

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
        var use = new Use(name, key);
        var now = clock.instant();
        var earlier = answered.get(use);
        if (earlier != null && !now.isAfter(earlier.expiresAt())) {
            return Optional.of(new Increment(earlier.reading(), true));
        }
        var reading = increment(name);
        reading.ifPresent(first -> answered.put(use, new Answer(first, now.plus(IdempotencyKey.REMEMBERED_FOR))));
        return reading.map(first -> new Increment(first, false));
    }

    @Override
    public synchronized Optional<CounterReading> read(CounterName name) {
        return Optional.ofNullable(values.get(name)).map(value -> new CounterReading(name, value));
    }
}
