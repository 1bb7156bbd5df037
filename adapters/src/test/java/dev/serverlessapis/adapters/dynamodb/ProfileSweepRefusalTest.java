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
 * Delete-all against a store that refuses part-way (DynamoDB's throttling, after the SDK's retries): the call answers
 * what it deleted and that more may remain, as when its time runs out, and "try again" only if it deleted nothing.
 * DynamoDB Local never throttles, so a real SDK client talks to {@link DynamoDbHttpAnswers}.
 */
class ProfileSweepRefusalTest {
    /** A first page of one profile without an email, and more to come. */
    private static final String FIRST_PAGE = "{\"Items\":[{\"id\":{\"S\":\"ada\"},\"version\":{\"N\":\"1\"}}],\"Count\":1,"
            + "\"ScannedCount\":1,\"LastEvaluatedKey\":{\"id\":{\"S\":\"ada\"}}}";
    private static final Deadline UNHURRIED = Deadline.in(Duration.ofMinutes(1), Clock.systemUTC());

    @Test
    void aStoreThatRefusesAfterSomeProfilesAreGoneEndsTheCallWithWhatItDeleted() {
        var http = DynamoDbHttpAnswers.answeringThenRefusing(List.of(FIRST_PAGE, "{}"), "ProvisionedThroughputExceededException");
        try (var dynamoDb = ThrottlingTest.client(http)) {
            var profiles = new DynamoDbUserProfiles(dynamoDb, "user-profiles", new SignedCursors("test-cursor-signing-key"));

            assertThat(profiles.deleteAll(UNHURRIED)).isEqualTo(new Sweep(1, true));
        }
        assertThat(http.targets().subList(0, 3)).containsExactly("DynamoDB_20120810.Scan", "DynamoDB_20120810.TransactWriteItems",
                "DynamoDB_20120810.Scan");
    }

    @Test
    void aStoreThatRefusesBeforeAnyProfileIsGoneIsTryAgain() {
        var http = DynamoDbHttpAnswers.refusingWith("ProvisionedThroughputExceededException");
        try (var dynamoDb = ThrottlingTest.client(http)) {
            var profiles = new DynamoDbUserProfiles(dynamoDb, "user-profiles", new SignedCursors("test-cursor-signing-key"));

            assertThatThrownBy(() -> profiles.deleteAll(UNHURRIED)).isInstanceOf(TemporarilyUnavailableException.class);
        }
    }
}
