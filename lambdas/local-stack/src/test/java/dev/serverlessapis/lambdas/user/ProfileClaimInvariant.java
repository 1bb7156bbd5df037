package dev.serverlessapis.lambdas.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The link between profiles and email claims, checked over the whole of table {@code user-profiles}, read
 * consistently: every claim's owner exists and holds that address, and every profile's address is claimed by it.
 */
public final class ProfileClaimInvariant {
    private static final String TABLE = "user-profiles";

    private ProfileClaimInvariant() {
    }

    /** Every broken link, one line each; empty when the invariant holds. */
    public static List<String> violations(DynamoDbClient dynamoDb) {
        var emailOfProfile = new HashMap<String, String>();
        var ownerOfClaim = new HashMap<String, String>();
        dynamoDb.scanPaginator(scan -> scan.tableName(TABLE).consistentRead(true)).items().forEach(item -> {
            var id = item.get("id").s();
            if (item.containsKey("profile")) {
                emailOfProfile.put(id, item.containsKey("email") ? item.get("email").s() : null);
            } else {
                ownerOfClaim.put(id.substring("email#".length()), item.get("owner").s());
            }
        });
        var violations = new ArrayList<String>();
        ownerOfClaim.forEach((address, owner) -> {
            if (!emailOfProfile.containsKey(owner)) {
                violations.add("claim of " + address + " names " + owner + ", which does not exist");
            } else if (!address.equals(emailOfProfile.get(owner))) {
                violations.add("claim of " + address + " names " + owner + ", which holds " + emailOfProfile.get(owner));
            }
        });
        emailOfProfile.forEach((id, address) -> {
            if (address != null && !id.equals(ownerOfClaim.get(address))) {
                violations.add("profile " + id + " holds " + address + ", claimed by " + ownerOfClaim.get(address));
            }
        });
        return violations;
    }
}
