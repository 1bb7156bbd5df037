package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.inTime;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.EMAIL;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.ID;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.INCARNATION;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.VERSION;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.user.UserProfiles.Sweep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Delete-all of table {@code user-profiles}: scans a page of {@value #PAGE} items at a time and deletes each profile
 * (every item that is no email claim, so also one whose {@code version} a hand edit removed)
 * together with its email claim in one transaction, conditioned on the version scanned and on the claim's owner, so a
 * profile and its claim always leave together. A profile changed since the scan is left for a later call, and this one
 * then answers {@code more: true} even once its scan ends, so a loop of calls does not end with it still there. A claim
 * whose owner no longer holds its address (left behind by an older version of this code) is deleted under a condition
 * check on that owner.
 * <p>
 * Bounded by its deadline step by step, not page by page: it starts no scan or transaction it cannot expect to finish
 * in time (see {@link SweepProgress}), so a deadline nearer than a page's work (a request given little time, a slow
 * store) still ends the call with what it deleted and {@code more}. Should a call stop all the same, out of the
 * request's time (not started, or cut short) or refused by the store for now (throttling past the SDK's retries, a
 * transaction still contended: {@link DynamoDbCalls#inTime}), the sweep answers what it saw committed, once it has
 * removed something; a transaction cut short may have committed unseen, and is then not counted.
 */
final class ProfileSweep {
    /** Items a delete-all call scans at a time. */
    static final int PAGE = 100;
    /** 25 profiles with their claims make 50 items, well within a transaction's 100. */
    private static final int GROUPS_PER_TRANSACTION = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final EmailClaims claims;
    private final Transactions transactions;

    ProfileSweep(DynamoDbClient dynamoDb, String table, EmailClaims claims, Transactions transactions) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.claims = claims;
        this.transactions = transactions;
    }

    Sweep deleteAll(Deadline deadline) {
        var progress = new SweepProgress(deadline);
        Map<String, AttributeValue> startKey = null;
        do {
            if (!progress.mayGoOn()) {
                return progress.stopped();
            }
            var scan = ScanRequest.builder()
                    .tableName(table)
                    .consistentRead(true)
                    .limit(PAGE)
                    .exclusiveStartKey(startKey)
                    .projectionExpression("#id, #version, #incarnation, #email, #owner")
                    .expressionAttributeNames(Map.of("#id", ID, "#version", VERSION, "#incarnation", INCARNATION, "#email", EMAIL,
                            "#owner", EmailClaims.OWNER))
                    .build();
            var started = System.nanoTime();
            var page = inTime("list users to delete", () -> dynamoDb.scan(scan), progress);
            progress.stepTook(started);
            if (page.isEmpty()) {
                return progress.stopped();
            }
            var scanned = page.get();
            var profiles = new ArrayList<Removal>();
            var orphans = new ArrayList<Removal>();
            for (var item : scanned.items()) {
                if (EmailClaims.isClaim(item)) {
                    orphans.add(new Removal(claims.releaseIfAbandoned(item), List.of()));
                } else {
                    profiles.add(profileWithClaim(item));
                }
            }
            progress.profilesScanned(profiles.size());
            if (!deleteTogether(profiles, progress, progress::profilesDeleted) || !deleteTogether(orphans, progress, progress::claimsReleased)) {
                return progress.stopped();
            }
            startKey = StartKey.after(scanned);
        } while (startKey != null);
        return progress.finished();
    }

    /**
     * The profile at the version scanned, with its claim. Should another profile hold the claim (two profiles with one
     * address, left by older code), the profile goes alone: it cannot take the claim without changing its version.
     * Keyed and conditioned on the attributes as scanned, never parsed into an id or a version: an id older code
     * accepted and {@code UserId} now refuses, or a hand-edited {@code version} or {@code incarnation}, is deleted all
     * the same, rather than failing every call that meets it or being left while the call answers "no more".
     */
    private Removal profileWithClaim(Map<String, AttributeValue> item) {
        var id = item.get(ID);
        var profile = TransactWriteItem.builder().delete(unchangedSinceScanned(item).delete(table, Map.of(ID, id))).build();
        if (!item.containsKey(EMAIL)) {
            return new Removal(List.of(profile), List.of());
        }
        var claim = TransactWriteItem.builder().delete(claims.release(item.get(EMAIL).s(), id)).build();
        return new Removal(List.of(profile, claim), List.of(profile));
    }

    /**
     * As {@link ProfileItems#unchangedSince}, on the attributes as they were scanned, each one as it was or still
     * absent: the count and incarnation (either may be missing: a profile from before incarnations, one whose
     * {@code version} a hand edit removed), and the claim's {@code owner}, which no profile the API writes has, so
     * that a claim put under the same key since the scan is not taken for it. The item must still be there: a delete
     * of nothing would count as one done.
     */
    private static WriteCondition unchangedSinceScanned(Map<String, AttributeValue> item) {
        var names = new HashMap<String, String>();
        var values = new HashMap<String, AttributeValue>();
        names.put("#id", ID);
        var condition = new StringBuilder("attribute_exists(#id)");
        asScanned(item, VERSION, "version", condition, names, values);
        asScanned(item, INCARNATION, "incarnation", condition, names, values);
        asScanned(item, EmailClaims.OWNER, "owner", condition, names, values);
        return new WriteCondition(condition.toString(), names, values);
    }

    private static void asScanned(Map<String, AttributeValue> item, String attribute, String placeholder, StringBuilder condition,
                                  Map<String, String> names, Map<String, AttributeValue> values) {
        names.put("#" + placeholder, attribute);
        var scanned = item.get(attribute);
        if (scanned == null) {
            condition.append(" AND attribute_not_exists(#").append(placeholder).append(')');
        } else {
            condition.append(" AND #").append(placeholder).append(" = :").append(placeholder);
            values.put(":" + placeholder, scanned);
        }
    }

    /** Items deleted all or nothing; {@code ifClaimTaken} is what to delete instead when only its claim's condition failed. */
    private record Removal(List<TransactWriteItem> items, List<TransactWriteItem> ifClaimTaken) {
    }

    /**
     * Runs deletions, each all or nothing, up to {@value #GROUPS_PER_TRANSACTION} to a transaction (never two touching
     * one item, which a transaction refuses), telling {@code done} how many each transaction did. A deletion whose
     * condition failed is dropped (or replaced by its {@code ifClaimTaken}) and the rest tried again. Answers false if
     * it stopped before the end: its time is up, or a store call stopped.
     */
    private boolean deleteTogether(List<Removal> deletions, SweepProgress progress, IntConsumer done) {
        for (var transaction : inTransactions(deletions)) {
            var pending = transaction;
            while (!pending.isEmpty()) {
                if (!progress.mayGoOn()) {
                    return false;
                }
                var items = new ArrayList<TransactWriteItem>();
                for (var deletion : pending) {
                    items.addAll(deletion.items());
                }
                var started = System.nanoTime();
                var written = transactions.writeInTime("delete users", items, progress);
                progress.stepTook(started);
                if (written.isEmpty()) {
                    return false;
                }
                var outcome = written.get();
                if (outcome.succeeded()) {
                    done.accept(pending.size());
                    break;
                }
                var position = 0;
                var retry = new ArrayList<Removal>();
                for (var deletion : pending) {
                    var first = position;
                    if (noneFailed(outcome, first, deletion.items().size())) {
                        retry.add(deletion);
                    } else if (!outcome.failed(first) && !deletion.ifClaimTaken().isEmpty()) {
                        retry.add(new Removal(deletion.ifClaimTaken(), List.of()));
                    }
                    position += deletion.items().size();
                }
                pending = retry;
            }
        }
        return true;
    }

    private static boolean noneFailed(TransactionOutcome outcome, int first, int count) {
        for (var index = first; index < first + count; index++) {
            if (outcome.failed(index)) {
                return false;
            }
        }
        return true;
    }

    private static List<List<Removal>> inTransactions(List<Removal> deletions) {
        var transactions = new ArrayList<List<Removal>>();
        var current = new ArrayList<Removal>();
        var keys = new HashSet<Map<String, AttributeValue>>();
        for (var group : deletions) {
            var groupKeys = new ArrayList<Map<String, AttributeValue>>();
            var overlaps = false;
            for (var item : group.items()) {
                var key = keyOf(item);
                groupKeys.add(key);
                overlaps |= keys.contains(key);
            }
            if (current.size() == GROUPS_PER_TRANSACTION || overlaps) {
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
}
