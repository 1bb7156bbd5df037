package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.domain.user.Email;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code email-index} lags behind the table on DynamoDB (DynamoDB Local updates it at once, so it cannot show this):
 * a query may still name a profile whose address has changed since. The profile is then read and its own address
 * checked, so a lookup never answers a profile that no longer has the address asked for. DynamoDB's two answers,
 * the index's and the table's, come from a stub HTTP layer.
 */
class LaggingEmailIndexTest {
    @Test
    void aProfileTheIndexStillNamesUnderAnAddressItNoLongerHasIsNotFound() {
        var http = DynamoDbHttpAnswers.answeringThen(List.of(
                """
                {"Items":[{"id":{"S":"ada"},"email":{"S":"ada@example.com"}}],"Count":1,"ScannedCount":1}""",
                """
                {"Item":{"id":{"S":"ada"},"profile":{"S":"{\\"id\\":\\"ada\\",\\"email\\":\\"grace@example.com\\"}"},\
                "version":{"N":"2"},"email":{"S":"grace@example.com"}}}"""), DynamoDbHttpAnswers.inTurn(List.of()));
        try (var dynamoDb = ThrottlingTest.client(http)) {
            var profiles = new DynamoDbUserProfiles(dynamoDb, "user-profiles", new SignedCursors("test-cursor-signing-key"));

            assertThat(profiles.findByEmail(new Email("ada@example.com"))).isEmpty();
        }
        assertThat(http.targets()).containsExactly("DynamoDB_20120810.Query", "DynamoDB_20120810.GetItem");
    }
}
