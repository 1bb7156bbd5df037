package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.adapters.invocation.Invocation;
import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.domain.user.Incarnation;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.domain.user.Version;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A profile deleted and created again under its id, against DynamoDB Local: the store's conditions, not only the use
 * cases' checks, refuse a write decided on the deleted one, along both of its write paths (a single conditional write
 * without an email, a transaction with one). Items written before incarnations were kept still read and write.
 */
@ExtendWith(WithDynamoDbLocal.class)
class DynamoDbRecreatedProfilesTest {
    private static final String TABLE = "user-profiles";
    private static final ProfileOwner OWNER = new ProfileOwner("ada");

    private final DynamoDbClient dynamoDb;
    private final DynamoDbUserProfiles profiles;

    DynamoDbRecreatedProfilesTest(LocalDynamoDb local) {
        this.dynamoDb = local.client();
        this.profiles = new DynamoDbUserProfiles(dynamoDb, TABLE, new SignedCursors("test-cursor-signing-key"));
    }

    @Test
    void aWriteDecidedOnTheDeletedProfileDoesNotReachItsSuccessorWithoutAnEmail() {
        var id = UUID.randomUUID().toString();
        var first = created(Map.of("id", id, "name", "first"));
        assertThat(profiles.delete(first)).isInstanceOf(UserProfiles.Deleted.class);
        var second = created(Map.of("id", id, "name", "second"));

        assertThat(profiles.replace(first, UserProfile.of(Map.of("id", id, "name", "lost update")))).isInstanceOf(UserProfiles.Changed.class);
        assertThat(profiles.delete(first)).isInstanceOf(UserProfiles.Changed.class);
        assertThat(profiles.find(new UserId(id))).contains(second);
        assertThat(first.version()).isNotEqualTo(second.version());
        var item = dynamoDb.getItem(get -> get.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id)))).item();
        assertThat(item.get(DynamoDbUserProfiles.INCARNATION).s()).as("beside the profile").isEqualTo(second.version().incarnation().name());
        assertThat(item.get(DynamoDbUserProfiles.PROFILE).s()).as("never in it")
                .doesNotContain(second.version().incarnation().name()).doesNotContain("incarnation");
    }

    @Test
    void aWriteDecidedOnTheDeletedProfileDoesNotReachItsSuccessorWithAnEmail() {
        var id = UUID.randomUUID().toString();
        var email = id + "@example.com";
        var first = created(Map.of("id", id, "email", email));
        assertThat(profiles.delete(first)).isInstanceOf(UserProfiles.Deleted.class);
        var second = created(Map.of("id", id, "email", email, "name", "second"));

        assertThat(profiles.replace(first, UserProfile.of(Map.of("id", id, "email", "other-" + email)))).isInstanceOf(UserProfiles.Changed.class);
        assertThat(profiles.delete(first)).isInstanceOf(UserProfiles.Changed.class);
        assertThat(profiles.find(new UserId(id))).contains(second);
    }

    /** An item of older code has no incarnation: it is replaced, deleted and swept as before, and keeps its ETag. */
    @Test
    void anItemWrittenBeforeIncarnationsReadsAndWritesAsBefore() {
        var id = UUID.randomUUID().toString();
        var email = id + "@example.com";
        putLegacy(id, 3, "{\"id\":\"" + id + "\",\"email\":\"" + email + "\"}", email);

        var legacy = profiles.find(new UserId(id)).orElseThrow();
        assertThat(legacy.version().name()).isEqualTo("3");
        var sameEmail = (UserProfiles.Replaced) profiles.replace(legacy, UserProfile.of(Map.of("id", id, "email", email, "name", "kept")));
        assertThat(sameEmail.stored().version().name()).isEqualTo("4");
        var newEmail = (UserProfiles.Replaced) profiles.replace(sameEmail.stored(), UserProfile.of(Map.of("id", id, "email", "new-" + email)));
        assertThat(profiles.find(new UserId(id))).contains(newEmail.stored());
        assertThat(profiles.replace(legacy, UserProfile.of(Map.of("id", id)))).isInstanceOf(UserProfiles.Changed.class);
        assertThat(profiles.delete(newEmail.stored())).isInstanceOf(UserProfiles.Deleted.class);
        assertThat(profiles.find(new UserId(id))).isEmpty();
        assertThat(profiles.create(UserProfile.of(Map.of("id", "again-" + id, "email", email)), OWNER)).isInstanceOf(UserProfiles.Created.class);
    }

    /** Its first version is "1", as the successor's count is: the incarnations still tell them apart. */
    @Test
    void aLegacyVersionDoesNotReachTheProfileCreatedAfterIt() {
        var id = UUID.randomUUID().toString();
        putLegacy(id, 1, "{\"id\":\"" + id + "\"}", null);
        var legacy = profiles.find(new UserId(id)).orElseThrow();
        assertThat(profiles.delete(legacy)).isInstanceOf(UserProfiles.Deleted.class);
        created(Map.of("id", id, "name", "second"));

        assertThat(profiles.replace(legacy, UserProfile.of(Map.of("id", id, "name", "lost update")))).isInstanceOf(UserProfiles.Changed.class);
        assertThat(profiles.delete(legacy)).isInstanceOf(UserProfiles.Changed.class);
    }

    @Test
    void deleteAllSweepsItemsOfEitherKind() {
        var legacyId = UUID.randomUUID().toString();
        putLegacy(legacyId, 1, "{\"id\":\"" + legacyId + "\"}", null);
        var id = UUID.randomUUID().toString();
        created(Map.of("id", id));

        while (profiles.deleteAll(Deadline.in(Duration.ofMinutes(1), Clock.systemUTC())).more()) {
            // each call deletes a bounded batch
        }

        assertThat(profiles.find(new UserId(legacyId))).isEmpty();
        assertThat(profiles.find(new UserId(id))).isEmpty();
    }

    /** Lambda's ids are UUIDs; one that is not a valid name (from a caller outside Lambda) still creates. */
    @Test
    void aRequestIdThatIsNoIncarnationNameStillCreatesANamedIncarnation() {
        var seen = new HashSet<Incarnation>();
        for (var requestId : List.of("with space", "a,b", "quote\"d", "back\\slash", "é", "x".repeat(Incarnation.MAX_LENGTH))) {
            var id = UUID.randomUUID().toString();
            var invocation = Invocation.serving(requestId);
            StoredProfile stored;
            try {
                stored = created(Map.of("id", id));
            } finally {
                invocation.end();
            }
            assertThat(stored.version().incarnation().isNamed()).as(requestId).isTrue();
            assertThat(Incarnation.isValidName(stored.version().incarnation().name())).as(requestId).isTrue();
            assertThat(profiles.find(new UserId(id))).as(requestId).contains(stored);
            assertThat(seen.add(stored.version().incarnation())).as("each a name of its own").isTrue();
        }
    }

    /**
     * Only a hand edit or another tool stores an incarnation that is no valid name: the item still reads and lists,
     * as unnamed, and no write decided on what was read reaches it, neither a replace nor a delete.
     */
    @Test
    void aStoredIncarnationThatIsNoNameReadsAsUnnamedAndNoWriteReachesIt() {
        var id = UUID.randomUUID().toString();
        var text = "{\"id\":\"" + id + "\"}";
        var item = new HashMap<String, AttributeValue>();
        item.put("id", AttributeValue.fromS(id));
        item.put("profile", AttributeValue.fromS(text));
        item.put("version", AttributeValue.fromN("1"));
        item.put("created-by", AttributeValue.fromS(OWNER.handle()));
        item.put(DynamoDbUserProfiles.INCARNATION, AttributeValue.fromS("edited by \"hand\", badly"));
        dynamoDb.putItem(put -> put.tableName(TABLE).item(item));
        try {
            var read = profiles.find(new UserId(id)).orElseThrow();
            assertThat(read.version()).isEqualTo(Version.first(Incarnation.UNNAMED));
            assertThat(listed(id)).as("the list reads past it").contains(read);

            assertThat(profiles.replace(read, UserProfile.of(Map.of("id", id, "name", "written")))).isInstanceOf(UserProfiles.Changed.class);
            assertThat(profiles.delete(read)).isInstanceOf(UserProfiles.Changed.class);
            assertThat(profiles.find(new UserId(id))).contains(read);
        } finally {
            dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id))));
        }
    }

    private List<StoredProfile> listed(String id) {
        var found = new ArrayList<StoredProfile>();
        var cursor = Optional.<String>empty();
        do {
            var page = profiles.list(new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (var stored : page.items()) {
                if (stored.id().value().equals(id)) {
                    found.add(stored);
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return found;
    }

    private StoredProfile created(Map<String, Object> members) {
        return ((UserProfiles.Created) profiles.create(UserProfile.of(members), OWNER)).stored();
    }

    /** A profile as older code stored it: no incarnation, and with an email its claim beside it. */
    private void putLegacy(String id, long version, String profile, String email) {
        var item = new HashMap<String, AttributeValue>();
        item.put("id", AttributeValue.fromS(id));
        item.put("profile", AttributeValue.fromS(profile));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        item.put("created-by", AttributeValue.fromS(OWNER.handle()));
        if (email != null) {
            item.put("email", AttributeValue.fromS(email));
            dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("email#" + email), "owner", AttributeValue.fromS(id))));
        }
        dynamoDb.putItem(put -> put.tableName(TABLE).item(item));
    }
}
