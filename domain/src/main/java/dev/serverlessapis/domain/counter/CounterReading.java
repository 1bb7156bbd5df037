package dev.serverlessapis.domain.counter;

/** The value a counter had at one moment. */
public record CounterReading(CounterName name, long value) {
    public CounterReading {
        if (value < 0) {
            throw new IllegalArgumentException("a counter never goes below zero, got " + value);
        }
    }
}
