package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.ConflictException;
import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.user.DeleteUserProfile;
import dev.serverlessapis.domain.user.ReplaceUserProfile;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles.Changed;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A profile whose address another profile's claim holds (two profiles with one address, left by older code or a
 * manual edit) can still be deleted and have its email changed, against DynamoDB Local through the use cases: only
 * what the profile owns is freed or moved, and the other profile's claim stays. Before, the failed condition on that
 * claim read as a concurrent change, retried until the client got a 503 every time.
 */
@ExtendWith(WithDynamoDbLocal.class)
class ClaimHeldByAnotherProfileTest {
    private static final String TABLE = "user-profiles";
    private static final Caller ADA = Caller.signedIn("ada", List.of());

    private final DynamoDbClient dynamoDb;
    private final DynamoDbUserProfiles profiles;
    private final DeleteUserProfile delete;
    private final ReplaceUserProfile replace;
    /** Unique per test, so the tests share DynamoDB Local's table without meeting. */
    private final String run = UUID.randomUUID().toString();
    private final String twin = "twin-" + run + "@example.com";

    ClaimHeldByAnotherProfileTest(LocalDynamoDb local) {
        this.dynamoDb = local.client();
        this.profiles = new DynamoDbUserProfiles(dynamoDb, TABLE, new SignedCursors("test-cursor-signing-key"));
        this.delete = new DeleteUserProfile(profiles);
        this.replace = new ReplaceUserProfile(profiles, event -> { });
    }

    @Test
    void aDeleteDeletesTheProfileAndLeavesTheOtherProfilesClaim() {
        var twins = twinsHeldByB();

        delete.delete(DeleteUserProfile.Command.of(ADA, twins.a()));

        assertThat(item(twins.a())).isEmpty();
        assertThat(item(twins.b())).isPresent();
        assertThat(ownerOf(twin)).contains(twins.b());
    }

    @Test
    void anEmailChangeClaimsTheNewAddressAndLeavesTheOtherProfilesClaimOfTheOld() {
        var twins = twinsHeldByB();
        var moved = "moved-" + run + "@example.com";

        var replaced = replace.replace(ReplaceUserProfile.Command.of(ADA, twins.a(), body(twins.a(), moved), Optional.empty()));

        assertThat(replaced.version().count()).isEqualTo(2);
        assertThat(item(twins.a()).orElseThrow().get("email").s()).isEqualTo(moved);
        assertThat(ownerOf(moved)).contains(twins.a());
        assertThat(ownerOf(twin)).contains(twins.b());
    }

    @Test
    void droppingTheEmailLeavesTheOtherProfilesClaim() {
        var twins = twinsHeldByB();

        replace.replace(ReplaceUserProfile.Command.of(ADA, twins.a(), Map.of("id", twins.a()), Optional.empty()));

        assertThat(item(twins.a()).orElseThrow()).doesNotContainKey("email");
        assertThat(ownerOf(twin)).contains(twins.b());
    }

    /** A real conflict is still one: someone else holds the new address. */
    @Test
    void anEmailChangeToAnAddressSomeoneElseHoldsIsStillAConflictAndChangesNothing() {
        var twins = twinsHeldByB();
        var taken = "taken-" + run + "@example.com";
        put(Map.of("id", s("holder-" + run), "profile", s("{\"id\":\"holder-" + run + "\"}"), "version", AttributeValue.fromN("1"),
                "email", s(taken)));
        put(Map.of("id", s("email#" + taken), "owner", s("holder-" + run)));

        assertThatThrownBy(() -> replace.replace(ReplaceUserProfile.Command.of(ADA, twins.a(), body(twins.a(), taken), Optional.empty())))
                .isInstanceOf(ConflictException.class);

        assertThat(item(twins.a()).orElseThrow().get("version").n()).isEqualTo("1");
        assertThat(ownerOf(taken)).contains("holder-" + run);
        assertThat(ownerOf(twin)).contains(twins.b());
    }

    /** Without an old address there is nothing to release: the claim's failed condition is the new address taken. */
    @Test
    void aProfileWithoutEmailTakingAnAddressAnotherProfileHoldsIsAConflictAndChangesNothing() {
        var twins = twinsHeldByB();
        var bare = "bare-" + run;
        put(Map.of("id", s(bare), "profile", s("{\"id\":\"" + bare + "\"}"), "version", AttributeValue.fromN("1"), "created-by", s("ada")));

        assertThatThrownBy(() -> replace.replace(ReplaceUserProfile.Command.of(ADA, bare, body(bare, twin), Optional.empty())))
                .isInstanceOf(ConflictException.class);

        assertThat(item(bare).orElseThrow()).doesNotContainKey("email").extracting(profile -> profile.get("version").n()).isEqualTo("1");
        assertThat(ownerOf(twin)).contains(twins.b());
    }

    /** The profile's own condition still decides: a stale delete is {@link Changed}, whoever holds the claim. */
    @Test
    void aStaleDeleteIsChangedAndDeletesNothing() {
        var twins = twinsHeldByB();
        var stale = profiles.find(new UserId(twins.a())).orElseThrow();
        var current = bumped(twins.a());

        assertThat(profiles.delete(stale)).isEqualTo(new Changed());

        assertThat(item(twins.a())).contains(current);
        assertThat(ownerOf(twin)).contains(twins.b());
    }

    @Test
    void aStaleReplaceIsChangedAndWritesNothing() {
        var twins = twinsHeldByB();
        var stale = profiles.find(new UserId(twins.a())).orElseThrow();
        var current = bumped(twins.a());
        var moved = "moved-" + run + "@example.com";

        assertThat(profiles.replace(stale, UserProfile.of(body(twins.a(), moved)))).isEqualTo(new Changed());
        assertThat(profiles.replace(stale, UserProfile.of(Map.of("id", twins.a())))).isEqualTo(new Changed());

        assertThat(item(twins.a())).contains(current);
        assertThat(item("email#" + moved)).isEmpty();
        assertThat(ownerOf(twin)).contains(twins.b());
    }

    /**
     * One delete-all call deletes both twins: b with its claim, and a alone, once its transaction found the claim b's,
     * rather than leaving a to a later call.
     */
    @Test
    void oneDeleteAllCallDeletesBothTwinsAndTheClaim() {
        var twins = twinsHeldByB();

        profiles.deleteAll(Deadline.in(Duration.ofMinutes(1), Clock.systemUTC()));

        assertThat(item(twins.a())).isEmpty();
        assertThat(item(twins.b())).isEmpty();
        assertThat(item("email#" + twin)).isEmpty();
    }

    /** Profile {@code id} as another write leaves it: at version 2, its address unchanged. */
    private Map<String, AttributeValue> bumped(String id) {
        var item = new HashMap<>(item(id).orElseThrow());
        item.put("version", AttributeValue.fromN("2"));
        put(item);
        return item;
    }

    /** Two of ada's profiles with one address, whose claim is b's. */
    private Twins twinsHeldByB() {
        var twins = new Twins("twin-a-" + run, "twin-b-" + run);
        for (var id : List.of(twins.a(), twins.b())) {
            put(Map.of("id", s(id), "profile", s("{\"id\":\"" + id + "\",\"email\":\"" + twin + "\"}"), "version", AttributeValue.fromN("1"),
                    "email", s(twin), "created-by", s("ada")));
        }
        put(Map.of("id", s("email#" + twin), "owner", s(twins.b())));
        return twins;
    }

    private record Twins(String a, String b) {
    }

    private static Map<String, Object> body(String id, String email) {
        var members = new LinkedHashMap<String, Object>();
        members.put("id", id);
        members.put("email", email);
        return members;
    }

    private Optional<String> ownerOf(String address) {
        return item("email#" + address).map(claim -> claim.get("owner").s());
    }

    private Optional<Map<String, AttributeValue>> item(String id) {
        var item = dynamoDb.getItem(get -> get.tableName(TABLE).key(Map.of("id", s(id))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(put -> put.tableName(TABLE).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
