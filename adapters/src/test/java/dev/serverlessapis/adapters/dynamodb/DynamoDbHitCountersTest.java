package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.domain.counter.CounterName;
import dev.serverlessapis.domain.counter.CounterReading;
import dev.serverlessapis.domain.counter.IdempotencyKey;
import dev.serverlessapis.domain.counter.Increment;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Idempotency markers against DynamoDB Local, on a clock the test moves. DynamoDB's TTL deletes an expired marker
 * only eventually (DynamoDB Local never does), so a marker past its {@code expires-at} must count as absent, and a
 * marker TTL deletes while a request is using it must not come back without an {@code expires-at}.
 */
@ExtendWith(WithDynamoDbLocal.class)
class DynamoDbHitCountersTest {
    private static final String TABLE = "hit-counters";

    private final LocalDynamoDb local;
    private final DynamoDbClient dynamoDb;
    private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final CounterName counter = new CounterName("adapter-" + UUID.randomUUID());
    private final IdempotencyKey key = new IdempotencyKey("visit-" + UUID.randomUUID());

    DynamoDbHitCountersTest(LocalDynamoDb local) {
        this.local = local;
        this.dynamoDb = local.client();
        dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of(
                DynamoDbHitCounters.NAME, AttributeValue.fromS(counter.value()),
                DynamoDbHitCounters.VALUE, AttributeValue.fromN("0"))));
    }

    @Test
    void aKeyIsAReplayForADayAndCountsAgainOnceItsMarkerHasExpiredThoughTheMarkerIsStillStored() {
        var counters = new DynamoDbHitCounters(dynamoDb, TABLE, clock);
        assertThat(counters.incrementOnce(counter, key)).contains(counted(1));

        clock.advance(Duration.ofDays(1));
        assertThat(counters.incrementOnce(counter, key)).as("the last second of its day").contains(replayed(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(marker()).as("TTL has not deleted it yet").isNotEmpty();
        assertThat(counters.incrementOnce(counter, key)).as("expired").contains(counted(2));
        assertThat(counters.incrementOnce(counter, key)).contains(replayed(2));
        assertThat(marker().get(DynamoDbHitCounters.EXPIRES_AT).n())
                .isEqualTo(Long.toString(clock.instant().plus(Duration.ofDays(1)).getEpochSecond()));
    }

    /**
     * A request counted with this key and stopped before recording its answer (its time ran out, the store refused);
     * a retry finds the marker without an answer and records one, but TTL deletes the marker just before: recording
     * must not write a marker of its own, which would lack {@code expires-at} and answer the key as a replay forever.
     */
    @Test
    void aMarkerDeletedByTimeToLiveBeforeItsAnswerIsRecordedIsNotWrittenAgainWithoutExpiry() {
        dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of(
                DynamoDbHitCounters.NAME, markerKey().get(DynamoDbHitCounters.NAME),
                DynamoDbHitCounters.EXPIRES_AT, AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))));
        try (var deletingTheMarker = clientDeletingTheMarkerBeforeItsAnswerIsRecorded()) {
            var counters = new DynamoDbHitCounters(deletingTheMarker, TABLE, clock);

            assertThat(counters.incrementOnce(counter, key)).contains(replayed(0));
        }
        assertThat(marker()).as("no marker, or one that expires").satisfiesAnyOf(
                marker -> assertThat(marker).isEmpty(),
                marker -> assertThat(marker).containsKey(DynamoDbHitCounters.EXPIRES_AT));
    }

    /**
     * A request counted with this key and stopped before recording its answer; in the marker's last second a retry
     * finds no answer and reads the counter (50), but before its recording lands the marker expires and a new use of
     * the key replaces it and counts (51). The retry's late answer must not be recorded on the new use's marker, where
     * the new use and its replays would answer 50.
     */
    @Test
    void aRetryRecordsItsAnswerOnlyOnTheMarkerItSawNotOnOneThatANewUseOfTheKeyWroteSince() {
        dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of(
                DynamoDbHitCounters.NAME, AttributeValue.fromS(counter.value()),
                DynamoDbHitCounters.VALUE, AttributeValue.fromN("50"))));
        dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of(
                DynamoDbHitCounters.NAME, markerKey().get(DynamoDbHitCounters.NAME),
                DynamoDbHitCounters.EXPIRES_AT, AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))));
        var newUse = clock.instant().plusSeconds(1);
        try (var newUseBeforeTheRecording = clientLettingANewUseOfTheKeyCountBeforeItsAnswerIsRecorded(newUse)) {
            var retry = new DynamoDbHitCounters(newUseBeforeTheRecording, TABLE, clock);

            assertThat(retry.incrementOnce(counter, key)).as("the retry").contains(replayed(50));
        }
        clock.advance(Duration.ofSeconds(1));
        var counters = new DynamoDbHitCounters(dynamoDb, TABLE, clock);
        assertThat(counters.incrementOnce(counter, key)).as("the new use's retry").contains(replayed(51));
        assertThat(marker()).containsEntry(DynamoDbHitCounters.ANSWER, AttributeValue.fromN("51"));
    }

    /** As that race left them before recording an answer was conditioned on the marker: they count as absent. */
    @Test
    void aMarkerWithoutExpiryCountsAsAbsentAndIsReplacedByOneThatExpires() {
        dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of(
                DynamoDbHitCounters.NAME, markerKey().get(DynamoDbHitCounters.NAME),
                DynamoDbHitCounters.ANSWER, AttributeValue.fromN("41"))));
        var counters = new DynamoDbHitCounters(dynamoDb, TABLE, clock);

        assertThat(counters.incrementOnce(counter, key)).contains(counted(1));
        assertThat(marker()).containsKey(DynamoDbHitCounters.EXPIRES_AT)
                .containsEntry(DynamoDbHitCounters.ANSWER, AttributeValue.fromN("1"));
    }

    private Increment counted(long value) {
        return new Increment(new CounterReading(counter, value), false);
    }

    private Increment replayed(long value) {
        return new Increment(new CounterReading(counter, value), true);
    }

    private Map<String, AttributeValue> markerKey() {
        return Map.of(DynamoDbHitCounters.NAME, AttributeValue.fromS("idempotency#" + counter.value() + "#" + key.value()));
    }

    private Map<String, AttributeValue> marker() {
        return dynamoDb.getItem(get -> get.tableName(TABLE).key(markerKey()).consistentRead(true)).item();
    }

    /** Deletes the marker, as TTL may at any moment once it has expired, right before the one update of it is sent. */
    private DynamoDbClient clientDeletingTheMarkerBeforeItsAnswerIsRecorded() {
        var ttl = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof UpdateItemRequest update && update.key().equals(markerKey())) {
                    dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(markerKey()));
                }
            }
        };
        return local.clientWith(ttl);
    }

    /**
     * Right before the one update of the marker is sent, does what a new use of the key at {@code at} does once the
     * marker has expired: its transaction replaces the marker and counts, and its own recording is still to come.
     */
    private DynamoDbClient clientLettingANewUseOfTheKeyCountBeforeItsAnswerIsRecorded(Instant at) {
        var newUse = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof UpdateItemRequest update && update.key().equals(markerKey())) {
                    dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of(
                            DynamoDbHitCounters.NAME, markerKey().get(DynamoDbHitCounters.NAME),
                            DynamoDbHitCounters.EXPIRES_AT,
                            AttributeValue.fromN(Long.toString(at.plus(IdempotencyKey.REMEMBERED_FOR).getEpochSecond())))));
                    dynamoDb.updateItem(add -> add.tableName(TABLE)
                            .key(Map.of(DynamoDbHitCounters.NAME, AttributeValue.fromS(counter.value())))
                            .updateExpression("ADD #value :one")
                            .expressionAttributeNames(Map.of("#value", DynamoDbHitCounters.VALUE))
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                }
            }
        };
        return local.clientWith(newUse);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the adapter asks for instants only");
        }
    }
}
