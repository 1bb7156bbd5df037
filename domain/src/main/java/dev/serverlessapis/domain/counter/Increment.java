package dev.serverlessapis.domain.counter;

/**
 * What an increment with an idempotency key did: the reading it answers with, and whether the key had been counted
 * already, in which case the reading is the one first given for the key and nothing was added.
 */
public record Increment(CounterReading reading, boolean replayed) {
    public Increment {
        java.util.Objects.requireNonNull(reading, "reading");
    }
}
