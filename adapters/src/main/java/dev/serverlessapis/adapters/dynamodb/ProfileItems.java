package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.CREATED_BY;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.EMAIL;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.ID;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.INCARNATION;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.PROFILE;
import static dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.VERSION;

import dev.serverlessapis.adapters.invocation.Invocation;
import dev.serverlessapis.adapters.json.JsonCodec;
import dev.serverlessapis.domain.user.Email;
import dev.serverlessapis.domain.user.Incarnation;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.Version;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A stored profile as an item of table {@code user-profiles}, and back (see {@link DynamoDbUserProfiles}). */
final class ProfileItems {
    private ProfileItems() {
    }

    static Map<String, AttributeValue> item(StoredProfile stored) {
        var item = new HashMap<String, AttributeValue>();
        item.put(ID, AttributeValue.fromS(stored.id().value()));
        item.put(PROFILE, AttributeValue.fromS(JsonCodec.write(stored.profile().members())));
        item.put(VERSION, AttributeValue.fromN(Long.toString(stored.version().count())));
        if (stored.version().incarnation().isNamed()) {
            item.put(INCARNATION, AttributeValue.fromS(stored.version().incarnation().name()));
        }
        if (stored.profile().email().isPresent()) {
            item.put(EMAIL, AttributeValue.fromS(stored.profile().email().get().normalized()));
        }
        if (stored.owner().isPresent()) {
            item.put(CREATED_BY, AttributeValue.fromS(stored.owner().get().handle()));
        }
        return item;
    }

    /**
     * The key is the profile's id: a body whose {@code id} member names another or is no string, which only a hand
     * edit writes, is read with the key's id in that member, and one without it with the key's id first, as a create
     * or replace without it stores it; every write decided on the profile is keyed on its id, and would otherwise go
     * to the item the body names. The item's {@code email} attribute, written with every claim, is the address the
     * profile's claim is under, whatever a hand edit did to the body's {@code email} member.
     */
    static StoredProfile stored(Map<String, AttributeValue> item) {
        var id = item.get(ID).s();
        var body = body(id, item.get(PROFILE));
        var members = body;
        if (!body.containsKey(UserProfile.ID)) {
            members = new LinkedHashMap<>();
            members.put(UserProfile.ID, id);
            members.putAll(body);
        } else if (!id.equals(body.get(UserProfile.ID))) {
            members = new LinkedHashMap<>(body);
            members.put(UserProfile.ID, id);
        }
        var claimedUnder = item.get(EMAIL);
        var claimed = claimedUnder == null || claimedUnder.s() == null ? Optional.<Email>empty() : Optional.of(Email.stored(claimedUnder.s()));
        var createdBy = item.get(CREATED_BY);
        var owner = createdBy == null ? Optional.<ProfileOwner>empty() : ProfileOwner.stored(createdBy.s());
        return new StoredProfile(UserProfile.stored(members, claimed), version(item), owner);
    }

    /**
     * A body that is no JSON object's text cannot be given back, so its profile fails every read and list that meets
     * it; the failure names the item, which a hand edit or another tool has to repair (delete-all, which reads no body,
     * removes it).
     */
    private static Map<String, Object> body(String id, AttributeValue profile) {
        if (profile.s() == null) {
            throw new IllegalStateException("the item " + id + " holds a " + PROFILE + " that is no text");
        }
        try {
            return JsonCodec.parseStoredObject(profile.s());
        } catch (JsonCodec.Malformed malformed) {
            throw new IllegalStateException("the item " + id + " holds a " + PROFILE + " that " + malformed.getMessage(), malformed);
        }
    }

    /**
     * An item written before incarnations were kept has none: it is of {@link Incarnation#UNNAMED}. So is one whose
     * {@code incarnation} is no valid name, which only a hand edit or another tool can store: read as it is, it could
     * not travel in a tag, and failing would fail every read and list that meets the item. Read as unnamed, the
     * profile still reads and lists, and no tag ever writes it: {@link #unchangedSince} then asks for no
     * {@code incarnation} at all, which the item has, so every conditional write of it fails, also one a stale
     * unnamed tag got past the use case's check, until the attribute is repaired or removed. Delete-all reads no
     * version: it conditions on the attributes as scanned ({@link ProfileSweep}), and so removes the item.
     */
    static Version version(Map<String, AttributeValue> item) {
        var stored = item.get(INCARNATION);
        var name = stored == null ? null : stored.s();
        var incarnation = name != null && Incarnation.isValidName(name) ? Incarnation.named(name) : Incarnation.UNNAMED;
        return new Version(incarnation, count(item.get(VERSION)));
    }

    /**
     * The stored count, or 1 for a {@code version} that holds none (0, a fraction, a number past what a tag spells,
     * text, nothing), which only a hand edit or another tool stores: as for an invalid {@code incarnation}, the
     * profile still reads and lists, and {@link #unchangedSince} then asks for a count the item does not hold, so
     * every conditional write of it fails until the attribute is repaired. DynamoDB trims a number's leading and
     * trailing zeros (and DynamoDB Local answers {@code 2.0} and {@code 2E0} as {@code 2}), so a whole number arrives
     * as digits alone.
     */
    private static long count(AttributeValue version) {
        var number = version == null ? null : version.n();
        if (number == null) {
            return 1;
        }
        try {
            var count = Long.parseLong(number);
            return count >= 1 && count <= Version.MAX_COUNT ? count : 1;
        } catch (NumberFormatException noWholeNumber) {
            return 1;
        }
    }

    /**
     * A name no incarnation of any profile had before ({@link Invocation#nextUniqueName()}): drawn from the invocation,
     * not from a clock or a random generator, so it is unique across instances and SnapStart restores alike. Lambda's
     * {@code awsRequestId} is a UUID, which always makes a valid name; an id that does not (a caller outside Lambda
     * passing spaces, quotes, commas or a long id) gets a random UUID instead, so that its creates are not 500s.
     */
    static Incarnation newIncarnation() {
        var name = Invocation.nextUniqueName();
        return Incarnation.named(Incarnation.isValidName(name) ? name : UUID.randomUUID().toString());
    }

    /**
     * Optimistic locking: the write happens only while the stored version is still {@code version}, of its very
     * incarnation. A profile deleted and created again may have reached the same count; its incarnation then differs,
     * or, where {@code version} is of an item older code wrote, it has one where that item had none.
     */
    static WriteCondition unchangedSince(Version version) {
        var count = AttributeValue.fromN(Long.toString(version.count()));
        var names = Map.of("#version", VERSION, "#incarnation", INCARNATION);
        if (!version.incarnation().isNamed()) {
            return new WriteCondition("#version = :count AND attribute_not_exists(#incarnation)", names, Map.of(":count", count));
        }
        return new WriteCondition("#version = :count AND #incarnation = :incarnation", names,
                Map.of(":count", count, ":incarnation", AttributeValue.fromS(version.incarnation().name())));
    }

    /** The key of a profile, or of an email claim. */
    static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }
}
