package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.call;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.user.Email;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.domain.user.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Profiles in table {@code user-profiles}. A profile item holds the client's JSON text ({@code profile}), its
 * {@code version} and, when it has one, its email in lower case ({@code email}, the key of index {@code email-index}).
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
    public static final String EMAIL_INDEX = "email-index";
    static final int BATCH_SIZE = 25;
    private static final int ATTEMPTS = 10;
    private static final Gson DOCUMENTS = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER)
            .create();
    private static final TypeToken<Map<String, Object>> MEMBERS = new TypeToken<>() { };

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SignedCursors cursors;

    public DynamoDbUserProfiles(DynamoDbClient dynamoDb, String table, SignedCursors cursors) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Creation create(UserProfile profile) {
        var stored = new StoredProfile(profile, Version.FIRST);
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
        var next = new StoredProfile(replacement, current.version().next());
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
     * Scans page by page and deletes what each page found, claims included, in batches of 25, retrying whatever
     * DynamoDB leaves unprocessed. Profiles written while it runs may survive it.
     */
    @Override
    public long deleteAll() {
        long profiles = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            var exclusiveStart = startKey;
            var scanned = call("list users to delete", () -> dynamoDb.scan(scan -> scan
                    .tableName(table)
                    .consistentRead(true)
                    .exclusiveStartKey(exclusiveStart)
                    .projectionExpression("#id, #version")
                    .expressionAttributeNames(Map.of("#id", ID, "#version", VERSION))));
            var keys = scanned.items().stream().map(item -> key(item.get(ID).s())).toList();
            for (int from = 0; from < keys.size(); from += BATCH_SIZE) {
                deleteBatch(keys.subList(from, Math.min(from + BATCH_SIZE, keys.size())));
            }
            profiles += scanned.items().stream().filter(item -> item.containsKey(VERSION)).count();
            startKey = scanned.hasLastEvaluatedKey() && !scanned.lastEvaluatedKey().isEmpty() ? scanned.lastEvaluatedKey() : null;
        } while (startKey != null);
        return profiles;
    }

    /** Gives up only after {@value #ATTEMPTS} calls in a row in which DynamoDB processed nothing. */
    private void deleteBatch(List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> pending = keys.stream()
                .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                .toList();
        int fruitless = 0;
        for (int call = 1; !pending.isEmpty(); call++) {
            if (call > 1) {
                DynamoDbCalls.backOff(call);
            }
            var requests = pending;
            var written = call("delete users", () -> dynamoDb.batchWriteItem(batch -> batch.requestItems(Map.of(table, requests))));
            pending = written.hasUnprocessedItems() ? written.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            fruitless = pending.size() < requests.size() ? 0 : fruitless + 1;
            if (fruitless == ATTEMPTS) {
                throw new TemporarilyUnavailableException("DynamoDB kept leaving deletes unprocessed", null);
            }
        }
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
        return Delete.builder().tableName(table)
                .key(key(claimId(email)))
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
        item.put(PROFILE, AttributeValue.fromS(DOCUMENTS.toJson(stored.profile().members())));
        item.put(VERSION, version(stored.version()));
        stored.profile().email().ifPresent(email -> item.put(EMAIL, AttributeValue.fromS(email.normalized())));
        return item;
    }

    private static StoredProfile stored(Map<String, AttributeValue> item) {
        var members = DOCUMENTS.fromJson(item.get(PROFILE).s(), MEMBERS);
        return new StoredProfile(UserProfile.of(members), new Version(Long.parseLong(item.get(VERSION).n())));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }

    private static AttributeValue version(Version version) {
        return AttributeValue.fromN(Long.toString(version.value()));
    }
}
