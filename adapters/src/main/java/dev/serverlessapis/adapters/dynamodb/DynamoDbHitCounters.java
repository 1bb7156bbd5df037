package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.call;

import dev.serverlessapis.domain.counter.CounterName;
import dev.serverlessapis.domain.counter.CounterReading;
import dev.serverlessapis.domain.counter.HitCounters;
import dev.serverlessapis.domain.counter.IdempotencyKey;
import dev.serverlessapis.domain.counter.Increment;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counters in the {@code hit-counters} table: one item per counter, {@code counter-name} → {@code counter-value}.
 *
 * <p>An increment is a single {@code ADD} conditioned on the counter existing, so concurrent visits never lose a
 * count and no counter is created by a typo. An increment with an idempotency key also writes a marker item (same
 * table, key {@code idempotency#<counter>#<key>}, expiring after a day) in the same transaction, so the count happens
 * exactly when the marker is first written; the answer is then recorded on the marker and replayed to retries.
 * Counter names cannot contain {@code #}, so a marker is never mistaken for a counter.
 *
 * <p>A marker counts only until its {@code expires-at}, by this adapter's clock: DynamoDB's TTL deletes an expired
 * item only eventually, days later at times, and until then the item is still there to be read and conditioned on.
 */
public final class DynamoDbHitCounters implements HitCounters {
    public static final String NAME = "counter-name";
    public static final String VALUE = "counter-value";
    public static final String ANSWER = "answer";
    public static final String EXPIRES_AT = "expires-at";
    /**
     * Whether the key may count: no marker, or one that expired and TTL has not deleted yet. A marker without
     * {@code expires-at} is what recording an answer used to leave when TTL deleted the marker just before; it
     * counts as absent, so the key's next increment replaces it with one that expires.
     */
    private static final String NO_LIVE_MARKER = "attribute_not_exists(#name) OR attribute_not_exists(#expiresAt) OR #expiresAt < :now";
    /**
     * Only the marker this request claimed or found takes its answer, known by its {@code expires-at}: not one that a
     * new use of the key wrote since this one expired (it would answer the new use with this request's value), nor an
     * update of a marker TTL deleted (it would write one without expiry).
     */
    private static final String SAME_MARKER = "#expiresAt = :expiresAt";
    /** The one increment, alone or inside a transaction: add one, on a counter that exists. */
    private static final String ADD_ONE = "ADD #value :one";
    private static final String COUNTER_EXISTS = "attribute_exists(#name)";
    private static final Map<String, String> ADD_ONE_NAMES = Map.of("#value", VALUE, "#name", NAME);
    private static final Map<String, AttributeValue> ONE = Map.of(":one", AttributeValue.fromN("1"));

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final Transactions transactions;

    public DynamoDbHitCounters(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.transactions = new Transactions(dynamoDb);
    }

    @Override
    public Optional<CounterReading> increment(CounterName name) {
        try {
            // Built directly, not copied from addOne's Update: a function that never counts once never loads Update.
            var add = UpdateItemRequest.builder()
                    .tableName(table)
                    .key(counterKey(name))
                    .updateExpression(ADD_ONE)
                    .conditionExpression(COUNTER_EXISTS)
                    .expressionAttributeNames(ADD_ONE_NAMES)
                    .expressionAttributeValues(ONE)
                    .returnValues(ReturnValue.UPDATED_NEW)
                    .build();
            var updated = call("count a visit", () -> dynamoDb.updateItem(add));
            return Optional.of(reading(name, updated.attributes()));
        } catch (ConditionalCheckFailedException unknownCounter) {
            return Optional.empty();
        }
    }

    /** A marker whose condition failed was written by an earlier request with this key: its answer is replayed. */
    @Override
    public Optional<Increment> incrementOnce(CounterName name, IdempotencyKey key) {
        var marker = markerKey(name, key);
        var now = clock.instant();
        var expiresAt = AttributeValue.fromN(Long.toString(now.plus(IdempotencyKey.REMEMBERED_FOR).getEpochSecond()));
        var outcome = transactions.write("count a visit once", List.of(
                TransactWriteItem.builder().put(claim(marker, now, expiresAt)).build(),
                TransactWriteItem.builder().update(addOne(name)).build()));
        if (outcome.succeeded()) {
            var counted = read(name);
            return counted.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new Increment(replayable(marker, expiresAt, counted.get()), false));
        }
        if (outcome.failed(0)) {
            // The claim failed on a live marker, so the item it returns has an expires-at.
            var found = outcome.itemThatFailed(0).orElseThrow();
            var recorded = found.get(ANSWER);
            if (recorded != null) {
                return Optional.of(new Increment(new CounterReading(name, Long.parseLong(recorded.n())), true));
            }
            var counted = read(name);
            return counted.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new Increment(replayable(marker, found.get(EXPIRES_AT), counted.get()), true));
        }
        return Optional.empty(); // the update's condition: no such counter
    }

    @Override
    public Optional<CounterReading> read(CounterName name) {
        var item = call("read a counter", () -> dynamoDb.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(counterKey(name))
                .consistentRead(true)
                .projectionExpression("#value")
                .expressionAttributeNames(Map.of("#value", VALUE))
                .build())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(reading(name, item));
    }

    private Put claim(Map<String, AttributeValue> marker, Instant now, AttributeValue expiresAt) {
        var item = new HashMap<>(marker);
        item.put(EXPIRES_AT, expiresAt);
        return Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression(NO_LIVE_MARKER)
                .expressionAttributeNames(Map.of("#name", NAME, "#expiresAt", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** The increment inside the transaction that also writes an idempotency marker; the same as {@link #increment}'s. */
    private Update addOne(CounterName name) {
        return Update.builder()
                .tableName(table)
                .key(counterKey(name))
                .updateExpression(ADD_ONE)
                .conditionExpression(COUNTER_EXISTS)
                .expressionAttributeNames(ADD_ONE_NAMES)
                .expressionAttributeValues(ONE)
                .build();
    }

    /**
     * Records the answer on the marker that expires at {@code expiresAt} unless a concurrent retry recorded one first;
     * either way, the recorded one is returned. When that marker is gone (TTL deleted it after it expired, or a new use
     * of the key replaced it), the answer is given unrecorded.
     */
    private CounterReading replayable(Map<String, AttributeValue> marker, AttributeValue expiresAt, CounterReading counted) {
        var record = UpdateItemRequest.builder()
                .tableName(table)
                .key(marker)
                .updateExpression("SET #answer = if_not_exists(#answer, :value)")
                .conditionExpression(SAME_MARKER)
                .expressionAttributeNames(Map.of("#answer", ANSWER, "#expiresAt", EXPIRES_AT))
                .expressionAttributeValues(Map.of(
                        ":value", AttributeValue.fromN(Long.toString(counted.value())),
                        ":expiresAt", expiresAt))
                .returnValues(ReturnValue.UPDATED_NEW)
                .build();
        try {
            var recorded = call("record an idempotent answer", () -> dynamoDb.updateItem(record));
            return new CounterReading(counted.name(), Long.parseLong(recorded.attributes().get(ANSWER).n()));
        } catch (ConditionalCheckFailedException markerGoneOrReplaced) {
            return counted;
        }
    }

    private static Map<String, AttributeValue> counterKey(CounterName name) {
        return Map.of(NAME, AttributeValue.fromS(name.value()));
    }

    private static Map<String, AttributeValue> markerKey(CounterName name, IdempotencyKey key) {
        return Map.of(NAME, AttributeValue.fromS("idempotency#" + name.value() + "#" + key.value()));
    }

    private static CounterReading reading(CounterName name, Map<String, AttributeValue> attributes) {
        return new CounterReading(name, Long.parseLong(attributes.get(VALUE).n()));
    }
}
