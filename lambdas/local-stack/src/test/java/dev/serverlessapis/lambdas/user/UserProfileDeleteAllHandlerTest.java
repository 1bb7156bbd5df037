package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.lambdas.user.UserApi.body;
import static dev.serverlessapis.lambdas.user.UserApi.create;
import static dev.serverlessapis.lambdas.user.UserApi.deleteAll;
import static dev.serverlessapis.lambdas.user.UserApi.ids;
import static dev.serverlessapis.lambdas.user.UserApi.list;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueEmail;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Empties the shared table: the other user tests only ever assert on their own users, so they are unaffected. */
@Tag("handler")
@ExtendWith(WithTestStack.class)
class UserProfileDeleteAllHandlerTest {
    private final TestStack stack;

    UserProfileDeleteAllHandlerTest(TestStack stack) {
        this.stack = stack;
    }

    /**
     * 23 profiles of about 60 KB make well over DynamoDB's 1 MB per scan, and 40 more small ones with their email
     * claims make several batches of 25: listing and deleting must both go past the first scan page.
     */
    @Test
    void listingAndDeletingGoThroughATableLargerThanOneScanPage() {
        deleteAll();
        var created = new ArrayList<String>();
        var large = "x".repeat(60_000);
        for (int i = 0; i < 23; i++) {
            var id = uniqueId();
            created.add(id);
            assertThat(create("""
                    {"id":"%s","blob":"%s"}""".formatted(id, large)).getStatusCode()).isEqualTo(201);
        }
        for (int i = 0; i < 40; i++) {
            var id = uniqueId();
            created.add(id);
            assertThat(create("""
                    {"id":"%s","email":"%s"}""".formatted(id, uniqueEmail())).getStatusCode()).isEqualTo(201);
        }

        assertThat(UserProfileGetAllHandlerTest.walk(Map.of("limit", "100"))).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(created);

        var response = deleteAll();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("deleted").getAsLong()).isEqualTo(63);
        assertThat(body(response).get("more").getAsBoolean()).isFalse();
        assertThat(stack.dynamoDb().scan(scan -> scan.tableName("user-profiles")).count()).isZero();
        assertThat(ids(list(Map.of()))).isEmpty();
        assertThat(body(deleteAll()).get("deleted").getAsLong()).isZero();
    }

    /** An address whose claim outlived its profile (as older versions of delete-all left them) is freed again. */
    @Test
    void aClaimLeftWithoutItsProfileIsDeletedAndItsAddressCanBeUsedAgain() {
        var email = uniqueEmail();
        stack.dynamoDb().putItem(put -> put.tableName("user-profiles").item(Map.of(
                "id", AttributeValue.fromS("email#" + email), "owner", AttributeValue.fromS(uniqueId()))));
        assertThat(create("{\"id\":\"" + uniqueId() + "\",\"email\":\"" + email + "\"}").getStatusCode()).isEqualTo(409);

        var response = deleteAll();

        assertThat(body(response).get("more").getAsBoolean()).isFalse();
        assertThat(create("{\"id\":\"" + uniqueId() + "\",\"email\":\"" + email + "\"}").getStatusCode()).isEqualTo(201);
    }
}
