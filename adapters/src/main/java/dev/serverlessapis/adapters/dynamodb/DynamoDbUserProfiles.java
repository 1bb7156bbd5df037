package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.call;
import static dev.serverlessapis.adapters.dynamodb.ProfileItems.item;
import static dev.serverlessapis.adapters.dynamodb.ProfileItems.key;
import static dev.serverlessapis.adapters.dynamodb.ProfileItems.newIncarnation;
import static dev.serverlessapis.adapters.dynamodb.ProfileItems.stored;
import static dev.serverlessapis.adapters.dynamodb.ProfileItems.unchangedSince;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.domain.user.Email;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.domain.user.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Profiles in table {@code user-profiles}. A profile item holds the client's JSON text ({@code profile}), its
 * version's count ({@code version}) and incarnation ({@code incarnation}), its owner's handle ({@code created-by}),
 * all beside the text so they are never part of the body, and, when it has one, its email in lower case
 * ({@code email}, the key of index {@code email-index}). An item written before incarnations were kept has no
 * {@code incarnation}, and is read as {@link dev.serverlessapis.domain.user.Incarnation#UNNAMED}; one written by older
 * code may hold a {@code write-token}, which nothing reads. Emails are kept unique by {@link EmailClaims}, written in
 * the same transaction as the profile; delete-all is {@link ProfileSweep}.
 *
 * <p>Every write is a transaction, those of one item too. The SDK gives each its {@code ClientRequestToken} and sends
 * it again with every retry, so DynamoDB carries a write out once however many attempts reach it (for 10 minutes,
 * far longer than the SDK retries): a retry after a lost answer is a no-op that succeeds, even when another request
 * changed the item in between, and a retry of an attempt that never arrived is the write's first. A single
 * conditional write cannot tell those apart when another request wrote in between: the profile came back after
 * another's delete, a replace undid a later one, two deletes both answered 200 (RetriedWritesTest).
 */
public final class DynamoDbUserProfiles implements UserProfiles {
    public static final String ID = "id";
    public static final String PROFILE = "profile";
    public static final String VERSION = "version";
    /** The name of the profile's incarnation, which its create gave it and its replaces keep. */
    public static final String INCARNATION = "incarnation";
    public static final String EMAIL = "email";
    /** The handle of the person who created the profile: beside the profile's JSON text, never in it. */
    public static final String CREATED_BY = "created-by";
    public static final String EMAIL_INDEX = "email-index";
    /**
     * Stored profile text a page of the list holds at most. Lambda returns at most 6 MiB from an invoke, counted on the
     * JSON of the proxy response, in which the body is escaped once more: the answer writes each profile as it is
     * stored (the same writer), and the envelope doubles each backslash and quote, so 2 bytes for each stored, at most
     * 7 for 3 where older code or a hand edit stored a U+2028 raw (the answer escapes it in 6, the envelope in 7): 3.5
     * MiB at worst, with room for headers and for a runtime that escaped more. A page holds at least 12 of the largest
     * profiles a 64 KiB body can make.
     */
    static final long PAGE_BYTES = 1536 * 1024;
    /** Where a write transaction of a profile puts the profile's own item. */
    private static final int PROFILE_INDEX = 0;
    /** Where a create puts the claim of the profile's address, when it has one. */
    private static final int CLAIM_INDEX = 1;
    /** The position of an item a transaction does not hold. */
    private static final int NO_ITEM = -1;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SignedCursors cursors;
    private final EmailClaims claims;
    private final Transactions transactions;
    private final ProfileSweep sweep;

    public DynamoDbUserProfiles(DynamoDbClient dynamoDb, String table, SignedCursors cursors) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.cursors = cursors;
        this.claims = new EmailClaims(table);
        this.transactions = new Transactions(dynamoDb);
        this.sweep = new ProfileSweep(dynamoDb, table, claims, transactions);
    }

    @Override
    public Creation create(UserProfile profile, ProfileOwner owner) {
        var stored = new StoredProfile(profile, Version.first(newIncarnation()), Optional.of(owner));
        var item = item(stored);
        var idFree = WriteCondition.of("attribute_not_exists(#id)", Map.of("#id", ID));
        var items = new ArrayList<TransactWriteItem>();
        items.add(TransactWriteItem.builder().put(idFree.put(table, item)).build());
        if (profile.email().isPresent()) {
            items.add(TransactWriteItem.builder().put(claims.claim(profile.email().get(), profile.id())).build());
        }
        var outcome = transactions.write("create a user", items);
        if (outcome.failed(PROFILE_INDEX)) {
            return new IdTaken();
        }
        return outcome.failed(CLAIM_INDEX) ? new EmailTaken() : new Created(stored);
    }

    @Override
    public Optional<StoredProfile> find(UserId id) {
        var item = call("read a user", () -> dynamoDb.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(key(id.value()))
                .consistentRead(true)
                .build())).item();
        return item == null || !item.containsKey(PROFILE) ? Optional.empty() : Optional.of(stored(item));
    }

    /**
     * The index says which profile had the address; the profile itself is then read consistently and its email
     * checked, because an index lags behind the table.
     */
    @Override
    public Optional<StoredProfile> findByEmail(Email email) {
        var found = call("find a user by email", () -> dynamoDb.query(QueryRequest.builder()
                .tableName(table)
                .indexName(EMAIL_INDEX)
                .keyConditionExpression("#email = :email")
                .expressionAttributeNames(Map.of("#email", EMAIL))
                .expressionAttributeValues(Map.of(":email", AttributeValue.fromS(email.normalized())))
                .build()));
        return found.items().stream()
                .map(item -> find(UserId.stored(item.get(ID).s())))
                .flatMap(Optional::stream)
                .filter(stored -> stored.profile().email().map(email::sameAddressAs).orElse(false))
                .findFirst();
    }

    /**
     * Scans with a limit of the items still wanted, so the scan stops exactly after the last item of the page and its
     * {@code LastEvaluatedKey} is a cursor that neither skips nor repeats. Email claims are filtered out, which can
     * leave a scan short; the loop then continues until the page is full or the table ends. A page also ends before
     * its profiles' stored text passes {@link #PAGE_BYTES} (one profile always fits), its cursor then the key of the
     * last profile it holds.
     */
    @Override
    public Page<StoredProfile> list(PageRequest page) {
        var profiles = new ArrayList<StoredProfile>();
        Map<String, AttributeValue> lastKey = null;
        var bytes = 0L;
        Map<String, AttributeValue> startKey = page.cursor().map(cursor -> cursors.decode(cursor, Set.of(ID))).orElse(null);
        do {
            var exclusiveStart = startKey;
            var scanned = call("list users", () -> dynamoDb.scan(ScanRequest.builder()
                    .tableName(table)
                    .consistentRead(true)
                    .limit(page.limit() - profiles.size())
                    .exclusiveStartKey(exclusiveStart)
                    .filterExpression("attribute_exists(#profile)")
                    .expressionAttributeNames(Map.of("#profile", PROFILE))
                    .build()));
            for (var item : scanned.items()) {
                // Read first: an item whose text is none fails naming itself, as every read of it does.
                var profile = stored(item);
                bytes += Utf8.length(item.get(PROFILE).s());
                if (lastKey != null && bytes > PAGE_BYTES) {
                    return new Page<>(profiles, cursors.encode(lastKey));
                }
                profiles.add(profile);
                lastKey = Map.of(ID, item.get(ID));
            }
            startKey = StartKey.after(scanned);
        } while (startKey != null && profiles.size() < page.limit());
        return new Page<>(profiles, cursors.encode(startKey));
    }

    @Override
    public Replacement replace(StoredProfile current, UserProfile replacement) {
        var next = current.replacedBy(replacement);
        var item = item(next);
        var unchanged = unchangedSince(current.version());
        // The claim moves only with the address: kept, it is neither claimed again nor released.
        var moved = !normalized(current.profile().email()).equals(normalized(replacement.email()));
        // Each item's position is kept as it is added, to read the outcome by; the release goes last, so that writing
        // again without it leaves the others where they were.
        var items = new ArrayList<TransactWriteItem>();
        items.add(TransactWriteItem.builder().put(unchanged.put(table, item)).build());
        var claimIndex = NO_ITEM;
        if (moved && replacement.email().isPresent()) {
            claimIndex = items.size();
            items.add(TransactWriteItem.builder().put(claims.claim(replacement.email().get(), replacement.id())).build());
        }
        var releaseIndex = NO_ITEM;
        if (moved && current.profile().email().isPresent()) {
            releaseIndex = items.size();
            items.add(TransactWriteItem.builder().delete(claims.release(current.profile().email().get(), current.id())).build());
        }
        var outcome = writeReleasing("replace a user", items, releaseIndex);
        if (outcome.failed(PROFILE_INDEX)) {
            return new Changed();
        }
        if (claimIndex != NO_ITEM && outcome.failed(claimIndex)) {
            return new EmailTaken();
        }
        return outcome.succeeded() ? new Replaced(next) : new Changed();
    }

    @Override
    public Deletion delete(StoredProfile current) {
        var items = new ArrayList<TransactWriteItem>();
        items.add(TransactWriteItem.builder().delete(unchangedSince(current.version()).delete(table, key(current.id().value()))).build());
        var releaseIndex = NO_ITEM;
        if (current.profile().email().isPresent()) {
            releaseIndex = items.size();
            items.add(TransactWriteItem.builder().delete(claims.release(current.profile().email().get(), current.id())).build());
        }
        return writeReleasing("delete a user", items, releaseIndex).succeeded() ? new Deleted() : new Changed();
    }

    /**
     * Writes the transaction, and when only the release at {@code releaseIndex} failed, writes it again without: see
     * {@link EmailClaims#release}, the old address's claim is another profile's, not this one's to free.
     */
    private TransactionOutcome writeReleasing(String what, List<TransactWriteItem> items, int releaseIndex) {
        var outcome = transactions.write(what, items);
        if (releaseIndex != NO_ITEM && outcome.failedAlone(releaseIndex)) {
            items.remove(releaseIndex);
            outcome = transactions.write(what, items);
        }
        return outcome;
    }

    /** See {@link ProfileSweep}: bounded by the deadline, never splitting a profile from its claim. */
    @Override
    public Sweep deleteAll(Deadline deadline) {
        return sweep.deleteAll(deadline);
    }

    private static Optional<String> normalized(Optional<Email> email) {
        return email.isPresent() ? Optional.of(email.get().normalized()) : Optional.empty();
    }
}
