package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Delete-all against DynamoDB Local, through a client that, like DynamoDB under load, processes only part of each
 * batch write and hands the rest back as unprocessed. DynamoDB Local itself never does.
 */
@ExtendWith(WithTestStack.class)
class DynamoDbUserProfilesTest {
    private static final String TABLE = "user-profiles";

    private final TestStack stack;

    DynamoDbUserProfilesTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void deleteAllRetriesUnprocessedDeletesUntilNothingIsLeft() {
        var client = new PartialBatchWrites(stack.dynamoDb(), 2);
        var profiles = profiles(client);
        profiles.deleteAll();
        for (int i = 0; i < 30; i++) {
            var id = UUID.randomUUID().toString();
            var members = i % 2 == 0 ? Map.<String, Object>of("id", id, "email", id + "@example.com") : Map.<String, Object>of("id", id);
            assertThat(profiles.create(UserProfile.of(members))).isInstanceOf(UserProfiles.Created.class);
        }

        assertThat(profiles.deleteAll()).isEqualTo(30);

        assertThat(client.batchCalls.get()).isGreaterThan(2);
        assertThat(stack.dynamoDb().scan(scan -> scan.tableName(TABLE)).count()).isZero();
    }

    @Test
    void deleteAllGivesUpAsTemporarilyUnavailableWhenNothingGetsProcessed() {
        var client = new PartialBatchWrites(stack.dynamoDb(), Integer.MAX_VALUE);
        var profiles = profiles(client);
        profiles.create(UserProfile.of(Map.of("id", UUID.randomUUID().toString())));

        assertThatThrownBy(profiles::deleteAll).isInstanceOf(TemporarilyUnavailableException.class);
        stack.dynamoDb().scan(scan -> scan.tableName(TABLE)).items().forEach(item ->
                stack.dynamoDb().deleteItem(delete -> delete.tableName(TABLE).key(Map.of("id", item.get("id")))));
    }

    private static DynamoDbUserProfiles profiles(DynamoDbClient client) {
        return new DynamoDbUserProfiles(client, TABLE, new SignedCursors("test-cursor-signing-key"));
    }

    /** Processes only one in {@code divisor} requests of each batch (at least one unless the divisor is huge). */
    private static final class PartialBatchWrites implements DynamoDbClient {
        private final DynamoDbClient dynamoDb;
        private final int divisor;
        private final AtomicInteger batchCalls = new AtomicInteger();

        PartialBatchWrites(DynamoDbClient dynamoDb, int divisor) {
            this.dynamoDb = dynamoDb;
            this.divisor = divisor;
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            batchCalls.incrementAndGet();
            var requests = request.requestItems().get(TABLE);
            var processed = divisor == Integer.MAX_VALUE ? 0 : Math.max(1, requests.size() / divisor);
            List<WriteRequest> now = requests.subList(0, processed);
            if (!now.isEmpty()) {
                dynamoDb.batchWriteItem(batch -> batch.requestItems(Map.of(TABLE, now)));
            }
            var rest = requests.subList(processed, requests.size());
            return BatchWriteItemResponse.builder().unprocessedItems(rest.isEmpty() ? Map.of() : Map.of(TABLE, rest)).build();
        }

        @Override
        public ScanResponse scan(ScanRequest request) {
            return dynamoDb.scan(request);
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            return dynamoDb.putItem(request);
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return dynamoDb.getItem(request);
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            return dynamoDb.transactWriteItems(request);
        }

        @Override
        public String serviceName() {
            return dynamoDb.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
