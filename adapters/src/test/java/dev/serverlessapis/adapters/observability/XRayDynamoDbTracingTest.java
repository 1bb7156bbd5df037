package dev.serverlessapis.adapters.observability;

import static dev.serverlessapis.adapters.observability.RequestLoggerTest.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.dynamodb.DynamoDbHttpAnswers;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The interceptor on a real SDK client whose HTTP layer answers as DynamoDB does (success, throttling), sending to a
 * real UDP socket on loopback that stands for the X-Ray daemon. {@code DynamoDbTracingLocalTest} in the local stack
 * runs the same interceptor against DynamoDB Local.
 */
class XRayDynamoDbTracingTest {
    /** DynamoDB's answers in turn: an empty success, or its throttling error. */
    private static final String ANSWERED = null;
    private static final String THROTTLED = "ProvisionedThroughputExceededException";
    static final String HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    private final DatagramSocket daemonSocket = daemonSocket();
    private final AtomicReference<String> header = new AtomicReference<>(HEADER);
    private final List<String> metrics = new ArrayList<>();
    private final XRayDaemon daemon = XRayDaemon.at(Optional.of("127.0.0.1:" + daemonSocket.getLocalPort()));

    @AfterEach
    void close() {
        daemon.close();
        daemonSocket.close();
    }

    @Test
    void aSuccessfulCallIsOneSubsegmentOfTheFunctionsSegmentWithTableOperationAndStatus() throws Exception {
        try (var dynamoDb = client(DynamoDbHttpAnswers.inTurn(java.util.Arrays.asList(ANSWERED)))) {
            dynamoDb.getItem(get -> get.tableName("serverless-apis-dev-chirp").key(Map.of("userId", AttributeValue.fromS("ada@example.com"))));
        }

        var datagram = receive();
        assertThat(datagram).startsWith("{\"format\": \"json\", \"version\": 1}\n");
        var segment = segment(datagram);
        assertThat(segment.keySet()).containsExactly("name", "id", "trace_id", "parent_id", "type", "namespace",
                "start_time", "end_time", "aws", "http");
        assertThat(segment.get("name").getAsString()).isEqualTo("DynamoDB");
        assertThat(segment.get("id").getAsString()).matches("[0-9a-f]{16}");
        assertThat(segment.get("trace_id").getAsString()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(segment.get("parent_id").getAsString()).isEqualTo("53995c3f42cd8ad8");
        assertThat(segment.get("type").getAsString()).isEqualTo("subsegment");
        assertThat(segment.get("namespace").getAsString()).isEqualTo("aws");
        assertThat(segment.get("start_time").getAsDouble()).isEqualTo(CLOCK.millis() / 1000.0);
        assertThat(segment.get("end_time").getAsDouble()).isEqualTo(CLOCK.millis() / 1000.0);
        assertThat(segment.getAsJsonObject("aws").toString()).isEqualTo("{\"operation\":\"GetItem\",\"region\":\"eu-west-1\","
                + "\"request_id\":\"REQUEST0\",\"table_name\":\"serverless-apis-dev-chirp\",\"retries\":0}");
        assertThat(segment.getAsJsonObject("http").toString()).isEqualTo("{\"response\":{\"status\":200}}");
        assertThat(datagram).doesNotContain("ada@example.com").doesNotContain("userId");
        assertThat(nothingMore()).isTrue();
        assertThat(metrics).isEmpty();
    }

    @Test
    void aCallThrottledUntilTheRetriesRanOutIsMarkedThrottledWithItsRetriesAndCountedAsMetrics() throws Exception {
        var answers = DynamoDbHttpAnswers.inTurn(List.of(THROTTLED, THROTTLED, THROTTLED));
        try (var dynamoDb = client(answers)) {
            assertThatThrownBy(() -> dynamoDb.putItem(put -> put.tableName("serverless-apis-dev-hit-counters")
                    .item(Map.of("counter-name", AttributeValue.fromS("cloud-resume")))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
        }

        var segment = segment(receive());
        assertThat(answers.targets()).hasSize(3);
        assertThat(segment.getAsJsonObject("aws").get("operation").getAsString()).isEqualTo("PutItem");
        assertThat(segment.getAsJsonObject("aws").get("table_name").getAsString()).isEqualTo("serverless-apis-dev-hit-counters");
        assertThat(segment.getAsJsonObject("aws").get("retries").getAsInt()).isEqualTo(2);
        assertThat(segment.getAsJsonObject("http").toString()).isEqualTo("{\"response\":{\"status\":400}}");
        assertThat(segment.get("throttle").getAsBoolean()).isTrue();
        assertThat(segment.get("error").getAsBoolean()).isTrue();
        assertThat(segment.has("fault")).isFalse();
        assertThat(segment.getAsJsonObject("cause").getAsJsonArray("exceptions").get(0).getAsJsonObject().get("type").getAsString())
                .isEqualTo("ProvisionedThroughputExceededException");
        assertThat(nothingMore()).isTrue();
        assertThat(metrics).hasSize(2);
        assertThat(metrics.get(0)).contains("\"Event\":\"DynamoDbRetry\",\"Events\":2");
        assertThat(metrics.get(1)).contains("\"Event\":\"DynamoDbThrottle\",\"Events\":1");
    }

    /**
     * DynamoDB refuses a throttled transaction as a cancellation (400, reasons {@code ThrottlingError} or
     * {@code ProvisionedThroughputExceeded}), which the SDK does not retry and {@code isThrottlingException} does not
     * call throttling: the adapter tries it again itself. Each such attempt is throttled all the same, in the trace and
     * the throttle count, or the throttle alarm and chart would say "none" while transactions fail with 503s.
     */
    @Test
    void aTransactionCancelledByThrottlingIsMarkedThrottledAndCounted() throws Exception {
        for (var reason : List.of("ThrottlingError", "ProvisionedThroughputExceeded")) {
            metrics.clear();
            try (var dynamoDb = client(DynamoDbHttpAnswers.cancellingWith(List.of("None", reason)))) {
                assertThatThrownBy(() -> dynamoDb.transactWriteItems(write -> write.transactItems(List.of())))
                        .isInstanceOf(TransactionCanceledException.class);
            }

            var segment = segment(receive());
            assertThat(segment.get("throttle")).as(reason).isNotNull();
            assertThat(segment.get("throttle").getAsBoolean()).isTrue();
            assertThat(segment.get("error").getAsBoolean()).isTrue();
            assertThat(nothingMore()).isTrue();
            assertThat(metrics).as(reason).singleElement().asString().contains("\"Event\":\"DynamoDbThrottle\",\"Events\":1");
        }
    }

    /** A transaction cancelled by a failed condition or a conflict is an answer or contention, not throttling. */
    @Test
    void aTransactionCancelledByAConditionOrAConflictIsNotThrottling() throws Exception {
        try (var dynamoDb = client(DynamoDbHttpAnswers.cancellingWith(List.of("ConditionalCheckFailed", "TransactionConflict")))) {
            assertThatThrownBy(() -> dynamoDb.transactWriteItems(write -> write.transactItems(List.of())))
                    .isInstanceOf(TransactionCanceledException.class);
        }

        var segment = segment(receive());
        assertThat(segment.has("throttle")).isFalse();
        assertThat(segment.get("error").getAsBoolean()).isTrue();
        assertThat(metrics).isEmpty();
    }

    @Test
    void aRetryThatSucceedsIsOneSubsegmentWithItsRetryCounted() throws Exception {
        try (var dynamoDb = client(DynamoDbHttpAnswers.inTurn(java.util.Arrays.asList(THROTTLED, ANSWERED)))) {
            dynamoDb.getItem(get -> get.tableName("t").key(Map.of("id", AttributeValue.fromS("x"))));
        }

        var segment = segment(receive());
        assertThat(segment.getAsJsonObject("aws").get("retries").getAsInt()).isEqualTo(1);
        assertThat(segment.has("throttle")).isFalse();
        assertThat(segment.has("error")).isFalse();
        assertThat(nothingMore()).isTrue();
        assertThat(metrics).singleElement().asString().contains("\"Event\":\"DynamoDbRetry\",\"Events\":1");
    }

    @Test
    void anUnsampledOrAbsentTraceSendsNothing() throws Exception {
        try (var dynamoDb = client(DynamoDbHttpAnswers.inTurn(java.util.Arrays.asList(ANSWERED, ANSWERED)))) {
            header.set(HEADER.replace("Sampled=1", "Sampled=0"));
            dynamoDb.getItem(get -> get.tableName("t").key(Map.of("id", AttributeValue.fromS("x"))));
            header.set(null);
            dynamoDb.getItem(get -> get.tableName("t").key(Map.of("id", AttributeValue.fromS("x"))));
        }

        assertThat(nothingMore()).isTrue();
    }

    @Test
    void eachCallHasItsOwnSubsegmentId() throws Exception {
        try (var dynamoDb = client(DynamoDbHttpAnswers.inTurn(java.util.Arrays.asList(ANSWERED, ANSWERED, ANSWERED)))) {
            for (var i = 0; i < 3; i++) {
                dynamoDb.getItem(get -> get.tableName("t").key(Map.of("id", AttributeValue.fromS("x"))));
            }
        }

        var ids = List.of(segment(receive()), segment(receive()), segment(receive())).stream().map(s -> s.get("id").getAsString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    private DynamoDbClient client(DynamoDbHttpAnswers answers) {
        var tracing = new XRayDynamoDbTracing(() -> Optional.ofNullable(header.get()), daemon, CLOCK);
        var retries = new DynamoDbRetryMetrics(new EmfMetrics("serverless-apis-dev", metrics::add, CLOCK));
        return DynamoDbClient.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(answers)
                .overrideConfiguration(configuration -> configuration
                        .retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(tracing)
                        .addExecutionInterceptor(retries))
                .build();
    }

    private static DatagramSocket daemonSocket() {
        try {
            var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(2000);
            return socket;
        } catch (java.io.IOException unavailable) {
            throw new java.io.UncheckedIOException(unavailable);
        }
    }

    private String receive() throws Exception {
        var packet = new DatagramPacket(new byte[65_536], 65_536);
        daemonSocket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    private boolean nothingMore() throws Exception {
        daemonSocket.setSoTimeout(200);
        try {
            receive();
            return false;
        } catch (SocketTimeoutException none) {
            return true;
        }
    }

    private static JsonObject segment(String datagram) {
        var lines = datagram.split("\n", 2);
        assertThat(lines).hasSize(2);
        assertThat(JsonParser.parseString(lines[0]).getAsJsonObject().toString()).isEqualTo("{\"format\":\"json\",\"version\":1}");
        return JsonParser.parseString(lines[1]).getAsJsonObject();
    }
}
