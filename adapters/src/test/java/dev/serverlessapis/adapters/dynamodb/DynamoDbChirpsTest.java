package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.domain.chirp.Chirp;
import dev.serverlessapis.domain.chirp.ChirpText;
import dev.serverlessapis.domain.chirp.UserId;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The adapter against DynamoDB Local, with timestamps chosen by the test so collisions and days are certain. */
@Tag("handler")
@ExtendWith(WithDynamoDbLocal.class)
class DynamoDbChirpsTest {
    private static final long MIDNIGHT_2020_01_02 = Instant.parse("2020-01-02T00:00:00Z").toEpochMilli();

    private final DynamoDbClient dynamoDb;
    private final DynamoDbChirps chirps;
    private final UserId user = new UserId("adapter-" + UUID.randomUUID());

    DynamoDbChirpsTest(LocalDynamoDb local) {
        this.dynamoDb = local.client();
        this.chirps = new DynamoDbChirps(dynamoDb, "chirp", new SignedCursors("a-test-signing-key-of-some-length"));
    }

    @Test
    void aSecondChirpInTheSameMillisecondTakesTheNextOneAndOverwritesNothing() {
        var first = chirps.add(user, new ChirpText("first"), 1_000);
        var second = chirps.add(user, new ChirpText("second"), 1_000);

        assertThat(first.timestamp()).isEqualTo(1_000);
        assertThat(second.timestamp()).isEqualTo(1_001);
        assertThat(stored(user)).containsExactly(second, first);
    }

    /** Fifty, not more: each one that arrives later retries once per chirp ahead of it, which DynamoDB Local serializes. */
    @Test
    void fiftyConcurrentChirpsInOneMillisecondAreAllStoredOnConsecutiveMilliseconds() throws Exception {
        var answers = new ArrayList<Long>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            var futures = new ArrayList<Future<Chirp>>();
            for (int i = 0; i < 50; i++) {
                var text = new ChirpText("burst " + i);
                futures.add(pool.submit((Callable<Chirp>) () -> chirps.add(user, text, 5_000)));
            }
            for (var future : futures) {
                answers.add(future.get().timestamp());
            }
        }
        assertThat(answers).containsExactlyInAnyOrderElementsOf(LongStream.range(5_000, 5_050).boxed().toList());
        assertThat(stored(user)).hasSize(50).extracting(chirp -> chirp.text().value()).doesNotHaveDuplicates();
    }

    @Test
    void aChirpOneMillisecondBeforeMidnightThatIsBumpedLandsInTheNextDay() {
        chirps.add(user, new ChirpText("late"), MIDNIGHT_2020_01_02 - 1);
        var bumped = chirps.add(user, new ChirpText("later"), MIDNIGHT_2020_01_02 - 1);

        var item = dynamoDb.getItem(get -> get.tableName("chirp").key(Map.of(
                "userId", AttributeValue.fromS(user.value()), "timestamp", AttributeValue.fromN(Long.toString(bumped.timestamp())))));
        assertThat(item.item().get("day").s()).isEqualTo("2020-01-02");
    }

    @Test
    void theFeedWalksDaysNewestFirstAcrossPagesWithoutDropsOrRepeats() {
        var mine = new ArrayList<Chirp>();
        for (var day : List.of("2020-03-01", "2020-03-04", "2020-03-09")) {
            var start = Instant.parse(day + "T10:00:00Z").toEpochMilli();
            for (int i = 0; i < 3; i++) {
                mine.add(chirps.add(user, new ChirpText(day + " #" + i), start + i * 60_000L));
            }
        }
        var other = new UserId("adapter-other-" + UUID.randomUUID());
        mine.add(chirps.add(other, new ChirpText("same millisecond, other user"), mine.getLast().timestamp()));

        for (int limit : List.of(1, 2, 7)) {
            var feed = wholeFeed(limit);
            assertThat(new HashSet<>(feed)).as("no repeats with limit " + limit).hasSameSizeAs(feed);
            assertThat(feed).as("newest first").isSortedAccordingTo(Comparator.comparingLong(Chirp::timestamp).reversed());
            assertThat(feed.stream().filter(mine::contains).toList()).containsExactlyInAnyOrderElementsOf(mine);
        }
    }

    /**
     * 100 marked days without a chirp (their chirps gone), then one chirp before them: each page reads a bounded
     * number of days and answers with a cursor, and the walk still reaches the old chirp.
     */
    @Test
    void aFeedPageReadsABoundedNumberOfDaysHoweverManyEmptyDaysLieBetweenChirps() {
        var firstEmptyDay = LocalDate.parse("1980-01-01").toEpochDay();
        var emptyDays = LongStream.range(firstEmptyDay, firstEmptyDay + 100).boxed().toList();
        emptyDays.forEach(day -> dynamoDb.putItem(put -> put.tableName("chirp").item(marker(day))));
        var old = chirps.add(user, new ChirpText("before the silence"), Instant.parse("1979-12-01T12:00:00Z").toEpochMilli());
        var counting = new QueryCounter(dynamoDb);
        var feed = new DynamoDbChirps(counting, "chirp", new SignedCursors("a-test-signing-key-of-some-length"));
        try {
            var all = new ArrayList<Chirp>();
            int mostQueries = 0;
            int pages = 0;
            var page = feed.everyone(new PageRequest(100, Optional.empty()));
            do {
                if (pages > 0) {
                    page = feed.everyone(new PageRequest(100, page.nextCursor()));
                }
                pages++;
                mostQueries = Math.max(mostQueries, counting.take());
                all.addAll(page.items());
            } while (page.nextCursor().isPresent());

            System.out.printf("feed over 100 empty days: %d pages, at most %d queries per page%n", pages, mostQueries);
            assertThat(all).contains(old).doesNotHaveDuplicates();
            assertThat(mostQueries).isLessThanOrEqualTo(DynamoDbChirps.MAX_DAYS_PER_PAGE + 5);
        } finally {
            emptyDays.forEach(day -> dynamoDb.deleteItem(delete -> delete.tableName("chirp").key(marker(day))));
        }
    }

    /**
     * A handle and a text a hand edit (or, for the text, older code) stored and {@code UserId} and {@code ChirpText} refuse (spaces in
     * the handle; a text of one zero-width space, which {@code String.isBlank} lets through) are read back, not input:
     * the feed shows the chirp as stored rather than failing for everyone whose page meets it.
     */
    @Test
    void theFeedShowsAChirpStoredOutsideTheRulesOfToday() {
        var handle = "older handle " + UUID.randomUUID();
        var day = LocalDate.parse("1975-05-05");
        var timestamp = Instant.parse("1975-05-05T12:00:00Z").toEpochMilli();
        var key = Map.of("userId", AttributeValue.fromS(handle), "timestamp", AttributeValue.fromN(Long.toString(timestamp)));
        var item = new HashMap<>(key);
        item.put("text", AttributeValue.fromS("\u200b"));
        item.put("day", AttributeValue.fromS(day.toString()));
        dynamoDb.putItem(put -> put.tableName("chirp").item(marker(day.toEpochDay())));
        dynamoDb.putItem(put -> put.tableName("chirp").item(item));
        try {
            assertThat(wholeFeed(100)).anySatisfy(chirp -> {
                assertThat(chirp.userId().value()).isEqualTo(handle);
                assertThat(chirp.timestamp()).isEqualTo(timestamp);
                assertThat(chirp.text().value()).isEqualTo("\u200b");
            });
        } finally {
            dynamoDb.deleteItem(delete -> delete.tableName("chirp").key(key));
            dynamoDb.deleteItem(delete -> delete.tableName("chirp").key(marker(day.toEpochDay())));
        }
    }

    /** A user's own listing reads the text back as stored too: {@code ?userId=} is input, what it finds is not. */
    @Test
    void aUsersChirpsShowATextStoredOutsideTheRulesOfToday() {
        var key = Map.of("userId", AttributeValue.fromS(user.value()), "timestamp", AttributeValue.fromN("9000"));
        var item = new HashMap<>(key);
        item.put("text", AttributeValue.fromS("\u00a0"));
        item.put("day", AttributeValue.fromS("1970-01-01"));
        dynamoDb.putItem(put -> put.tableName("chirp").item(item));
        try {
            assertThat(stored(user)).extracting(chirp -> chirp.text().value()).containsExactly("\u00a0");
        } finally {
            dynamoDb.deleteItem(delete -> delete.tableName("chirp").key(key));
        }
    }

    private static Map<String, AttributeValue> marker(long epochDay) {
        return Map.of("userId", AttributeValue.fromS("#days"), "timestamp", AttributeValue.fromN(Long.toString(epochDay)));
    }

    /** Counts the queries made through it since the last {@link #take()}. */
    private static final class QueryCounter implements DynamoDbClient {
        private final DynamoDbClient dynamoDb;
        private final AtomicInteger queries = new AtomicInteger();

        QueryCounter(DynamoDbClient dynamoDb) {
            this.dynamoDb = dynamoDb;
        }

        int take() {
            return queries.getAndSet(0);
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            queries.incrementAndGet();
            return dynamoDb.query(request);
        }

        @Override
        public String serviceName() {
            return dynamoDb.serviceName();
        }

        @Override
        public void close() {
        }
    }

    private List<Chirp> wholeFeed(int limit) {
        var all = new ArrayList<Chirp>();
        var page = chirps.everyone(new PageRequest(limit, Optional.empty()));
        all.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = chirps.everyone(new PageRequest(limit, page.nextCursor()));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            all.addAll(page.items());
        }
        return all;
    }

    private List<Chirp> stored(UserId userId) {
        var all = new ArrayList<Chirp>();
        var page = chirps.byUser(userId, new PageRequest(100, Optional.empty()));
        all.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = chirps.byUser(userId, new PageRequest(100, page.nextCursor()));
            all.addAll(page.items());
        }
        return all;
    }
}
