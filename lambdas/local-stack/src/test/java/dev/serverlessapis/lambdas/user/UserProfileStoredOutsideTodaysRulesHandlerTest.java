package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.lambdas.user.UserApi.assertProblem;
import static dev.serverlessapis.lambdas.user.UserApi.create;
import static dev.serverlessapis.lambdas.user.UserApi.delete;
import static dev.serverlessapis.lambdas.user.UserApi.get;
import static dev.serverlessapis.lambdas.user.UserApi.list;
import static dev.serverlessapis.lambdas.user.UserApi.replace;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueEmail;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Profiles a hand edit or another tool stored outside today's rules (an email without a dot after the {@code @}, a
 * name or an email that is no string, an unpaired surrogate, a member named twice), seeded as raw items, through the
 * functions: what is read back is taken as stored, while what a client sends is input and checked as always.
 */
@Tag("handler")
@ExtendWith(WithTestStack.class)
class UserProfileStoredOutsideTodaysRulesHandlerTest {
    private static final String TABLE = "user-profiles";

    private final DynamoDbClient dynamoDb;
    private final List<String> put = new ArrayList<>();
    private final String id = uniqueId();
    private final String email = "u-" + UUID.randomUUID() + "@localhost";
    private final String stored = """
            {"id":"%s","email":"%s","name":"older"}""".formatted(id, email);

    UserProfileStoredOutsideTodaysRulesHandlerTest(TestStack stack) {
        dynamoDb = stack.dynamoDb();
        seed(id, stored, email);
    }

    /** A profile at count 1 with this body and email attribute, and the claim of that address, as raw items. */
    private void seed(String profileId, String body, String address) {
        put(Map.of("id", s(profileId), "profile", s(body), "version", AttributeValue.fromN("1"), "created-by", s("ada"),
                "email", s(address)));
        put(Map.of("id", s("email#" + address), "owner", s(profileId)));
    }

    private void put(Map<String, AttributeValue> item) {
        put.add(item.get("id").s());
        dynamoDb.putItem(request -> request.tableName(TABLE).item(item));
    }

    @AfterEach
    void removeWhatWasPut() {
        for (var key : put) {
            dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(Map.of("id", s(key))));
        }
    }

    @Test
    void itReadsAsStored() {
        var response = get(id);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(stored);
    }

    @Test
    void itListsAsStored() {
        assertThat(UserProfileGetAllHandlerTest.walk(Map.of("limit", "100"))).contains(id);
    }

    /**
     * Before, such a profile answered 400 to its own GET and to every GET /users whose page met it. It is given back
     * as stored; the address its claim is under, the item's email attribute, is what its DELETE frees.
     */
    @Test
    void aNameOrEmailThatIsNoStringReadsListsAndIsDeletedWithItsClaim() {
        var other = uniqueId();
        var address = uniqueEmail();
        var body = """
                {"id":"%s","name":42,"email":{"at":"example.com"}}""".formatted(other);
        seed(other, body, address);

        assertReadsListsAndIsDeletedWithItsClaim(other, body, address);
    }

    /**
     * Text JSON can escape but the API refuses (an unpaired surrogate, in a value or a member name) and a member named
     * twice: only a hand edit stores either. Before, the stored body met the parser's rules for input, and its GET
     * answered 500, as did every GET /users page that met it. It reads and lists: each surrogate given back escaped,
     * as stored, and the member named twice with its last value at its first place, as JavaScript reads it.
     */
    @Test
    void aBodyWithAnUnpairedSurrogateOrAMemberNamedTwiceReadsListsAndIsDeletedWithItsClaim() {
        var other = uniqueId();
        var address = uniqueEmail();
        seed(other, """
                {"id":"%s","name":"Ada","nickname":"a\\ud800","\\udc00":["\\udbff"],"name":"Grace"}""".formatted(other), address);

        assertReadsListsAndIsDeletedWithItsClaim(other, """
                {"id":"%s","name":"Grace","nickname":"a\\ud800","\\udc00":["\\udbff"]}""".formatted(other), address);
    }

    /** Its GET and its DELETE answer 200 with {@code given}, a GET /users page lists it, and the delete frees its claim. */
    private void assertReadsListsAndIsDeletedWithItsClaim(String profileId, String given, String address) {
        var response = get(profileId);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(given);
        assertThat(UserProfileGetAllHandlerTest.walk(Map.of("limit", "100"))).contains(profileId);
        var deleted = delete(profileId);
        assertThat(deleted.getStatusCode()).as(deleted.getBody()).isEqualTo(200);
        assertThat(deleted.getBody()).isEqualTo(given);
        assertThat(claimed(address)).as("its claim").isFalse();
    }

    @Test
    void aReplaceWithAValidEmailMovesItsClaim() {
        var valid = uniqueEmail();

        var response = replace(id, """
                {"email":"%s"}""".formatted(valid));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(get(id).getBody()).isEqualTo("""
                {"id":"%s","email":"%s"}""".formatted(id, valid));
        assertThat(claimed(email)).as("the old address's claim").isFalse();
        assertThat(create("""
                {"id":"%s","email":"%s"}""".formatted(uniqueId(), valid)).getStatusCode()).as("the new address is held").isEqualTo(409);
    }

    /**
     * The body is input: keeping the address it holds is refused, as any address today's rules refuse, and writes
     * nothing. The body is checked before the profile is read, so this held before {@code Email.stored} too: it guards
     * that reading as stored lets no input through.
     */
    @Test
    void aReplaceKeepingTheEmailIsA400() {
        assertProblem(replace(id, """
                {"email":"%s","name":"newer"}""".formatted(email)), 400, "email");

        assertThat(dynamoDb.getItem(read -> read.tableName(TABLE).consistentRead(true).key(Map.of("id", s(id)))).item().get("profile").s())
                .isEqualTo(stored);
    }

    /** {@code ?email=} is input: a lookup by the stored address is refused like any address today's rules refuse. */
    @Test
    void aLookupByTheStoredAddressIsA400() {
        assertProblem(list(Map.of("email", email)), 400, "email");
    }

    @Test
    void aDeleteFreesItsClaim() {
        var response = delete(id);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(stored);
        assertThat(claimed(email)).as("its claim").isFalse();
    }

    private boolean claimed(String address) {
        return dynamoDb.getItem(read -> read.tableName(TABLE).consistentRead(true).key(Map.of("id", s("email#" + address)))).hasItem();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
