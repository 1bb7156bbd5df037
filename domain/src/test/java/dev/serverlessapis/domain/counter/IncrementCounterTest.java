package dev.serverlessapis.domain.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.NotFoundException;
import dev.serverlessapis.domain.shared.RecordedDomainEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IncrementCounterTest {
    private final RecordedDomainEvents events = new RecordedDomainEvents();
    private final InMemoryHitCounters counters = new InMemoryHitCounters().provision("cloud-resume", 0);
    private final IncrementCounter incrementCounter = new IncrementCounter(counters, events);

    @Test
    void eachIncrementAnswersTheValueItProduced() {
        var command = IncrementCounter.Command.of("cloud-resume", Optional.empty());

        assertThat(incrementCounter.increment(command).value()).isEqualTo(1);
        assertThat(incrementCounter.increment(command).value()).isEqualTo(2);
    }

    @Test
    void aRetriedKeyCountsOnceAndGetsTheFirstAnswer() {
        var keyed = IncrementCounter.Command.of("cloud-resume", Optional.of("visit-42"));

        var first = incrementCounter.increment(keyed);
        incrementCounter.increment(IncrementCounter.Command.of("cloud-resume", Optional.empty()));
        var retried = incrementCounter.increment(keyed);

        assertThat(retried).isEqualTo(first);
        assertThat(counters.read(new CounterName("cloud-resume"))).map(CounterReading::value).contains(2L);
        assertThat(events.all()).containsExactly(DomainEvent.COUNTER_INCREMENTED, DomainEvent.COUNTER_INCREMENTED, DomainEvent.INCREMENT_REPLAYED);
    }

    /** As the DynamoDB adapter keeps its markers: per counter, until exactly a day after the first use. */
    @Test
    void aKeyIsRememberedOnItsOwnCounterForADay() {
        var now = new AtomicReference<>(Instant.parse("2026-12-02T12:00:00Z"));
        var clocked = new InMemoryHitCounters(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        }).provision("cloud-resume", 0).provision("guestbook", 0);
        var increments = new IncrementCounter(clocked, events);
        var visit = IncrementCounter.Command.of("cloud-resume", Optional.of("visit-42"));

        increments.increment(visit);
        increments.increment(IncrementCounter.Command.of("guestbook", Optional.of("visit-42")));
        now.set(now.get().plus(IdempotencyKey.REMEMBERED_FOR));
        increments.increment(visit);
        now.set(now.get().plusSeconds(1));
        var afterADay = increments.increment(visit);

        assertThat(afterADay.value()).isEqualTo(2);
        assertThat(clocked.read(new CounterName("guestbook"))).map(CounterReading::value).contains(1L);
        assertThat(events.all()).containsExactly(DomainEvent.COUNTER_INCREMENTED, DomainEvent.COUNTER_INCREMENTED,
                DomainEvent.INCREMENT_REPLAYED, DomainEvent.COUNTER_INCREMENTED);
    }

    @Test
    void anUnprovisionedCounterIsNotFoundAndNotCreated() {
        var command = IncrementCounter.Command.of("guestbook", Optional.empty());

        assertThatThrownBy(() -> incrementCounter.increment(command))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("guestbook");
        assertThat(counters.read(new CounterName("guestbook"))).isEmpty();
        assertThat(events.all()).as("nothing was counted").isEmpty();
    }

    @Test
    void aBadIdempotencyKeyIsRejectedBeforeCounting() {
        assertThatThrownBy(() -> IncrementCounter.Command.of("cloud-resume", Optional.of("has space")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting("field").containsExactly("Idempotency-Key"));
        assertThat(counters.read(new CounterName("cloud-resume"))).map(CounterReading::value).contains(0L);
    }
}
