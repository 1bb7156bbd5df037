package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.EMAIL;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.ID;
import static dev.serverlessapis.adapters.dynamodb.ProfileItems.key;

import dev.serverlessapis.domain.user.Email;
import dev.serverlessapis.domain.user.UserId;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The email claims of table {@code user-profiles}. A secondary index cannot keep emails unique, so each email is also
 * claimed by a second kind of item in the same table, key {@code email#<lower-case email>}, holding its
 * {@value #OWNER}'s id. The claim is written, moved and freed in the same transaction as the profile, each step
 * conditional, so two profiles never hold one address. Profile ids cannot start with {@code email#}, and claims have
 * neither {@code profile} nor {@code email}, so they never show up as profiles, neither in listings nor in the index.
 */
final class EmailClaims {
    /** The id of the profile holding the address: the one attribute of a claim besides its key. */
    static final String OWNER = "owner";
    /** DynamoDB's limit on a partition key's value. */
    private static final int MAX_KEY_BYTES = 2048;

    private final String table;

    EmailClaims(String table) {
        this.table = table;
    }

    /** Written only while nobody holds the address. */
    Put claim(Email email, UserId owner) {
        return Put.builder().tableName(table)
                .item(Map.of(ID, AttributeValue.fromS(claimId(email.normalized())), OWNER, AttributeValue.fromS(owner.value())))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", ID))
                .build();
    }

    /**
     * A claim already gone (a delete-all ran meanwhile) is no reason to refuse freeing it. One that another profile
     * holds fails the condition; with the profile's own condition met, that is no concurrent change but two profiles
     * with one address (left by older code or a manual edit), which no retry cures: the profile is then written or
     * deleted without it, and the claim stays its holder's.
     */
    Delete release(Email email, UserId owner) {
        return release(email.normalized(), AttributeValue.fromS(owner.value()));
    }

    /**
     * As {@link #release(Email, UserId)}, for the lower-case address and the id a scanned profile item holds, taken as
     * stored: delete-all removes a profile whose id {@code UserId} no longer accepts, with its claim.
     */
    Delete release(String normalizedAddress, AttributeValue owner) {
        return Delete.builder().tableName(table)
                .key(key(claimId(normalizedAddress)))
                .conditionExpression("attribute_not_exists(#id) OR #owner = :owner")
                .expressionAttributeNames(Map.of("#id", ID, "#owner", OWNER))
                .expressionAttributeValues(Map.of(":owner", owner))
                .build();
    }

    /**
     * A claim item found on its own (left behind by an older version of this code), deleted all or nothing with a
     * check that its owner is gone or holds another address, so a claim still in use stays.
     */
    List<TransactWriteItem> releaseIfAbandoned(Map<String, AttributeValue> claim) {
        var claimId = claim.get(ID).s();
        var owner = claim.get(OWNER);
        return List.of(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(Map.of(ID, owner))
                        .conditionExpression("attribute_not_exists(#id) OR attribute_not_exists(#email) OR #email <> :address")
                        .expressionAttributeNames(Map.of("#id", ID, "#email", EMAIL))
                        .expressionAttributeValues(Map.of(":address", AttributeValue.fromS(claimId.substring(UserId.RESERVED_PREFIX.length()))))
                        .build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(claimId))
                        .conditionExpression("#owner = :owner")
                        .expressionAttributeNames(Map.of("#owner", OWNER))
                        .expressionAttributeValues(Map.of(":owner", owner))
                        .build()).build());
    }

    /**
     * A claim is keyed in the claims' key space and names its owner's id; an item with only one of the two, or with an
     * owner no profile could have (a hand edit), is none, so that no profile is released as a claim and no claim check
     * is keyed on what DynamoDB refuses as a key (an empty string, more than {@value #MAX_KEY_BYTES} bytes, or the
     * claim itself, which would put two operations on one item), which would fail the whole transaction.
     */
    static boolean isClaim(Map<String, AttributeValue> item) {
        var id = item.get(ID);
        var owner = item.get(OWNER);
        if (id == null || id.s() == null || !id.s().startsWith(UserId.RESERVED_PREFIX) || owner == null || owner.s() == null) {
            return false;
        }
        var ownerId = owner.s();
        return !ownerId.isEmpty() && !ownerId.startsWith(UserId.RESERVED_PREFIX)
                && Utf8.length(ownerId) <= MAX_KEY_BYTES;
    }

    private static String claimId(String normalizedAddress) {
        return UserId.RESERVED_PREFIX + normalizedAddress;
    }
}
