package dev.serverlessapis.adapters.dynamodb;

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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A single-item write that meets a transaction in progress on its item: DynamoDB refuses it with a 400 that the
 * client raises as {@link TransactionConflictException}, once the SDK's retries are spent. The item is free again
 * when that transaction ends, so the request is "try again" (503 with {@code Retry-After}), not our defect (500).
 * DynamoDB Local never raises it, so the client here answers as DynamoDB does.
 */
class TransactionConflictTest {
    private final DynamoDbClient heldByATransaction = new HeldByATransaction();

    @Test
    void aVisitCountedWhileAnIdempotentVisitHoldsTheCounterIsTemporarilyUnavailable() {
        var counters = new DynamoDbHitCounters(heldByATransaction, "hit-counters", Clock.systemUTC());

        assertThatThrownBy(() -> counters.increment(new CounterName("cloud-resume")))
                .isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("DynamoDB could not count a visit now")
                .hasCauseInstanceOf(TransactionConflictException.class);
    }

    @Test
    void aProfileReplacedWhileTheSweepOfDeleteAllHoldsItIsTemporarilyUnavailable() {
        var profiles = new DynamoDbUserProfiles(heldByATransaction, "user-profiles", new SignedCursors("a-test-signing-key-of-some-length"));
        var current = new StoredProfile(UserProfile.of(Map.of("id", "ada", "name", "Ada")), Version.first(Incarnation.UNNAMED), Optional.of(new ProfileOwner("ada")));

        assertThatThrownBy(() -> profiles.replace(current, UserProfile.of(Map.of("id", "ada", "name", "Ada Lovelace"))))
                .isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("DynamoDB could not write a user now");
    }

    /** Refuses every single-item write as DynamoDB does while a transaction holds the item. */
    private static final class HeldByATransaction implements DynamoDbClient {
        private static TransactionConflictException conflict() {
            return (TransactionConflictException) TransactionConflictException.builder()
                    .message("Transaction is ongoing for the item")
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionConflictException").serviceName("DynamoDb").build())
                    .build();
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            throw conflict();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            throw conflict();
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
