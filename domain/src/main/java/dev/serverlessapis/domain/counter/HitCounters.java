package dev.serverlessapis.domain.counter;

import java.util.Optional;

/**
 * Where counters live. Each method answers empty when no counter of that name was provisioned: counters are
 * never created on first use.
 */
public interface HitCounters {

    /** Adds one, atomically, and answers the value this increment produced. */
    Optional<CounterReading> increment(CounterName name);

    /**
     * Adds one unless an increment of this counter with this key was already counted within
     * {@link IdempotencyKey#REMEMBERED_FOR} (give or take the difference between the clocks of the processes counting),
     * in which case nothing is added and the first answer recorded for the key is given again, marked as replayed. If
     * the counting request stopped before recording its answer, the first retry records the counter's value as it
     * reads it then.
     */
    Optional<Increment> incrementOnce(CounterName name, IdempotencyKey key);

    /** The current value, as of the latest completed increment. */
    Optional<CounterReading> read(CounterName name);
}
