package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
