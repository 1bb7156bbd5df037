package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.call;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.putAlone;

import dev.serverlessapis.domain.chirp.Chirp;
import dev.serverlessapis.domain.chirp.ChirpText;
import dev.serverlessapis.domain.chirp.Chirps;
import dev.serverlessapis.domain.chirp.UserId;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Chirps in the {@code chirp} table: partition key {@code userId}, sort key {@code timestamp} (epoch milliseconds).
 *
 * <p>A chirp is written with a condition that its key is free; when another chirp of the same user already holds
 * that millisecond, the next millisecond is tried, so nothing is ever overwritten. The chirp carries a
 * {@link WriteToken}, so that a retry of the SDK meeting the chirp its own first attempt stored is not taken for another
 * chirp's millisecond (which would store it twice); the token is never read back into a {@link Chirp}.
 *
 * <p>Everyone's chirps are read from the global secondary index {@value #FEED_INDEX}: partition key {@code day}
 * ({@code YYYY-MM-DD}, UTC, of the timestamp), sort key {@code timestamp}. Each day is its own partition, so the feed
 * never piles into one ever-growing partition, and a page reads the newest day first, then earlier ones. Which days
 * hold chirps is recorded in marker items of the same table (partition {@value #DAYS_PARTITION}, sort key the epoch
 * day, no {@code day} attribute so they stay out of the index): the feed walks exactly the days that have chirps, never
 * probing empty ones, and never scans. A day is marked before its first chirp is written, and each execution
 * environment marks a day once, so marking costs one write per environment per day. {@code #} is not allowed in a
 * handle, so a marker is never taken for a user's chirps.
 */
public final class DynamoDbChirps implements Chirps {
    public static final String USER_ID = "userId";
    public static final String TIMESTAMP = "timestamp";
    public static final String TEXT = "text";
    public static final String DAY = "day";
    public static final String FEED_INDEX = "feed-by-day";
    static final String DAYS_PARTITION = "#days";
    /**
     * Milliseconds a chirp tries, one after another, when its own is taken by another chirp of the same user: this many
     * posts in one burst all succeed. Not a retry of a failure: each try is a different key.
     */
    static final int MILLISECONDS_TRIED = 128;
    private static final WriteCondition MILLISECOND_FREE =
            WriteCondition.of("attribute_not_exists(#timestamp)", Map.of("#timestamp", TIMESTAMP));
    private static final int DAYS_PER_READ = 8;
    private static final Set<String> USER_CURSOR = Set.of(USER_ID, TIMESTAMP);
    private static final Set<String> FEED_CURSOR = Set.of(DAY, TIMESTAMP, USER_ID);
    private static final Set<String> BETWEEN_DAYS_CURSOR = Set.of(DAY);
    /** Days one feed page reads at most, chirps or not: 32 queries of the index and 4 of the day markers. */
    static final int MAX_DAYS_PER_PAGE = 32;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SignedCursors cursors;
    private final Set<Long> markedDays = ConcurrentHashMap.newKeySet();

    public DynamoDbChirps(DynamoDbClient dynamoDb, String table, SignedCursors cursors) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Chirp add(UserId userId, ChirpText text, long notBefore) {
        for (int attempt = 1; ; attempt++) {
            var chirp = new Chirp(userId, notBefore + attempt - 1, text);
            var day = LocalDate.ofInstant(Instant.ofEpochMilli(chirp.timestamp()), ZoneOffset.UTC);
            markDay(day);
            if (putAlone(dynamoDb, "store a chirp", table, MILLISECOND_FREE, item(chirp, day))) {
                return chirp;
            }
            if (attempt == MILLISECONDS_TRIED) {
                throw new TemporarilyUnavailableException(
                        "user " + userId + " posted " + MILLISECONDS_TRIED + " chirps in a burst", null);
            }
        }
    }

    @Override
    public Page<Chirp> byUser(UserId userId, PageRequest page) {
        var start = page.cursor().map(cursor -> cursors.decode(cursor, USER_CURSOR));
        if (start.isPresent() && !start.get().get(USER_ID).s().equals(userId.value())) {
            throw InvalidInputException.of("cursor", "belongs to another user's listing; start again without it");
        }
        var response = call("list a user's chirps", () -> dynamoDb.query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#userId = :userId")
                .expressionAttributeNames(Map.of("#userId", USER_ID))
                .expressionAttributeValues(Map.of(":userId", AttributeValue.fromS(userId.value())))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(page.limit())
                .exclusiveStartKey(start.orElse(null))
                .build()));
        return new Page<>(response.items().stream().map(DynamoDbChirps::chirp).toList(),
                cursors.encode(StartKey.after(response)));
    }

    /**
     * Fills the page from the newest day down, reading at most {@value #MAX_DAYS_PER_PAGE} days, so a page costs the
     * same however many days lie between chirps. The cursor is the index's last evaluated key, which names the day, so
     * the next page resumes inside that day; or, when the page stopped between days, just that day, so the next page
     * goes on with earlier ones. Either way the page may be short, or empty, with a cursor.
     */
    @Override
    public Page<Chirp> everyone(PageRequest page) {
        var resumeKey = page.cursor().map(cursor -> cursors.decode(cursor, List.of(FEED_CURSOR, BETWEEN_DAYS_CURSOR)));
        var insideDay = resumeKey.filter(key -> key.keySet().equals(FEED_CURSOR));
        var resumeDay = resumeKey.map(key -> LocalDate.parse(key.get(DAY).s()));
        var days = new MarkedDays(resumeDay);
        var items = new ArrayList<Chirp>();
        Map<String, AttributeValue> start = insideDay.orElse(null);
        var day = insideDay.isPresent() ? resumeDay : days.next();
        int read = 0;
        while (day.isPresent()) {
            if (read == MAX_DAYS_PER_PAGE) {
                return new Page<>(items, cursors.encode(Map.of(DAY, AttributeValue.fromS(day.get().plusDays(1).toString()))));
            }
            read++;
            var response = readDay(day.get(), start, page.limit() - items.size());
            response.items().stream().map(DynamoDbChirps::chirp).forEach(items::add);
            start = StartKey.after(response);
            if (items.size() == page.limit()) {
                return new Page<>(items, cursors.encode(start));
            }
            if (start == null) {
                day = days.next();
            }
        }
        return new Page<>(items, Optional.empty());
    }

    private QueryResponse readDay(LocalDate day, Map<String, AttributeValue> start, int limit) {
        return call("list everyone's chirps", () -> dynamoDb.query(QueryRequest.builder()
                .tableName(table)
                .indexName(FEED_INDEX)
                .keyConditionExpression("#day = :day")
                .expressionAttributeNames(Map.of("#day", DAY))
                .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(day.toString())))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(start)
                .build()));
    }

    private void markDay(LocalDate day) {
        if (markedDays.contains(day.toEpochDay())) {
            return;
        }
        call("record a day of chirps", () -> dynamoDb.putItem(PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(USER_ID, AttributeValue.fromS(DAYS_PARTITION),
                        TIMESTAMP, AttributeValue.fromN(Long.toString(day.toEpochDay())))).build()));
        markedDays.add(day.toEpochDay());
    }

    /** The days that have chirps, newest first, strictly before {@code before} when given, read a few at a time. */
    private final class MarkedDays {
        private final Deque<LocalDate> buffered = new ArrayDeque<>();
        private Map<String, AttributeValue> next;
        private boolean exhausted;
        private final Optional<LocalDate> before;

        MarkedDays(Optional<LocalDate> before) {
            this.before = before;
        }

        Optional<LocalDate> next() {
            if (buffered.isEmpty() && !exhausted) {
                var response = call("list the days with chirps", () -> dynamoDb.query(markers()));
                response.items().forEach(item -> buffered.add(LocalDate.ofEpochDay(Long.parseLong(item.get(TIMESTAMP).n()))));
                next = StartKey.after(response);
                exhausted = next == null;
            }
            return Optional.ofNullable(buffered.poll());
        }

        private QueryRequest markers() {
            var names = new HashMap<String, String>(Map.of("#userId", USER_ID));
            var values = new HashMap<String, AttributeValue>(Map.of(":days", AttributeValue.fromS(DAYS_PARTITION)));
            var condition = "#userId = :days";
            if (before.isPresent()) {
                names.put("#timestamp", TIMESTAMP);
                values.put(":before", AttributeValue.fromN(Long.toString(before.get().toEpochDay())));
                condition += " AND #timestamp < :before";
            }
            return QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(DAYS_PER_READ)
                    .exclusiveStartKey(next)
                    .build();
        }
    }

    private static Map<String, AttributeValue> item(Chirp chirp, LocalDate day) {
        return Map.of(
                USER_ID, AttributeValue.fromS(chirp.userId().value()),
                TIMESTAMP, AttributeValue.fromN(Long.toString(chirp.timestamp())),
                TEXT, AttributeValue.fromS(chirp.text().value()),
                DAY, AttributeValue.fromS(day.toString()));
    }

    /**
     * The handle and the text are read back, not input ({@link UserId#stored}, {@link ChirpText#stored}): a hand edit,
     * or for the text older rules, may have stored ones today's refuse.
     */
    private static Chirp chirp(Map<String, AttributeValue> item) {
        return new Chirp(UserId.stored(item.get(USER_ID).s()), Long.parseLong(item.get(TIMESTAMP).n()),
                ChirpText.stored(item.get(TEXT).s()));
    }
}
