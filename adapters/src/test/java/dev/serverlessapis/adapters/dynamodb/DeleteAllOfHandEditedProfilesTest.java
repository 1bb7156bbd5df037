package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Delete-all against DynamoDB Local removes what it scanned whatever the item holds: an id older code accepted and
 * {@code UserId} now refuses, an {@code incarnation} that is no valid name, a {@code version} that does not parse.
 * Each is the one tool meant to clear the table; none may stop it or be left behind while it answers "no more".
 */
@ExtendWith(WithDynamoDbLocal.class)
class DeleteAllOfHandEditedProfilesTest {
    private static final String TABLE = "user-profiles";
    /** Blank as {@code UnicodeText.isBlank} means it, not as {@code String.isBlank}: older code stored such ids. */
    private static final String NO_LONGER_VALID_ID = "\u00a0\u200b";

    private final DynamoDbClient dynamoDb;
    private final DynamoDbUserProfiles profiles;
    private final List<AttributeValue> put = new ArrayList<>();

    DeleteAllOfHandEditedProfilesTest(LocalDynamoDb local) {
        this.dynamoDb = local.client();
        this.profiles = new DynamoDbUserProfiles(dynamoDb, TABLE, new SignedCursors("test-cursor-signing-key"));
    }

    /** Whatever a sweep left, so that no other test's sweep meets it. */
    @AfterEach
    void removeWhatWasPut() {
        for (var id : put) {
            dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(Map.of("id", id)));
        }
    }

    @Test
    void aProfileWhoseIdIsNoLongerValidIsDeleted() {
        put(profile(NO_LONGER_VALID_ID, AttributeValue.fromN("1"), null, null));

        assertThat(deleteAll().deleted()).isGreaterThanOrEqualTo(1);
        assertThat(stored(NO_LONGER_VALID_ID)).isFalse();
    }

    @Test
    void aProfileWhoseIdIsNoLongerValidIsDeletedWithItsClaim() {
        var email = UUID.randomUUID() + "@example.com";
        put(profile(NO_LONGER_VALID_ID, AttributeValue.fromN("2"), null, email));
        put(Map.of("id", s("email#" + email), "owner", s(NO_LONGER_VALID_ID)));

        assertThat(deleteAll().deleted()).isGreaterThanOrEqualTo(1);
        assertThat(stored(NO_LONGER_VALID_ID)).isFalse();
        assertThat(stored("email#" + email)).as("its claim").isFalse();
    }

    /** Read as unnamed, its condition would ask for no incarnation at all, which the item has. */
    @Test
    void aProfileWhoseIncarnationIsNoNameIsDeleted() {
        var id = UUID.randomUUID().toString();
        put(profile(id, AttributeValue.fromN("1"), "edited by \"hand\", badly", null));

        assertThat(deleteAll().deleted()).isGreaterThanOrEqualTo(1);
        assertThat(stored(id)).isFalse();
    }

    @Test
    void profilesWhoseVersionDoesNotParseAreDeleted() {
        var zero = UUID.randomUUID().toString();
        var fraction = UUID.randomUUID().toString();
        var text = UUID.randomUUID().toString();
        put(profile(zero, AttributeValue.fromN("0"), "an-incarnation", null));
        put(profile(fraction, AttributeValue.fromN("1.5"), null, null));
        put(profile(text, s("one"), "an-incarnation", null));

        assertThat(deleteAll().deleted()).isGreaterThanOrEqualTo(3);
        assertThat(stored(zero)).isFalse();
        assertThat(stored(fraction)).isFalse();
        assertThat(stored(text)).isFalse();
    }

    private UserProfiles.Sweep deleteAll() {
        var sweep = profiles.deleteAll(Deadline.in(Duration.ofMinutes(1), Clock.systemUTC()));
        assertThat(sweep.more()).isFalse();
        return sweep;
    }

    private static Map<String, AttributeValue> profile(String id, AttributeValue version, String incarnation, String email) {
        var item = new HashMap<String, AttributeValue>();
        item.put("id", s(id));
        item.put("profile", s(email == null ? "{\"id\":\"" + id + "\"}" : "{\"id\":\"" + id + "\",\"email\":\"" + email + "\"}"));
        item.put("version", version);
        item.put("created-by", s("ada"));
        if (incarnation != null) {
            item.put(DynamoDbUserProfiles.INCARNATION, s(incarnation));
        }
        if (email != null) {
            item.put("email", s(email));
        }
        return item;
    }

    private boolean stored(String id) {
        return dynamoDb.getItem(get -> get.tableName(TABLE).consistentRead(true).key(Map.of("id", s(id)))).hasItem();
    }

    private void put(Map<String, AttributeValue> item) {
        put.add(item.get("id"));
        dynamoDb.putItem(put -> put.tableName(TABLE).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
