package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.call;

import dev.serverlessapis.adapters.json.JsonCodec;
import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.user.Email;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.domain.user.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Profiles in table {@code user-profiles}. A profile item holds the client's JSON text ({@code profile}), its
 * {@code version}, its owner's handle ({@code created-by}, beside the text so it is never part of the body) and, when
 * it has one, its email in lower case ({@code email}, the key of index {@code email-index}).
 *
 * <p>A secondary index cannot keep emails unique, so each email is also claimed by a second kind of item in the same
 * table, key {@code email#<lower-case email>}, holding its {@code owner}'s id. The claim is written, moved and freed in
 * the same transaction as the profile, each step conditional, so two profiles never hold one address. Profile ids
 * cannot start with {@code email#}, and claims have neither {@code profile} nor {@code email}, so they never show up as
 * profiles, neither in listings nor in the index.
 */
public final class DynamoDbUserProfiles implements UserProfiles {
    public static final String ID = "id";
    public static final String PROFILE = "profile";
    public static final String VERSION = "version";
    public static final String EMAIL = "email";
    public static final String OWNER = "owner";
    /** The handle of the person who created the profile: beside the profile's JSON text, never in it. */
    public static final String CREATED_BY = "created-by";
    public static final String EMAIL_INDEX = "email-index";
    /** Items a delete-all call scans at a time: the unit of work it checks its deadline after. */
    static final int SWEEP_PAGE = 100;
    /** 25 profiles with their claims make 50 items, well within a transaction's 100. */
    private static final int GROUPS_PER_TRANSACTION = 25;
    private static final int ATTEMPTS = 10;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SignedCursors cursors;

    public DynamoDbUserProfiles(DynamoDbClient dynamoDb, String table, SignedCursors cursors) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Creation create(UserProfile profile, ProfileOwner owner) {
        var stored = new StoredProfile(profile, Version.FIRST, Optional.of(owner));
        var putProfile = Put.builder().tableName(table).item(item(stored))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", ID))
                .build();
        if (profile.email().isEmpty()) {
            return putAlone(putProfile) ? new Created(stored) : new IdTaken();
        }
        var outcome = transact("create a user", List.of(
                TransactWriteItem.builder().put(putProfile).build(),
                TransactWriteItem.builder().put(claim(profile.email().get(), profile.id())).build()));
        if (outcome.failed(0)) {
            return new IdTaken();
        }
        return outcome.failed(1) ? new EmailTaken() : new Created(stored);
    }

    @Override
    public Optional<StoredProfile> find(UserId id) {
        var item = call("read a user", () -> dynamoDb.getItem(get -> get
                .tableName(table)
                .key(key(id.value()))
                .consistentRead(true))).item();
        return item == null || !item.containsKey(PROFILE) ? Optional.empty() : Optional.of(stored(item));
    }

    /**
     * The index says which profile had the address; the profile itself is then read consistently and its email
     * checked, because an index lags behind the table.
     */
    @Override
    public Optional<StoredProfile> findByEmail(Email email) {
        var found = call("find a user by email", () -> dynamoDb.query(query -> query
                .tableName(table)
                .indexName(EMAIL_INDEX)
                .keyConditionExpression("#email = :email")
                .expressionAttributeNames(Map.of("#email", EMAIL))
                .expressionAttributeValues(Map.of(":email", AttributeValue.fromS(email.normalized())))));
        return found.items().stream()
                .map(item -> find(new UserId(item.get(ID).s())))
                .flatMap(Optional::stream)
                .filter(stored -> stored.profile().email().map(email::sameAddressAs).orElse(false))
                .findFirst();
    }

    /**
     * Scans with a limit of the items still wanted, so the scan stops exactly after the last item of the page and its
     * {@code LastEvaluatedKey} is a cursor that neither skips nor repeats. Email claims are filtered out, which can
     * leave a scan short; the loop then continues until the page is full or the table ends.
     */
    @Override
    public Page<StoredProfile> list(PageRequest page) {
        var profiles = new ArrayList<StoredProfile>();
        Map<String, AttributeValue> startKey = page.cursor().map(cursor -> cursors.decode(cursor, Set.of(ID))).orElse(null);
        do {
            var exclusiveStart = startKey;
            var scanned = call("list users", () -> dynamoDb.scan(scan -> scan
                    .tableName(table)
                    .consistentRead(true)
                    .limit(page.limit() - profiles.size())
                    .exclusiveStartKey(exclusiveStart)
                    .filterExpression("attribute_exists(#profile)")
                    .expressionAttributeNames(Map.of("#profile", PROFILE))));
            scanned.items().forEach(item -> profiles.add(stored(item)));
            startKey = scanned.hasLastEvaluatedKey() && !scanned.lastEvaluatedKey().isEmpty() ? scanned.lastEvaluatedKey() : null;
        } while (startKey != null && profiles.size() < page.limit());
        return new Page<>(profiles, cursors.encode(startKey));
    }

    @Override
    public Replacement replace(StoredProfile current, UserProfile replacement) {
        var next = current.replacedBy(replacement);
        var putProfile = Put.builder().tableName(table).item(item(next))
                .conditionExpression("#version = :current")
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(Map.of(":current", version(current.version())))
                .build();
        var oldEmail = current.profile().email().map(Email::normalized);
        var newEmail = replacement.email().map(Email::normalized);
        if (oldEmail.equals(newEmail)) {
            return putAlone(putProfile) ? new Replaced(next) : new Changed();
        }
        var items = new ArrayList<TransactWriteItem>();
        items.add(TransactWriteItem.builder().put(putProfile).build());
        current.profile().email().ifPresent(email -> items.add(TransactWriteItem.builder().delete(release(email, current.id())).build()));
        replacement.email().ifPresent(email -> items.add(TransactWriteItem.builder().put(claim(email, replacement.id())).build()));
        var outcome = transact("replace a user", items);
        if (outcome.failed(0)) {
            return new Changed();
        }
        var claimIndex = items.size() - 1;
        if (replacement.email().isPresent() && outcome.failed(claimIndex)) {
            return new EmailTaken();
        }
        return outcome.succeeded() ? new Replaced(next) : new Changed();
    }

    @Override
    public Deletion delete(StoredProfile current) {
        var deleteProfile = Delete.builder().tableName(table).key(key(current.id().value()))
                .conditionExpression("#version = :current")
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(Map.of(":current", version(current.version())))
                .build();
        if (current.profile().email().isEmpty()) {
            try {
                call("delete a user", () -> dynamoDb.deleteItem(delete -> delete
                        .tableName(table)
                        .key(deleteProfile.key())
                        .conditionExpression(deleteProfile.conditionExpression())
                        .expressionAttributeNames(deleteProfile.expressionAttributeNames())
                        .expressionAttributeValues(deleteProfile.expressionAttributeValues())));
                return new Deleted();
            } catch (ConditionalCheckFailedException changed) {
                return new Changed();
            }
        }
        var outcome = transact("delete a user", List.of(
                TransactWriteItem.builder().delete(deleteProfile).build(),
                TransactWriteItem.builder().delete(release(current.profile().email().get(), current.id())).build()));
        return outcome.succeeded() ? new Deleted() : new Changed();
    }

    /**
     * Scans a page of {@value #SWEEP_PAGE} items at a time and deletes each profile together with its email claim in
     * one transaction, conditioned on the version scanned and on the claim's owner, so a profile and its claim always
     * leave together; a profile changed since the scan is left for the next call. A claim whose owner no longer holds
     * its address (left behind by an older version of this code) is deleted under a condition check on that owner.
     * Stops after the page during which the deadline passes.
     */
    @Override
    public Sweep deleteAll(Deadline deadline) {
        long deleted = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            var exclusiveStart = startKey;
            var scanned = call("list users to delete", () -> dynamoDb.scan(scan -> scan
                    .tableName(table)
                    .consistentRead(true)
                    .limit(SWEEP_PAGE)
                    .exclusiveStartKey(exclusiveStart)
                    .projectionExpression("#id, #version, #email, #owner")
                    .expressionAttributeNames(Map.of("#id", ID, "#version", VERSION, "#email", EMAIL, "#owner", OWNER))));
            var profiles = new ArrayList<Removal>();
            var orphans = new ArrayList<Removal>();
            for (var item : scanned.items()) {
                if (item.containsKey(VERSION)) {
                    profiles.add(profileWithClaim(item));
                } else if (item.containsKey(OWNER)) {
                    orphans.add(claimWithoutProfile(item));
                }
            }
            deleted += deleteTogether(profiles);
            deleteTogether(orphans);
            startKey = scanned.hasLastEvaluatedKey() && !scanned.lastEvaluatedKey().isEmpty() ? scanned.lastEvaluatedKey() : null;
        } while (startKey != null && !deadline.passed());
        return new Sweep(deleted, startKey != null);
    }

    /**
     * The profile at the version scanned, with its claim. Should another profile hold the claim (two profiles with one
     * address, left by older code), the profile goes alone: it cannot take the claim without changing its version.
     */
    private Removal profileWithClaim(Map<String, AttributeValue> item) {
        var id = new UserId(item.get(ID).s());
        var profile = TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(id.value()))
                .conditionExpression("#version = :scanned")
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(Map.of(":scanned", item.get(VERSION)))
                .build()).build();
        if (!item.containsKey(EMAIL)) {
            return new Removal(List.of(profile), List.of());
        }
        var claim = TransactWriteItem.builder().delete(release(UserId.RESERVED_PREFIX + item.get(EMAIL).s(), id)).build();
        return new Removal(List.of(profile, claim), List.of(profile));
    }

    /** Items deleted all or nothing; {@code ifClaimTaken} is what to delete instead when only its claim's condition failed. */
    private record Removal(List<TransactWriteItem> items, List<TransactWriteItem> ifClaimTaken) {
    }

    /** Deleted only if its owner is gone or holds another address, checked in the same transaction. */
    private Removal claimWithoutProfile(Map<String, AttributeValue> claim) {
        var claimId = claim.get(ID).s();
        var owner = claim.get(OWNER);
        return new Removal(List.of(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(Map.of(ID, owner))
                        .conditionExpression("attribute_not_exists(#id) OR attribute_not_exists(#email) OR #email <> :address")
                        .expressionAttributeNames(Map.of("#id", ID, "#email", EMAIL))
                        .expressionAttributeValues(Map.of(":address", AttributeValue.fromS(claimId.substring(UserId.RESERVED_PREFIX.length()))))
                        .build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(claimId))
                        .conditionExpression("#owner = :owner")
                        .expressionAttributeNames(Map.of("#owner", OWNER))
                        .expressionAttributeValues(Map.of(":owner", owner))
                        .build()).build()), List.of());
    }

    /**
     * Runs deletions, each all or nothing, up to {@value #GROUPS_PER_TRANSACTION} to a transaction (never two touching
     * one item, which a transaction refuses). A deletion whose condition failed is dropped (or replaced by its
     * {@code ifClaimTaken}) and the rest tried again. Answers how many deletions were done.
     */
    private int deleteTogether(List<Removal> deletions) {
        int deleted = 0;
        for (var transaction : transactions(deletions)) {
            var pending = transaction;
            while (!pending.isEmpty()) {
                var outcome = transact("delete users", pending.stream().flatMap(deletion -> deletion.items().stream()).toList());
                if (outcome.succeeded()) {
                    deleted += pending.size();
                    break;
                }
                var position = 0;
                var retry = new ArrayList<Removal>();
                for (var deletion : pending) {
                    var first = position;
                    if (IntStream.range(first, first + deletion.items().size()).noneMatch(outcome::failed)) {
                        retry.add(deletion);
                    } else if (!outcome.failed(first) && !deletion.ifClaimTaken().isEmpty()) {
                        retry.add(new Removal(deletion.ifClaimTaken(), List.of()));
                    }
                    position += deletion.items().size();
                }
                pending = retry;
            }
        }
        return deleted;
    }

    private static List<List<Removal>> transactions(List<Removal> deletions) {
        var transactions = new ArrayList<List<Removal>>();
        var current = new ArrayList<Removal>();
        var keys = new HashSet<Map<String, AttributeValue>>();
        for (var group : deletions) {
            var groupKeys = group.items().stream().map(DynamoDbUserProfiles::keyOf).toList();
            if (current.size() == GROUPS_PER_TRANSACTION || groupKeys.stream().anyMatch(keys::contains)) {
                transactions.add(current);
                current = new ArrayList<>();
                keys.clear();
            }
            current.add(group);
            keys.addAll(groupKeys);
        }
        if (!current.isEmpty()) {
            transactions.add(current);
        }
        return transactions;
    }

    private static Map<String, AttributeValue> keyOf(TransactWriteItem item) {
        return item.delete() != null ? item.delete().key() : item.conditionCheck().key();
    }

    /** A single conditional put: true when written, false when its condition failed. */
    private boolean putAlone(Put put) {
        try {
            call("write a user", () -> dynamoDb.putItem(request -> request
                    .tableName(put.tableName())
                    .item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames())
                    .expressionAttributeValues(put.hasExpressionAttributeValues() ? put.expressionAttributeValues() : null)));
            return true;
        } catch (ConditionalCheckFailedException conditionFailed) {
            return false;
        }
    }

    /**
     * Runs a transaction until it commits or a condition fails. A transaction cancelled only because another one
     * touched the same items (as 20 concurrent creates of one email do) is tried again after a random pause.
     */
    private Outcome transact(String what, List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                call(what, () -> dynamoDb.transactWriteItems(transaction -> transaction.transactItems(items)));
                return new Outcome(List.of());
            } catch (TransactionCanceledException cancelled) {
                var reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.<CancellationReason>of();
                if (reasons.stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                    return new Outcome(reasons);
                }
                if (attempt == ATTEMPTS) {
                    throw new TemporarilyUnavailableException("DynamoDB could not " + what + " now: contended", cancelled);
                }
                DynamoDbCalls.backOff(attempt);
            }
        }
    }

    private record Outcome(List<CancellationReason> reasons) {
        boolean succeeded() {
            return reasons.isEmpty();
        }

        boolean failed(int index) {
            return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
        }
    }

    private Put claim(Email email, UserId owner) {
        return Put.builder().tableName(table)
                .item(Map.of(ID, AttributeValue.fromS(claimId(email)), OWNER, AttributeValue.fromS(owner.value())))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", ID))
                .build();
    }

    /** A claim already gone (a delete-all ran meanwhile) is no reason to refuse freeing it. */
    private Delete release(Email email, UserId owner) {
        return release(claimId(email), owner);
    }

    private Delete release(String claimId, UserId owner) {
        return Delete.builder().tableName(table)
                .key(key(claimId))
                .conditionExpression("attribute_not_exists(#id) OR #owner = :owner")
                .expressionAttributeNames(Map.of("#id", ID, "#owner", OWNER))
                .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner.value())))
                .build();
    }

    private static String claimId(Email email) {
        return UserId.RESERVED_PREFIX + email.normalized();
    }

    private static Map<String, AttributeValue> item(StoredProfile stored) {
        var item = new HashMap<String, AttributeValue>();
        item.put(ID, AttributeValue.fromS(stored.id().value()));
        item.put(PROFILE, AttributeValue.fromS(JsonCodec.write(stored.profile().members())));
        item.put(VERSION, version(stored.version()));
        stored.profile().email().ifPresent(email -> item.put(EMAIL, AttributeValue.fromS(email.normalized())));
        stored.owner().ifPresent(owner -> item.put(CREATED_BY, AttributeValue.fromS(owner.handle())));
        return item;
    }

    private static StoredProfile stored(Map<String, AttributeValue> item) {
        var members = JsonCodec.parseObject(item.get(PROFILE).s());
        var owner = Optional.ofNullable(item.get(CREATED_BY)).map(AttributeValue::s).map(ProfileOwner::new);
        return new StoredProfile(UserProfile.of(members), new Version(Long.parseLong(item.get(VERSION).n())), owner);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }

    private static AttributeValue version(Version version) {
        return AttributeValue.fromN(Long.toString(version.value()));
    }
}
