package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.adapters.deadline.RequestDeadline;
import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Delete-all against DynamoDB Local: bounded by a deadline, not by the table's size, and never splitting a profile from its claim. */
@ExtendWith(WithDynamoDbLocal.class)
class DynamoDbUserProfilesTest {
    private static final String TABLE = "user-profiles";
    private static final ProfileOwner OWNER = new ProfileOwner("ada");
    private static final Deadline ALREADY_PASSED = new Deadline(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Instant.EPOCH);

    private final DynamoDbClient dynamoDb;
    private final DynamoDbUserProfiles profiles;

    DynamoDbUserProfilesTest(LocalDynamoDb local) {
        this.dynamoDb = local.client();
        this.profiles = new DynamoDbUserProfiles(dynamoDb, TABLE, new SignedCursors("test-cursor-signing-key"));
    }

    /** The owner is an attribute of the item beside the profile's text, never in it, and a replace keeps it. */
    @Test
    void theOwnerIsKeptBesideTheProfileAndSurvivesAReplace() {
        var id = UUID.randomUUID().toString();
        var members = new java.util.LinkedHashMap<String, Object>();
        members.put("id", id);
        members.put("name", "Ada");
        var created = (UserProfiles.Created) profiles.create(UserProfile.of(members), OWNER);

        var item = dynamoDb.getItem(get -> get.tableName(TABLE).key(Map.of("id", s(id)))).item();
        assertThat(item.get(DynamoDbUserProfiles.CREATED_BY).s()).isEqualTo("ada");
        assertThat(item.get(DynamoDbUserProfiles.PROFILE).s()).isEqualTo("{\"id\":\"" + id + "\",\"name\":\"Ada\"}");
        assertThat(profiles.find(new UserId(id)).orElseThrow().owner()).contains(OWNER);
        var replaced = (UserProfiles.Replaced) profiles.replace(created.stored(), UserProfile.of(Map.of("id", id)));
        assertThat(replaced.stored().owner()).contains(OWNER);
        assertThat(profiles.find(new UserId(id)).orElseThrow().owner()).contains(OWNER);
    }

    /**
     * With its time budget used up, each call still deletes one batch and says more remain; calling again until it
     * says no more deletes every profile and every claim, and the counts add up.
     */
    @Test
    void aDeadlineThatHasPassedStillDeletesOneBatchPerCallAndSaysMoreRemain() {
        emptyTable();
        int created = 0;
        for (int i = 0; i < 250; i++) {
            var id = UUID.randomUUID().toString();
            var members = i % 2 == 0 ? Map.<String, Object>of("id", id, "email", id + "@example.com") : Map.<String, Object>of("id", id);
            assertThat(profiles.create(UserProfile.of(members), OWNER)).isInstanceOf(UserProfiles.Created.class);
            created++;
        }

        var sweeps = new ArrayList<UserProfiles.Sweep>();
        do {
            sweeps.add(profiles.deleteAll(ALREADY_PASSED));
        } while (sweeps.getLast().more() && sweeps.size() < 100);

        System.out.printf("delete-all with a passed deadline: %d profiles (375 items) took %d calls%n", created, sweeps.size());
        assertThat(sweeps.size()).isGreaterThan(2);
        assertThat(sweeps.subList(0, sweeps.size() - 1)).allSatisfy(sweep -> assertThat(sweep.more()).isTrue());
        assertThat(sweeps.stream().mapToLong(UserProfiles.Sweep::deleted).sum()).isEqualTo(created);
        assertThat(dynamoDb.scan(scan -> scan.tableName(TABLE)).count()).isZero();
    }

    /**
     * When the deadline is the request's own (its store calls stop there too), the sweep ends before it with what it
     * deleted rather than failing at the deadline with its deletions untold.
     */
    @Test
    void aDeadlineThatIsAlsoTheRequestsEndsTheCallWithWhatItDeletedNotA503() {
        emptyTable();
        for (int i = 0; i < 1_000; i++) {
            var id = UUID.randomUUID().toString();
            profiles.create(UserProfile.of(Map.of("id", id, "email", id + "@example.com")), OWNER);
        }

        var sweeps = new ArrayList<UserProfiles.Sweep>();
        do {
            var deadline = Deadline.in(Duration.ofSeconds(1), Clock.systemUTC());
            sweeps.add(RequestDeadline.within(deadline, () -> profiles.deleteAll(deadline)));
        } while (sweeps.getLast().more() && sweeps.size() < 500);

        System.out.printf("delete-all within a 1 s request deadline: 1000 profiles in %d calls, %s deleted per call%n", sweeps.size(),
                sweeps.stream().map(UserProfiles.Sweep::deleted).toList());
        assertThat(sweeps.getFirst().more()).isTrue();
        assertThat(sweeps.getFirst().deleted()).isPositive();
        assertThat(sweeps.stream().mapToLong(UserProfiles.Sweep::deleted).sum()).isEqualTo(1_000);
        assertThat(dynamoDb.scan(scan -> scan.tableName(TABLE).consistentRead(true)).count()).isZero();
    }

    @Test
    void aGenerousDeadlineDeletesEverythingInOneCall() {
        emptyTable();
        for (int i = 0; i < 30; i++) {
            profiles.create(UserProfile.of(Map.of("id", UUID.randomUUID().toString())), OWNER);
        }

        assertThat(profiles.deleteAll(Deadline.in(Duration.ofMinutes(1), Clock.systemUTC()))).isEqualTo(new UserProfiles.Sweep(30, false));
    }

    /**
     * Older code could leave an email claim behind its deleted profile, or two profiles holding one address: the
     * address then stayed taken forever. Delete-all frees such claims, and keeps a claim whose owner still holds it.
     */
    @Test
    void claimsLeftWithoutTheirProfileAndAddressesHeldTwiceAreCleanedUp() {
        emptyTable();
        put(Map.of("id", s("email#orphan@example.com"), "owner", s("gone")));
        put(Map.of("id", s("email#moved@example.com"), "owner", s("mover")));
        put(Map.of("id", s("mover"), "profile", s("{\"id\":\"mover\",\"email\":\"new@example.com\"}"), "version", AttributeValue.fromN("1"),
                "email", s("new@example.com")));
        put(Map.of("id", s("twin-a"), "profile", s("{\"id\":\"twin-a\",\"email\":\"twin@example.com\"}"), "version", AttributeValue.fromN("1"),
                "email", s("twin@example.com")));
        put(Map.of("id", s("twin-b"), "profile", s("{\"id\":\"twin-b\",\"email\":\"twin@example.com\"}"), "version", AttributeValue.fromN("1"),
                "email", s("twin@example.com")));
        put(Map.of("id", s("email#twin@example.com"), "owner", s("twin-a")));

        var sweep = profiles.deleteAll(Deadline.in(Duration.ofMinutes(1), Clock.systemUTC()));

        assertThat(sweep).isEqualTo(new UserProfiles.Sweep(3, false));
        assertThat(dynamoDb.scan(scan -> scan.tableName(TABLE).consistentRead(true)).items()).isEmpty();
    }

    private void emptyTable() {
        while (profiles.deleteAll(Deadline.in(Duration.ofMinutes(1), Clock.systemUTC())).more()) {
            // each call deletes a bounded batch
        }
        dynamoDb.scanPaginator(scan -> scan.tableName(TABLE)).items().forEach(item ->
                dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(Map.of("id", item.get("id")))));
    }

    private void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(put -> put.tableName(TABLE).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
