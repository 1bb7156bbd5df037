package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.counter.CounterName;
import dev.serverlessapis.domain.counter.IdempotencyKey;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.UserProfile;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one retry policy for contended transactions, against a client that answers as DynamoDB does: a transaction
 * cancelled only by contention is tried again up to {@value Transactions#ATTEMPTS} times in all, for profiles and
 * counters alike; a failed condition is an answer at once, read by the position of its item.
 */
class TransactionsTest {
    private static final CancellationReason CONFLICT = CancellationReason.builder().code("TransactionConflict").build();
    private static final CancellationReason NONE = CancellationReason.builder().code("None").build();
    private static final List<TransactWriteItem> TWO_ITEMS = List.of(TransactWriteItem.builder().build(), TransactWriteItem.builder().build());

    private final Answers dynamoDb = new Answers();

    @Test
    void aTransactionContendedEveryTimeIsTriedTheAttemptsThenTemporarilyUnavailable() {
        dynamoDb.alwaysCancel(CONFLICT, NONE);

        assertThatThrownBy(() -> new Transactions(dynamoDb).write("delete users", TWO_ITEMS))
                .isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("DynamoDB could not delete users now: contended");
        assertThat(dynamoDb.calls).hasValue(Transactions.ATTEMPTS);
    }

    @Test
    void aTransactionContendedTwiceCommitsOnTheThirdAttempt() {
        dynamoDb.cancelNext(CONFLICT, NONE);
        dynamoDb.cancelNext(NONE, CONFLICT);

        assertThat(new Transactions(dynamoDb).write("delete users", TWO_ITEMS).succeeded()).isTrue();
        assertThat(dynamoDb.calls).hasValue(3);
    }

    @Test
    void aFailedConditionIsAnAnswerAtOnceNamingItsItemAndWhatItHeld() {
        var held = Map.of("answer", AttributeValue.fromN("7"));
        dynamoDb.cancelNext(NONE, CancellationReason.builder().code("ConditionalCheckFailed").item(held).build());

        var outcome = new Transactions(dynamoDb).write("delete users", TWO_ITEMS);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failed(0)).isFalse();
        assertThat(outcome.failed(1)).isTrue();
        assertThat(outcome.itemThatFailed(1)).contains(held);
        assertThat(outcome.itemThatFailed(0)).isEmpty();
        assertThat(dynamoDb.calls).hasValue(1);
    }

    @Test
    void profilesAndCountersGiveUpOnContentionAfterTheSameAttempts() {
        dynamoDb.alwaysCancel(CONFLICT, NONE);
        var profiles = new DynamoDbUserProfiles(dynamoDb, "user-profiles", new SignedCursors("a-test-signing-key-of-some-length"));
        assertThatThrownBy(() -> profiles.create(UserProfile.of(Map.of("id", "ada", "email", "ada@example.com")), new ProfileOwner("ada")))
                .isInstanceOf(TemporarilyUnavailableException.class);
        assertThat(dynamoDb.calls.getAndSet(0)).isEqualTo(Transactions.ATTEMPTS);

        var counters = new DynamoDbHitCounters(dynamoDb, "hit-counters", Clock.systemUTC());
        assertThatThrownBy(() -> counters.incrementOnce(new CounterName("cloud-resume"), new IdempotencyKey("a-key-of-this-visit")))
                .isInstanceOf(TemporarilyUnavailableException.class);
        assertThat(dynamoDb.calls).hasValue(Transactions.ATTEMPTS);
    }

    /**
     * Work that can stop part-way hears of an interrupt during the pause between attempts as of any other stop, so it
     * can still answer what it did; the thread stays interrupted.
     */
    @Test
    void anInterruptWhileContendedGoesToWhatStopsTheWrite() {
        dynamoDb.alwaysCancel(CONFLICT, NONE);
        dynamoDb.interruptEachCall();
        var stops = new ArrayList<TemporarilyUnavailableException>();

        try {
            assertThat(new Transactions(dynamoDb).writeInTime("delete users", TWO_ITEMS, stops::add)).isEmpty();
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(stops).singleElement().extracting(Throwable::getMessage).isEqualTo("interrupted while DynamoDB was contended");
        assertThat(dynamoDb.calls).hasValue(1);
    }

    /** Cancels transactions with the reasons given, the queued ones first, then always or never. */
    private static final class Answers implements DynamoDbClient {
        private final Deque<List<CancellationReason>> next = new ArrayDeque<>();
        private List<CancellationReason> always;
        private boolean interrupting;
        final AtomicInteger calls = new AtomicInteger();

        void cancelNext(CancellationReason... reasons) {
            next.add(List.of(reasons));
        }

        void alwaysCancel(CancellationReason... reasons) {
            always = List.of(reasons);
        }

        /** Each call leaves the calling thread interrupted, as an interrupt arriving during it would. */
        void interruptEachCall() {
            interrupting = true;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            calls.incrementAndGet();
            if (interrupting) {
                Thread.currentThread().interrupt();
            }
            var reasons = next.isEmpty() ? always : next.poll();
            if (reasons == null) {
                return TransactWriteItemsResponse.builder().build();
            }
            throw TransactionCanceledException.builder().message("Transaction cancelled").cancellationReasons(reasons).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
