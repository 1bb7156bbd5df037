package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Changes between delete-all's scan and its delete, against DynamoDB Local. A profile replaced meanwhile is left, as
 * its condition says, and the call answers that there is more, so the client's loop on {@code more} deletes it next
 * time round; one deleted meanwhile is not counted as deleted by the call; a claim put meanwhile under a key the scan
 * saw as something else is not deleted for it.
 */
@ExtendWith(WithDynamoDbLocal.class)
class DeleteAllMeetingAChangeTest {
    private static final String TABLE = "user-profiles";
    private static final ProfileOwner OWNER = new ProfileOwner("ada");

    private final LocalDynamoDb local;
    private final DynamoDbUserProfiles profiles;

    DeleteAllMeetingAChangeTest(LocalDynamoDb local) {
        this.local = local;
        var dynamoDb = local.client();
        this.profiles = new DynamoDbUserProfiles(dynamoDb, TABLE, new SignedCursors("test-cursor-signing-key"));
    }

    @Test
    void aProfileReplacedAfterTheScanIsLeftAndTheCallSaysThereIsMore() {
        var id = new UserId(UUID.randomUUID().toString());
        var created = (UserProfiles.Created) profiles.create(UserProfile.of(Map.of("id", id.value())), OWNER);
        var sweeping = new DynamoDbUserProfiles(replacingBeforeTheFirstDelete(created), TABLE, new SignedCursors("test-cursor-signing-key"));

        var first = sweeping.deleteAll(aMinute());

        assertThat(profiles.find(id)).as("replaced after the scan, so left").isPresent();
        assertThat(first.more()).isTrue();
        var next = sweeping.deleteAll(aMinute());
        assertThat(profiles.find(id)).isEmpty();
        assertThat(next.deleted()).isGreaterThanOrEqualTo(1);
    }

    /**
     * A profile deleted and created again under its id between the scan and the delete is another incarnation at the
     * same count, version 1: the sweep's condition on the incarnation scanned leaves it, and the call says there is more.
     */
    @Test
    void aProfileCreatedAgainAfterTheScanIsLeft() {
        var id = UUID.randomUUID().toString();
        var first = (UserProfiles.Created) profiles.create(UserProfile.of(Map.of("id", id)), OWNER);
        var again = new ArrayList<UserProfiles.Created>();

        UserProfiles.Sweep sweep;
        try (var client = onceScanned(id, new ArrayList<>(), () -> {
            assertThat(profiles.delete(first.stored())).isInstanceOf(UserProfiles.Deleted.class);
            again.add((UserProfiles.Created) profiles.create(UserProfile.of(Map.of("id", id)), OWNER));
        })) {
            sweep = new DynamoDbUserProfiles(client, TABLE, new SignedCursors("test-cursor-signing-key")).deleteAll(aMinute());
        }

        assertThat(again).as("created again after the scan").hasSize(1);
        assertThat(again.getFirst().stored().version().count()).isEqualTo(first.stored().version().count());
        assertThat(profiles.find(new UserId(id))).contains(again.getFirst().stored());
        assertThat(sweep.more()).isTrue();
        delete(id);
    }

    /**
     * A profile whose address another profile's claim holds (two profiles with one address, left by older code) is
     * deleted without the claim, which stays its holder's: here the holder is replaced after the scan, so it and its
     * claim are still there whichever of the two the sweep reaches first.
     */
    @Test
    void aProfileWhoseClaimAnotherProfileHoldsIsDeletedAloneAndTheClaimStays() {
        var run = UUID.randomUUID().toString();
        var address = "twin-" + run + "@example.com";
        var alone = "twin-a-" + run;
        var holder = "twin-b-" + run;
        for (var id : List.of(alone, holder)) {
            local.client().putItem(put -> put.tableName(TABLE).item(Map.of("id", s(id),
                    "profile", s("{\"id\":\"" + id + "\",\"email\":\"" + address + "\"}"), "version", AttributeValue.fromN("1"),
                    "email", s(address))));
        }
        local.client().putItem(put -> put.tableName(TABLE).item(Map.of("id", s("email#" + address), "owner", s(holder))));
        var holding = profiles.find(new UserId(holder)).orElseThrow();

        UserProfiles.Sweep sweep;
        try (var client = onceScanned(holder, new ArrayList<>(), () -> assertThat(profiles.replace(holding,
                UserProfile.of(Map.of("id", holder, "email", address, "name", "changed")))).isInstanceOf(UserProfiles.Replaced.class))) {
            sweep = new DynamoDbUserProfiles(client, TABLE, new SignedCursors("test-cursor-signing-key")).deleteAll(aMinute());
        }

        assertThat(exists(alone)).as("deleted alone").isFalse();
        assertThat(exists(holder)).as("replaced after the scan, so left").isTrue();
        assertThat(local.client().getItem(get -> get.tableName(TABLE).consistentRead(true).key(Map.of("id", s("email#" + address))))
                .item().get("owner").s()).isEqualTo(holder);
        assertThat(sweep.more()).isTrue();
        delete(holder);
        delete("email#" + address);
    }

    /**
     * Three profiles alone in the table are deleted in one transaction; the one the scan lists second, replaced after
     * the scan, fails that transaction. It is left, and only it: the two beside it are deleted when it is tried again.
     */
    @Test
    void theOthersOfATransactionAreDeletedWhenTheOneBetweenThemChangedAfterTheScan() {
        local.client().scanPaginator(scan -> scan.tableName(TABLE)).items().forEach(item -> delete(item.get("id").s()));
        var created = new HashMap<String, UserProfiles.Created>();
        for (int i = 0; i < 3; i++) {
            var id = UUID.randomUUID().toString();
            created.put(id, (UserProfiles.Created) profiles.create(UserProfile.of(Map.of("id", id)), OWNER));
        }
        var scanned = new ArrayList<Map<String, AttributeValue>>();
        var middle = new ArrayList<String>();

        UserProfiles.Sweep sweep;
        try (var client = onceScanned(created.keySet().iterator().next(), scanned, () -> {
            middle.add(scanned.get(1).get("id").s());
            var stored = created.get(middle.getFirst()).stored();
            assertThat(profiles.replace(stored, UserProfile.of(Map.of("id", middle.getFirst(), "name", "changed"))))
                    .isInstanceOf(UserProfiles.Replaced.class);
        })) {
            sweep = new DynamoDbUserProfiles(client, TABLE, new SignedCursors("test-cursor-signing-key")).deleteAll(aMinute());
        }

        assertThat(scanned).as("one page of the three").hasSize(3);
        assertThat(created.keySet()).filteredOn(this::exists).containsExactly(middle.getFirst());
        assertThat(sweep).isEqualTo(new UserProfiles.Sweep(2, true));
        delete(middle.getFirst());
    }

    /**
     * A profile without a {@code version} (a hand edit) that someone else deletes between the scan and the sweep's
     * delete: the delete finds nothing, and is not counted as one done. Every other profile the scan saw and the call
     * removed is.
     */
    @Test
    void aProfileWithoutVersionGoneBeforeItsDeleteIsNotCounted() {
        var id = "no-version-" + UUID.randomUUID();
        local.client().putItem(put -> put.tableName(TABLE).item(Map.of("id", s(id), "profile", s("{\"id\":\"" + id + "\"}"))));
        var scanned = new ArrayList<Map<String, AttributeValue>>();

        UserProfiles.Sweep sweep;
        try (var client = onceScanned(id, scanned, () -> delete(id))) {
            sweep = new DynamoDbUserProfiles(client, TABLE, new SignedCursors("test-cursor-signing-key")).deleteAll(aMinute());
        }

        assertThat(scanned).anySatisfy(item -> assertThat(item.get("id").s()).isEqualTo(id));
        var removedByTheSweep = scanned.stream()
                .filter(item -> !EmailClaims.isClaim(item) && !item.get("id").s().equals(id) && !exists(item.get("id").s()))
                .count();
        assertThat(sweep.deleted()).isEqualTo(removedByTheSweep);
        assertThat(sweep.more()).as("one scanned was not deleted by this call").isTrue();
    }

    /**
     * An ownerless item in the claims' key space (a hand edit), which the sweep takes for a profile, made a real claim
     * between the scan and the delete: the claim is not deleted in its place.
     */
    @Test
    void aClaimPutWhereTheScanSawSomethingElseIsNotDeleted() {
        var claimId = UserId.RESERVED_PREFIX + UUID.randomUUID() + "@example.com";
        local.client().putItem(put -> put.tableName(TABLE).item(Map.of("id", s(claimId))));

        try (var client = onceScanned(claimId, new ArrayList<>(),
                () -> local.client().putItem(put -> put.tableName(TABLE).item(Map.of("id", s(claimId), "owner", s("ada-profile")))))) {
            new DynamoDbUserProfiles(client, TABLE, new SignedCursors("test-cursor-signing-key")).deleteAll(aMinute());
        }

        assertThat(exists(claimId)).isTrue();
        delete(claimId);
    }

    /**
     * A client that collects the items each scan answers and, once a scan has answered the item {@code id}, runs
     * {@code change} just before the next transaction: the one deleting that scan's page, wherever in the table
     * (which other tests share) the item is.
     */
    private DynamoDbClient onceScanned(String id, List<Map<String, AttributeValue>> scanned, Runnable change) {
        var interceptor = new ExecutionInterceptor() {
            private boolean seen;
            private boolean changed;

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.response() instanceof ScanResponse page) {
                    scanned.addAll(page.items());
                    seen |= page.items().stream().anyMatch(item -> item.get("id").s().equals(id));
                }
            }

            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest && seen && !changed) {
                    changed = true;
                    change.run();
                }
            }
        };
        return local.clientWith(interceptor);
    }

    private boolean exists(String id) {
        return local.client().getItem(get -> get.tableName(TABLE).consistentRead(true).key(Map.of("id", s(id)))).hasItem();
    }

    private void delete(String id) {
        local.client().deleteItem(delete -> delete.tableName(TABLE).key(Map.of("id", s(id))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private DynamoDbClient replacingBeforeTheFirstDelete(UserProfiles.Created created) {
        var replace = new ExecutionInterceptor() {
            private boolean replaced;

            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest && !replaced) {
                    replaced = true;
                    profiles.replace(created.stored(), UserProfile.of(Map.of("id", created.stored().profile().id().value(), "name", "changed")));
                }
            }
        };
        return local.clientWith(replace);
    }

    private static Deadline aMinute() {
        return Deadline.in(Duration.ofMinutes(1), Clock.systemUTC());
    }
}
