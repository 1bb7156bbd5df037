package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.counter.CounterName;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.user.Incarnation;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.Version;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A write that meets a transaction in progress on its item. A single-item write is refused with a 400 that the client
 * raises as {@link TransactionConflictException} once the SDK's retries are spent; a transaction is cancelled with the
 * reason {@code TransactionConflict}, and tried again after a random pause, {@value Transactions#ATTEMPTS} times in
 * all. The item is free again when that transaction ends, so either way the request is "try again" (503 with
 * {@code Retry-After}), not our defect (500). DynamoDB Local never answers so, so the client here answers as DynamoDB
 * does.
 */
class TransactionConflictTest {
    private final HeldByATransaction heldByATransaction = new HeldByATransaction();

    @Test
    void aVisitCountedWhileAnIdempotentVisitHoldsTheCounterIsTemporarilyUnavailable() {
        var counters = new DynamoDbHitCounters(heldByATransaction, "hit-counters", Clock.systemUTC());

        assertThatThrownBy(() -> counters.increment(new CounterName("cloud-resume")))
                .isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("DynamoDB could not count a visit now")
                .hasCauseInstanceOf(TransactionConflictException.class);
    }

    @Test
    void aProfileReplacedWhileTheSweepOfDeleteAllHoldsItIsTriedAgainThenTemporarilyUnavailable() {
        var profiles = new DynamoDbUserProfiles(heldByATransaction, "user-profiles", new SignedCursors("a-test-signing-key-of-some-length"));
        var current = new StoredProfile(UserProfile.of(Map.of("id", "ada", "name", "Ada")), Version.first(Incarnation.UNNAMED), Optional.of(new ProfileOwner("ada")));

        assertThatThrownBy(() -> profiles.replace(current, UserProfile.of(Map.of("id", "ada", "name", "Ada Lovelace"))))
                .isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("DynamoDB could not replace a user now: contended");
        assertThat(heldByATransaction.attempts).hasValue(Transactions.ATTEMPTS);
    }

    /** Refuses every write as DynamoDB does while another transaction holds its item. */
    private static final class HeldByATransaction implements DynamoDbClient {
        private final AtomicInteger attempts = new AtomicInteger();

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            throw (TransactionConflictException) TransactionConflictException.builder()
                    .message("Transaction is ongoing for the item")
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionConflictException").serviceName("DynamoDb").build())
                    .build();
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            attempts.incrementAndGet();
            throw (TransactionCanceledException) TransactionCanceledException.builder()
                    .message("Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]")
                    .cancellationReasons(CancellationReason.builder().code("TransactionConflict").message("Transaction is ongoing for the item").build())
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").serviceName("DynamoDb").build())
                    .build();
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
