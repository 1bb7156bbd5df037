package dev.serverlessapis.adapters.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.serverlessapis.adapters.dynamodb.WithDynamoDbLocal;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The tracing interceptor on a client like the functions', against DynamoDB Local, sending to a real UDP socket on
 * loopback in the X-Ray daemon's place: one subsegment per call, with the table, operation and outcome.
 */
@Tag("handler")
@ExtendWith(WithDynamoDbLocal.class)
class DynamoDbTracingLocalTest {
    private static final String HEADER = "Root=1-6955b900-0123456789abcdef01234567;Parent=1234567890abcdef;Sampled=1";

    private final LocalDynamoDb local;

    DynamoDbTracingLocalTest(LocalDynamoDb local) {
        this.local = local;
    }

    @Test
    void eachCallIsOneSubsegmentWithItsTableOperationStatusAndNoItemData() throws Exception {
        var table = "chirp";
        var user = "trace-" + UUID.randomUUID();
        var segments = traced(dynamoDb -> {
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of("userId", AttributeValue.fromS(user),
                    "timestamp", AttributeValue.fromN("1"), "day", AttributeValue.fromS("2020-01-02"), "text", AttributeValue.fromS("secret text"))));
            dynamoDb.getItem(get -> get.tableName(table).key(Map.of("userId", AttributeValue.fromS(user), "timestamp", AttributeValue.fromN("1"))));
            dynamoDb.query(query -> query.tableName(table).indexName("feed-by-day").keyConditionExpression("#d = :d")
                    .expressionAttributeNames(Map.of("#d", "day")).expressionAttributeValues(Map.of(":d", AttributeValue.fromS("2020-01-02"))));
            dynamoDb.batchWriteItem(batch -> batch.requestItems(Map.of(table, List.of(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(Map.of("userId", AttributeValue.fromS(user), "timestamp", AttributeValue.fromN("2"))).build()).build()))));
        }, 4);

        assertThat(segments).extracting(segment -> segment.getAsJsonObject("aws").get("operation").getAsString())
                .containsExactly("PutItem", "GetItem", "Query", "BatchWriteItem");
        assertThat(segments).allSatisfy(segment -> {
            assertThat(segment.get("type").getAsString()).isEqualTo("subsegment");
            assertThat(segment.get("name").getAsString()).isEqualTo("DynamoDB");
            assertThat(segment.get("trace_id").getAsString()).isEqualTo("1-6955b900-0123456789abcdef01234567");
            assertThat(segment.get("parent_id").getAsString()).isEqualTo("1234567890abcdef");
            assertThat(segment.getAsJsonObject("aws").get("table_name").getAsString()).isEqualTo(table);
            assertThat(segment.getAsJsonObject("aws").get("region").getAsString()).isEqualTo(LocalDynamoDb.REGION);
            assertThat(segment.getAsJsonObject("aws").get("request_id").getAsString()).isNotBlank();
            assertThat(segment.getAsJsonObject("aws").get("retries").getAsInt()).isZero();
            assertThat(segment.getAsJsonObject("http").getAsJsonObject("response").get("status").getAsInt()).isEqualTo(200);
            assertThat(segment.get("end_time").getAsDouble()).isGreaterThanOrEqualTo(segment.get("start_time").getAsDouble());
            assertThat(segment.has("error") || segment.has("fault") || segment.has("throttle")).isFalse();
            assertThat(segment.toString()).doesNotContain(user).doesNotContain("secret text").doesNotContain("2020-01-02");
        });
        assertThat(segments).extracting(segment -> segment.get("id").getAsString()).doesNotHaveDuplicates();
    }

    @Test
    void aCallOnAMissingTableIsOneSubsegmentMarkedAsAnError() throws Exception {
        var segments = traced(dynamoDb -> assertThatThrownBy(() -> dynamoDb.getItem(get -> get.tableName("no-such-table")
                .key(Map.of("id", AttributeValue.fromS("x"))))).isInstanceOf(ResourceNotFoundException.class), 1);

        var segment = segments.getFirst();
        assertThat(segment.getAsJsonObject("aws").get("table_name").getAsString()).isEqualTo("no-such-table");
        assertThat(segment.getAsJsonObject("http").getAsJsonObject("response").get("status").getAsInt()).isEqualTo(400);
        assertThat(segment.get("error").getAsBoolean()).isTrue();
        assertThat(segment.has("fault")).isFalse();
        assertThat(segment.has("throttle")).isFalse();
        assertThat(segment.getAsJsonObject("cause").getAsJsonArray("exceptions").get(0).getAsJsonObject().get("type").getAsString())
                .isEqualTo("ResourceNotFoundException");
    }

    private interface Calls {
        void make(DynamoDbClient dynamoDb);
    }

    /** Makes the calls on a traced client and returns the subsegments the daemon socket received, exactly {@code expected}. */
    private List<JsonObject> traced(Calls calls, int expected) throws Exception {
        try (var socket = new LoopbackXRayDaemon();
             var daemon = XRayDaemon.at(Optional.of(socket.address()));
             var dynamoDb = local.clientWith(new XRayDynamoDbTracing(() -> Optional.of(HEADER), daemon, Clock.systemUTC()))) {
            calls.make(dynamoDb);
            return socket.receive(expected);
        }
    }
}
