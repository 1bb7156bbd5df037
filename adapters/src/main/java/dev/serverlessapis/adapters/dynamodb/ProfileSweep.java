package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.call;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.EMAIL;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.ID;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.VERSION;
import static dev.serverlessapis.adapters.dynamodb.ProfileItems.key;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfiles.Sweep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Delete-all of table {@code user-profiles}: scans a page of {@value #PAGE} items at a time and deletes each profile
 * together with its email claim in one transaction, conditioned on the version scanned and on the claim's owner, so a
 * profile and its claim always leave together; a profile changed since the scan is left for the next call. A claim
 * whose owner no longer holds its address (left behind by an older version of this code) is deleted under a condition
 * check on that owner. Stops after the page during which the deadline passes.
 */
final class ProfileSweep {
    /** Items a delete-all call scans at a time: the unit of work it checks its deadline after. */
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
        long deleted = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            var exclusiveStart = startKey;
            var scanned = call("list users to delete", () -> dynamoDb.scan(scan -> scan
                    .tableName(table)
                    .consistentRead(true)
                    .limit(PAGE)
                    .exclusiveStartKey(exclusiveStart)
                    .projectionExpression("#id, #version, #email, #owner")
                    .expressionAttributeNames(Map.of("#id", ID, "#version", VERSION, "#email", EMAIL, "#owner", EmailClaims.OWNER))));
            var profiles = new ArrayList<Removal>();
            var orphans = new ArrayList<Removal>();
            for (var item : scanned.items()) {
                if (item.containsKey(VERSION)) {
                    profiles.add(profileWithClaim(item));
                } else if (EmailClaims.isClaim(item)) {
                    orphans.add(new Removal(claims.releaseIfAbandoned(item), List.of()));
                }
            }
            deleted += deleteTogether(profiles);
            deleteTogether(orphans);
            startKey = StartKey.after(scanned);
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
        var claim = TransactWriteItem.builder().delete(claims.release(item.get(EMAIL).s(), id)).build();
        return new Removal(List.of(profile, claim), List.of(profile));
    }

    /** Items deleted all or nothing; {@code ifClaimTaken} is what to delete instead when only its claim's condition failed. */
    private record Removal(List<TransactWriteItem> items, List<TransactWriteItem> ifClaimTaken) {
    }

    /**
     * Runs deletions, each all or nothing, up to {@value #GROUPS_PER_TRANSACTION} to a transaction (never two touching
     * one item, which a transaction refuses). A deletion whose condition failed is dropped (or replaced by its
     * {@code ifClaimTaken}) and the rest tried again. Answers how many deletions were done.
     */
    private int deleteTogether(List<Removal> deletions) {
        int deleted = 0;
        for (var transaction : inTransactions(deletions)) {
            var pending = transaction;
            while (!pending.isEmpty()) {
                var outcome = transactions.write("delete users", pending.stream().flatMap(deletion -> deletion.items().stream()).toList());
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

    private static List<List<Removal>> inTransactions(List<Removal> deletions) {
        var transactions = new ArrayList<List<Removal>>();
        var current = new ArrayList<Removal>();
        var keys = new HashSet<Map<String, AttributeValue>>();
        for (var group : deletions) {
            var groupKeys = group.items().stream().map(ProfileSweep::keyOf).toList();
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
}
