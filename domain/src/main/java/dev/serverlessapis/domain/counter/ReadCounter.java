package dev.serverlessapis.domain.counter;

import java.util.Objects;

/** Tells a counter's current value without changing it. */
public final class ReadCounter {
    private final HitCounters counters;

    public ReadCounter(HitCounters counters) {
        this.counters = counters;
    }

    public CounterReading read(Query query) {
        return counters.read(query.name()).orElseThrow(() -> UnknownCounter.named(query.name()));
    }

    public record Query(CounterName name) {
        public Query {
            Objects.requireNonNull(name, "name");
        }

        public static Query of(String name) {
            return new Query(new CounterName(name));
        }
    }
}
