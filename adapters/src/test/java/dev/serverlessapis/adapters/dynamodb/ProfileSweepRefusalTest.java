package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.user.UserProfiles.Sweep;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delete-all against a store that refuses part-way (DynamoDB's throttling, after the SDK's retries, or a transaction
 * still contended after {@value Transactions#ATTEMPTS} attempts): the call answers what it deleted and that more may
 * remain, as when its time runs out, and "try again" only if it deleted nothing. DynamoDB Local never throttles, so a
 * real SDK client talks to {@link DynamoDbHttpAnswers}.
 */
class ProfileSweepRefusalTest {
    private static final String SCAN = "DynamoDB_20120810.Scan";
    private static final String TRANSACTION = "DynamoDB_20120810.TransactWriteItems";
    /** A first page of one profile without an email, and more to come. */
    private static final String FIRST_PAGE = "{\"Items\":[{\"id\":{\"S\":\"ada\"},\"version\":{\"N\":\"1\"}}],\"Count\":1,"
            + "\"ScannedCount\":1,\"LastEvaluatedKey\":{\"id\":{\"S\":\"ada\"}}}";
    /** The last page: one more profile without an email. */
    private static final String LAST_PAGE = "{\"Items\":[{\"id\":{\"S\":\"bob\"},\"version\":{\"N\":\"1\"}}],\"Count\":1,\"ScannedCount\":1}";
    /** A first page of one email claim whose profile is gone (left by older code), and more to come. */
    private static final String FIRST_PAGE_OF_AN_ORPHAN_CLAIM = "{\"Items\":[{\"id\":{\"S\":\"email#gone@example.com\"},"
            + "\"owner\":{\"S\":\"gone\"}}],\"Count\":1,\"ScannedCount\":1,\"LastEvaluatedKey\":{\"id\":{\"S\":\"email#gone@example.com\"}}}";
    private static final String COMMITTED = "{}";
    private static final Deadline UNHURRIED = Deadline.in(Duration.ofMinutes(1), Clock.systemUTC());

    @Test
    void aStoreThatThrottlesAfterSomeProfilesAreGoneEndsTheCallWithWhatItDeleted() {
        var http = DynamoDbHttpAnswers.answeringThen(List.of(FIRST_PAGE, COMMITTED),
                DynamoDbHttpAnswers.refusingWith("ProvisionedThroughputExceededException"));

        assertThat(deleteAll(http)).isEqualTo(new Sweep(1, true));
        assertThat(http.targets().subList(0, 3)).containsExactly(SCAN, TRANSACTION, SCAN);
    }

    /** A released claim is something removed too: a call that freed only a claim before the store refused tells so, not a 503. */
    @Test
    void aStoreThatThrottlesAfterOnlyAClaimWasReleasedEndsTheCallWithNoneDeletedAndMore() {
        var http = DynamoDbHttpAnswers.answeringThen(List.of(FIRST_PAGE_OF_AN_ORPHAN_CLAIM, COMMITTED),
                DynamoDbHttpAnswers.refusingWith("ProvisionedThroughputExceededException"));

        assertThat(deleteAll(http)).isEqualTo(new Sweep(0, true));
        assertThat(http.targets().subList(0, 3)).containsExactly(SCAN, TRANSACTION, SCAN);
    }

    @Test
    void aTransactionStillContendedAfterSomeProfilesAreGoneEndsTheCallWithWhatItDeleted() {
        var http = DynamoDbHttpAnswers.answeringThen(List.of(FIRST_PAGE, COMMITTED, LAST_PAGE),
                DynamoDbHttpAnswers.cancellingWith(List.of("TransactionConflict")));

        assertThat(deleteAll(http)).isEqualTo(new Sweep(1, true));
        assertThat(http.targets()).hasSize(3 + Transactions.ATTEMPTS);
    }

    @Test
    void aStoreThatThrottlesBeforeAnyProfileIsGoneIsTryAgain() {
        var http = DynamoDbHttpAnswers.refusingWith("ProvisionedThroughputExceededException");

        assertThatThrownBy(() -> deleteAll(http)).isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("DynamoDB could not list users to delete now");
    }

    @Test
    void aTransactionStillContendedBeforeAnyProfileIsGoneIsTryAgain() {
        var http = DynamoDbHttpAnswers.answeringThen(List.of(LAST_PAGE), DynamoDbHttpAnswers.cancellingWith(List.of("TransactionConflict")));

        assertThatThrownBy(() -> deleteAll(http)).isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("DynamoDB could not delete users now: contended");
    }

    /** Our own request's fault is a defect whatever was deleted before it: a 500, never "what it deleted". */
    @Test
    void aRequestTheStoreRejectsAfterSomeProfilesAreGoneIsStillOurDefect() {
        var http = DynamoDbHttpAnswers.answeringThen(List.of(FIRST_PAGE, COMMITTED), DynamoDbHttpAnswers.refusingWith("ValidationException"));

        assertThatThrownBy(() -> deleteAll(http)).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("DynamoDB refused to list users to delete");
        assertThat(http.targets()).containsExactly(SCAN, TRANSACTION, SCAN);
    }

    @Test
    void aTransactionCancelledAsInvalidAfterSomeProfilesAreGoneIsStillOurDefect() {
        var http = DynamoDbHttpAnswers.answeringThen(List.of(FIRST_PAGE, COMMITTED, LAST_PAGE),
                DynamoDbHttpAnswers.cancellingWith(List.of("ValidationError")));

        assertThatThrownBy(() -> deleteAll(http)).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("DynamoDB refused to delete users");
        assertThat(http.targets()).containsExactly(SCAN, TRANSACTION, SCAN, TRANSACTION);
    }

    private static Sweep deleteAll(DynamoDbHttpAnswers http) {
        try (var dynamoDb = ThrottlingTest.client(http)) {
            return new DynamoDbUserProfiles(dynamoDb, "user-profiles", new SignedCursors("test-cursor-signing-key")).deleteAll(UNHURRIED);
        }
    }
}
