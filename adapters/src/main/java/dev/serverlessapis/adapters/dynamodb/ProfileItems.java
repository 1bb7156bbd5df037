package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.CREATED_BY;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.EMAIL;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.ID;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.PROFILE;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.VERSION;

import dev.serverlessapis.adapters.json.JsonCodec;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.Version;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A stored profile as an item of table {@code user-profiles}, and back (see {@link DynamoDbUserProfiles}). */
final class ProfileItems {
    private ProfileItems() {
    }

    static Map<String, AttributeValue> item(StoredProfile stored) {
        var item = new HashMap<String, AttributeValue>();
        item.put(ID, AttributeValue.fromS(stored.id().value()));
        item.put(PROFILE, AttributeValue.fromS(JsonCodec.write(stored.profile().members())));
        item.put(VERSION, version(stored.version()));
        if (stored.profile().email().isPresent()) {
            item.put(EMAIL, AttributeValue.fromS(stored.profile().email().get().normalized()));
        }
        if (stored.owner().isPresent()) {
            item.put(CREATED_BY, AttributeValue.fromS(stored.owner().get().handle()));
        }
        return item;
    }

    static StoredProfile stored(Map<String, AttributeValue> item) {
        var members = JsonCodec.parseObject(item.get(PROFILE).s());
        var createdBy = item.get(CREATED_BY);
        var owner = createdBy == null || createdBy.s() == null ? Optional.<ProfileOwner>empty() : Optional.of(new ProfileOwner(createdBy.s()));
        return new StoredProfile(UserProfile.of(members), new Version(Long.parseLong(item.get(VERSION).n())), owner);
    }

    /** The key of a profile, or of an email claim. */
    static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }

    static AttributeValue version(Version version) {
        return AttributeValue.fromN(Long.toString(version.value()));
    }
}
