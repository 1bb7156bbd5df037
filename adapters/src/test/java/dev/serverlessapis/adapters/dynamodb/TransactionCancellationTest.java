package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.counter.CounterName;
import dev.serverlessapis.domain.counter.IdempotencyKey;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Which cancelled transactions are contention: DynamoDB names one reason per item, and only a conflict with another
 * transaction or throttling ({@code None} for the items that did not cause it) is cured by trying again. Any other
 * reason, such as an invalid request or an item collection over its size limit, or a code DynamoDB may add later, is
 * our defect: it leaves at once as a 500, not after {@value Transactions#ATTEMPTS} attempts as a 503. DynamoDB Local
 * gives none of these reasons on demand, so a real SDK client reads DynamoDB's JSON error from a stub HTTP layer.
 */
class TransactionCancellationTest {
    @ParameterizedTest
    @ValueSource(strings = {"TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"})
    void aTransactionCancelledByContentionIsTriedTheAttemptsThenTemporarilyUnavailable(String reason) {
        var http = DynamoDbHttpAnswers.cancellingWith(List.of("None", reason));

        assertThatThrownBy(() -> countOnce(http))
                .isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("DynamoDB could not count a visit once now: contended");
        assertThat(http.targets()).hasSize(Transactions.ATTEMPTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ValidationError", "ItemCollectionSizeLimitExceeded", "SomeCodeDynamoDbAddsLater"})
    void aTransactionCancelledForAnyOtherReasonIsOurDefectAtOnce(String reason) {
        var http = DynamoDbHttpAnswers.cancellingWith(List.of(reason, "None"));

        assertThatThrownBy(() -> countOnce(http))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("DynamoDB refused to count a visit once")
                .hasCauseInstanceOf(TransactionCanceledException.class);
        assertThat(http.targets()).as("no retry").hasSize(1);
    }

    /**
     * A cancellation is an answer only when some item caused it: one whose items all say {@code None}, or that names
     * no reason, is as much our defect as a reason beside a failed condition that no retry cures.
     */
    @Test
    void aCancellationThatNoItemCausedOrThatAlsoNamesAnotherReasonIsOurDefect() {
        for (var reasons : List.of(List.of("None", "None"), List.<String>of(), List.of("ConditionalCheckFailed", "ValidationError"))) {
            var http = DynamoDbHttpAnswers.cancellingWith(reasons);

            assertThatThrownBy(() -> countOnce(http)).as("%s", reasons)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(TransactionCanceledException.class);
        }
    }

    private static void countOnce(DynamoDbHttpAnswers http) {
        try (var dynamoDb = ThrottlingTest.client(http)) {
            new DynamoDbHitCounters(dynamoDb, "hit-counters", Clock.systemUTC())
                    .incrementOnce(new CounterName("cloud-resume"), new IdempotencyKey("visit-1"));
        }
    }
}
