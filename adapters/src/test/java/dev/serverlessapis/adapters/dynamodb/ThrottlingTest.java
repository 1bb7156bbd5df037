package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.counter.CounterName;
import dev.serverlessapis.domain.counter.IdempotencyKey;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * DynamoDB's 400s that a later attempt may cure, once the SDK's retries are spent, are "try again" (503 with
 * {@code Retry-After}), not our defect (500): throttling, and a transaction whose earlier attempt with the same client
 * request token is still under way ({@code TransactionInProgressException}). DynamoDB Local answers none of them, so
 * a real SDK client talks to an HTTP layer that answers as DynamoDB does: what is tested is the exception the SDK
 * itself makes of each error code, as production meets it.
 */
class ThrottlingTest {
    static Stream<Arguments> refusalsForNow() {
        return Stream.of(
                Arguments.of("TransactionInProgressException", TransactionInProgressException.class),
                Arguments.of("ProvisionedThroughputExceededException", ProvisionedThroughputExceededException.class),
                Arguments.of("RequestLimitExceeded", RequestLimitExceededException.class),
                Arguments.of("ThrottlingException", ThrottlingException.class));
    }

    @ParameterizedTest
    @MethodSource("refusalsForNow")
    void aTransactionRefusedForNowIsTemporarilyUnavailable(String errorCode, Class<? extends DynamoDbException> raised) {
        var http = DynamoDbHttpAnswers.refusingWith(errorCode);
        try (var dynamoDb = client(http)) {
            var counters = new DynamoDbHitCounters(dynamoDb, "hit-counters", Clock.systemUTC());

            assertThatThrownBy(() -> counters.incrementOnce(new CounterName("cloud-resume"), new IdempotencyKey("visit-1")))
                    .isInstanceOf(TemporarilyUnavailableException.class)
                    .hasMessage("DynamoDB could not count a visit once now")
                    .hasCauseExactlyInstanceOf(raised);
        }
        assertThat(http.targets()).isNotEmpty().allMatch("DynamoDB_20120810.TransactWriteItems"::equals);
    }

    /** DynamoDB's own failure (a 500, a 503), once the SDK's retries are spent, is "try again" too, never our 500. */
    @ParameterizedTest
    @CsvSource({"500, InternalServerError", "503, ServiceUnavailable"})
    void aFailureOfDynamoDbsOwnIsTemporarilyUnavailable(int status, String errorCode) {
        var http = DynamoDbHttpAnswers.failingWith(status, errorCode);
        try (var dynamoDb = client(http)) {
            var counters = new DynamoDbHitCounters(dynamoDb, "hit-counters", Clock.systemUTC());

            assertThatThrownBy(() -> counters.incrementOnce(new CounterName("cloud-resume"), new IdempotencyKey("visit-1")))
                    .isInstanceOf(TemporarilyUnavailableException.class)
                    .hasCauseInstanceOf(DynamoDbException.class);
        }
        assertThat(http.targets()).as("retried by the SDK first").hasSizeGreaterThan(1);
    }

    static DynamoDbClient client(SdkHttpClient http) {
        return DynamoDbClient.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(http)
                .overrideConfiguration(configuration -> configuration.retryStrategy(RetryMode.STANDARD))
                .build();
    }
}
