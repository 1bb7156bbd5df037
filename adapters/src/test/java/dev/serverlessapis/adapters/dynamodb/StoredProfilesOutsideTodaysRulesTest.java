package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.JsonNumber;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.domain.user.Email;
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
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items today's rules would not write, against DynamoDB Local: an id older code accepted and {@code UserId} now
 * refuses, an email {@code Email} now refuses, an {@code incarnation} that is no valid name, a {@code version} that
 * does not parse, a blank owner. Delete-all, the one tool meant to clear the table, removes what it scanned whatever the item holds:
 * none may stop it or be left behind while it answers "no more". Such a profile's id and email are read back, not
 * input, so it reads and lists as stored.
 */
@ExtendWith(WithDynamoDbLocal.class)
class StoredProfilesOutsideTodaysRulesTest {
    private static final String TABLE = "user-profiles";
    /** Blank as {@code UnicodeText.isBlank} means it, not as {@code String.isBlank}: older code stored such ids. */
    private static final String NO_LONGER_VALID_ID = "\u00a0\u200b";

    private final DynamoDbClient dynamoDb;
    private final DynamoDbUserProfiles profiles;
    private final List<AttributeValue> put = new ArrayList<>();

    StoredProfilesOutsideTodaysRulesTest(LocalDynamoDb local) {
        this.dynamoDb = local.client();
        this.profiles = new DynamoDbUserProfiles(dynamoDb, TABLE, new SignedCursors("test-cursor-signing-key"));
    }

    /** Whatever a sweep left, so that no other test's sweep meets it. */
    @AfterEach
    void removeWhatWasPut() {
        for (var id : put) {
            dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(Map.of("id", id)));
        }
    }

    @Test
    void aProfileWhoseIdIsNoLongerValidIsDeleted() {
        put(profile(NO_LONGER_VALID_ID, AttributeValue.fromN("1"), null, null));

        assertThat(deleteAll().deleted()).isGreaterThanOrEqualTo(1);
        assertThat(stored(NO_LONGER_VALID_ID)).isFalse();
    }

    @Test
    void aProfileWhoseIdIsNoLongerValidIsDeletedWithItsClaim() {
        var email = UUID.randomUUID() + "@example.com";
        put(profile(NO_LONGER_VALID_ID, AttributeValue.fromN("2"), null, email));
        put(Map.of("id", s("email#" + email), "owner", s(NO_LONGER_VALID_ID)));

        assertThat(deleteAll().deleted()).isGreaterThanOrEqualTo(1);
        assertThat(stored(NO_LONGER_VALID_ID)).isFalse();
        assertThat(stored("email#" + email)).as("its claim").isFalse();
    }

    /** Ids are read back, not input: the profile lists as stored, and its email finds it, rather than failing for everyone. */
    @Test
    void aProfileWhoseIdIsNoLongerValidListsAsStored() {
        var email = UUID.randomUUID() + "@example.com";
        put(profile(NO_LONGER_VALID_ID, AttributeValue.fromN("1"), null, email));
        put(Map.of("id", s("email#" + email), "owner", s(NO_LONGER_VALID_ID)));

        assertThat(listedIds()).contains(NO_LONGER_VALID_ID);
        assertThat(profiles.findByEmail(new Email(email))).hasValueSatisfying(found -> assertThat(found.id().value()).isEqualTo(NO_LONGER_VALID_ID));
    }

    /** An email older rules accepted and {@code Email} now refuses (no dot after the {@code @}) is read back, not input. */
    @Test
    void aProfileWhoseEmailIsNoLongerValidReadsAndListsAsStored() {
        var id = UUID.randomUUID().toString();
        var email = UUID.randomUUID() + "@localhost";
        put(profile(id, AttributeValue.fromN("1"), null, email));
        put(Map.of("id", s("email#" + email), "owner", s(id)));

        assertThat(profiles.find(new UserId(id))).hasValueSatisfying(found -> {
            assertThat(found.profile().members()).containsEntry("email", email);
            assertThat(found.profile().email()).hasValueSatisfying(stored -> assertThat(stored.value()).isEqualTo(email));
        });
        assertThat(listedIds()).contains(id);
    }

    /**
     * A body whose {@code email} or {@code name} a hand edit made no string, or whose {@code email} it removed or
     * changed: the profile reads and lists as stored instead of answering 400 to everyone who lists, and its address
     * is the one the item's {@code email} attribute says its claim is under, so that deleting or replacing it frees or
     * moves that claim rather than leaving the address taken by nobody.
     */
    @Test
    void aProfileWhoseEmailOrNameAHandEditChangedReadsListsAndFreesItsClaim() {
        var numbered = UUID.randomUUID().toString();
        var numberedAddress = claimedProfile(numbered, "\"email\":42,\"name\":{\"first\":\"Ada\"}");
        var removed = UUID.randomUUID().toString();
        var removedAddress = claimedProfile(removed, "\"name\":\"Grace\"");
        var changed = UUID.randomUUID().toString();
        var changedTo = UUID.randomUUID() + "@example.com";
        var changedAddress = claimedProfile(changed, "\"email\":\"" + changedTo + "\"");
        var holder = UUID.randomUUID().toString();
        put(Map.of("id", s("email#" + changedTo), "owner", s(holder)));
        var unclaimed = UUID.randomUUID().toString();
        put(withBody(unclaimed, "{\"id\":\"" + unclaimed + "\",\"email\":[true],\"name\":7}"));

        var foundNumbered = profiles.find(new UserId(numbered)).orElseThrow();
        assertThat(foundNumbered.profile().email()).hasValueSatisfying(email -> assertThat(email.normalized()).isEqualTo(numberedAddress));
        assertThat(foundNumbered.profile().members()).as("as stored")
                .containsExactly(Map.entry("id", numbered), Map.entry("email", new JsonNumber("42")), Map.entry("name", Map.of("first", "Ada")));
        var foundRemoved = profiles.find(new UserId(removed)).orElseThrow();
        assertThat(foundRemoved.profile().email()).hasValueSatisfying(email -> assertThat(email.normalized()).isEqualTo(removedAddress));
        assertThat(foundRemoved.profile().members()).containsExactly(Map.entry("id", removed), Map.entry("name", "Grace"));
        var foundChanged = profiles.find(new UserId(changed)).orElseThrow();
        assertThat(foundChanged.profile().email()).hasValueSatisfying(email -> assertThat(email.normalized()).isEqualTo(changedAddress));
        var foundUnclaimed = profiles.find(new UserId(unclaimed)).orElseThrow();
        assertThat(foundUnclaimed.profile().email()).isEmpty();
        assertThat(foundUnclaimed.profile().members()).containsEntry("email", List.of(true)).containsEntry("name", new JsonNumber("7"));
        assertThat(listedIds()).contains(numbered, removed, changed, unclaimed);
        assertThat(profiles.findByEmail(Email.stored(changedAddress))).as("found by its claim's address")
                .hasValueSatisfying(found -> assertThat(found.id().value()).isEqualTo(changed));

        assertThat(profiles.delete(foundNumbered)).isInstanceOf(UserProfiles.Deleted.class);
        assertThat(stored("email#" + numberedAddress)).as("its claim, freed").isFalse();
        assertThat(profiles.delete(foundChanged)).isInstanceOf(UserProfiles.Deleted.class);
        assertThat(stored("email#" + changedAddress)).as("the claim it held").isFalse();
        assertThat(item("email#" + changedTo)).as("the address its body named, another's claim").containsEntry("owner", s(holder));
        var movedTo = UUID.randomUUID() + "@example.com";
        put.add(s("email#" + movedTo));
        assertThat(profiles.replace(foundRemoved, UserProfile.of(Map.of("id", removed, "email", movedTo))))
                .isInstanceOf(UserProfiles.Replaced.class);
        assertThat(stored("email#" + removedAddress)).as("the claim it moved from").isFalse();
        assertThat(item("email#" + movedTo)).containsEntry("owner", s(removed));
        var given = UUID.randomUUID() + "@example.com";
        put.add(s("email#" + given));
        assertThat(profiles.replace(foundUnclaimed, UserProfile.of(Map.of("id", unclaimed, "email", given))))
                .isInstanceOf(UserProfiles.Replaced.class);
        assertThat(item("email#" + given)).containsEntry("owner", s(unclaimed));
    }

    /** A profile at count 1 with the given body members after its id, its email attribute and the claim it names. */
    private String claimedProfile(String id, String members) {
        var address = UUID.randomUUID() + "@example.com";
        var item = profile(id, AttributeValue.fromN("1"), null, address);
        item.put("profile", s("{\"id\":\"" + id + "\"," + members + "}"));
        put(item);
        put(Map.of("id", s("email#" + address), "owner", s(id)));
        return address;
    }

    /**
     * A blank {@code created-by}, which only a hand edit or another tool stores (the API writes the caller's handle or
     * nothing), is no owner: the profile reads and lists as one created before ownership was kept, its admins' alone,
     * instead of failing every read and list that meets it.
     */
    @Test
    void aProfileWhoseOwnerIsBlankReadsAndListsWithoutOne() {
        var empty = UUID.randomUUID().toString();
        var spaces = UUID.randomUUID().toString();
        var withEmpty = profile(empty, AttributeValue.fromN("1"), null, null);
        withEmpty.put("created-by", s(""));
        put(withEmpty);
        var withSpaces = profile(spaces, AttributeValue.fromN("1"), null, null);
        withSpaces.put("created-by", s("  "));
        put(withSpaces);

        assertThat(profiles.find(new UserId(empty))).hasValueSatisfying(found -> assertThat(found.owner()).isEmpty());
        assertThat(profiles.find(new UserId(spaces))).hasValueSatisfying(found -> assertThat(found.owner()).isEmpty());
        assertThat(listedIds()).contains(empty, spaces);
    }

    private List<String> listedIds() {
        var listed = new ArrayList<String>();
        var cursor = Optional.<String>empty();
        do {
            var page = profiles.list(new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (var stored : page.items()) {
                listed.add(stored.id().value());
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return listed;
    }

    /** Read as unnamed, its condition would ask for no incarnation at all, which the item has. */
    @Test
    void aProfileWhoseIncarnationIsNoNameIsDeleted() {
        var id = UUID.randomUUID().toString();
        put(profile(id, AttributeValue.fromN("1"), "edited by \"hand\", badly", null));

        assertThat(deleteAll().deleted()).isGreaterThanOrEqualTo(1);
        assertThat(stored(id)).isFalse();
    }

    @Test
    void profilesWhoseVersionDoesNotParseAreDeleted() {
        var zero = UUID.randomUUID().toString();
        var fraction = UUID.randomUUID().toString();
        var text = UUID.randomUUID().toString();
        put(profile(zero, AttributeValue.fromN("0"), "an-incarnation", null));
        put(profile(fraction, AttributeValue.fromN("1.5"), null, null));
        put(profile(text, s("one"), "an-incarnation", null));
        var missing = UUID.randomUUID().toString();
        var email = UUID.randomUUID() + "@example.com";
        var withoutVersion = profile(missing, AttributeValue.fromN("1"), null, email);
        withoutVersion.remove("version");
        put(withoutVersion);
        put(Map.of("id", s("email#" + email), "owner", s(missing)));

        assertThat(deleteAll().deleted()).isGreaterThanOrEqualTo(4);
        assertThat(stored(zero)).isFalse();
        assertThat(stored(fraction)).isFalse();
        assertThat(stored(text)).isFalse();
        assertThat(stored(missing)).as("a profile without a version").isFalse();
        assertThat(stored("email#" + email)).as("its claim").isFalse();
    }

    /**
     * A {@code version} that is no count (0, a fraction, more digits than a tag spells, text, missing), which only a hand
     * edit or another tool stores, does not fail every read and list that meets the profile: it reads as it would
     * have been created, and every conditional write of it fails in DynamoDB, whose condition asks for a count the item
     * does not hold, until the attribute is repaired (delete-all still removes it).
     */
    @Test
    void profilesWhoseVersionIsNoCountReadAndListButAreNotOverwritten() {
        var ids = new ArrayList<String>();
        for (var version : List.of(AttributeValue.fromN("0"), AttributeValue.fromN("1.5"), AttributeValue.fromN("-2"),
                AttributeValue.fromN("1000000000000000000"), AttributeValue.fromN("9223372036854775807"),
                AttributeValue.fromN("9223372036854775808"), s("one"))) {
            var id = UUID.randomUUID().toString();
            put(profile(id, version, null, null));
            ids.add(id);
        }
        var missing = UUID.randomUUID().toString();
        var withoutVersion = profile(missing, AttributeValue.fromN("1"), null, null);
        withoutVersion.remove("version");
        put(withoutVersion);
        ids.add(missing);

        assertThat(listedIds()).containsAll(ids);
        for (var id : ids) {
            var found = profiles.find(new UserId(id));
            assertThat(found).as(id).isPresent();
            var before = item(id);
            var replacement = UserProfile.of(Map.of("id", id, "name", "overwritten"));
            assertThat(profiles.replace(found.get(), replacement)).as(id).isInstanceOf(UserProfiles.Changed.class);
            assertThat(profiles.delete(found.get())).as(id).isInstanceOf(UserProfiles.Changed.class);
            assertThat(item(id))
                    .as("left as it was").isEqualTo(before);
        }
    }

    /**
     * DynamoDB keeps numbers normalized, so a whole number stored in another spelling ({@code 2.0}, {@code 2E0}) comes
     * back as digits alone, and is that count: its writes go through.
     */
    @Test
    void aWholeNumberSpelledOtherwiseIsItsCount() {
        for (var spelled : List.of("2.0", "2E0", "0.2E1")) {
            var id = UUID.randomUUID().toString();
            put(profile(id, AttributeValue.fromN(spelled), null, null));

            var found = profiles.find(new UserId(id)).orElseThrow();
            assertThat(found.version().count()).as(spelled).isEqualTo(2);
            assertThat(profiles.replace(found, UserProfile.of(Map.of("id", id, "name", "replaced")))).as(spelled)
                    .isInstanceOf(UserProfiles.Replaced.class);
        }
    }

    /**
     * A body whose {@code id} member names another profile than its key, or none (a hand edit): the key is the
     * profile's id, so a write decided on it goes to its own item and never to the one the body names, even where
     * both are of the unnamed incarnation at the same count, which a condition alone would not tell apart.
     */
    @Test
    void theKeyIsTheProfilesIdWhateverItsBodySays() {
        var other = UUID.randomUUID().toString();
        put(profile(other, AttributeValue.fromN("1"), null, null));
        var misnamed = UUID.randomUUID().toString();
        put(withBody(misnamed, "{\"name\":\"Ada\",\"id\":\"" + other + "\"}"));
        var unnamed = UUID.randomUUID().toString();
        put(withBody(unnamed, "{\"name\":\"Grace\"}"));
        var numbered = UUID.randomUUID().toString();
        put(withBody(numbered, "{\"id\":7,\"name\":\"Edsger\"}"));

        var found = profiles.find(new UserId(misnamed)).orElseThrow();
        assertThat(found.id().value()).isEqualTo(misnamed);
        assertThat(found.profile().members()).containsExactly(Map.entry("name", "Ada"), Map.entry("id", misnamed));
        assertThat(profiles.find(new UserId(unnamed)).orElseThrow().profile().members()).as("as a create without it stores it")
                .containsExactly(Map.entry("id", unnamed), Map.entry("name", "Grace"));
        var foundNumbered = profiles.find(new UserId(numbered)).orElseThrow();
        assertThat(foundNumbered.profile().members()).containsExactly(Map.entry("id", numbered), Map.entry("name", "Edsger"));
        assertThat(listedIds()).contains(misnamed, unnamed, numbered);

        var otherBefore = item(other);
        assertThat(profiles.replace(foundNumbered, UserProfile.of(Map.of("id", numbered, "name", "Replaced"))))
                .isInstanceOf(UserProfiles.Replaced.class);
        assertThat(profiles.find(new UserId(numbered)).orElseThrow().profile().members()).containsEntry("name", "Replaced");
        assertThat(profiles.delete(found)).isInstanceOf(UserProfiles.Deleted.class);
        assertThat(stored(misnamed)).isFalse();
        assertThat(item(other))
                .as("the profile its body named, untouched").isEqualTo(otherBefore);
    }

    /** The 50 members are a limit on what a request may send: a stored body of more, or of 50 without its id, reads. */
    @Test
    void aBodyOfMoreMembersThanARequestMaySendReads() {
        var id = UUID.randomUUID().toString();
        var body = new StringBuilder("{");
        for (int i = 0; i < UserProfile.MAX_MEMBERS; i++) {
            body.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":").append(i);
        }
        put(withBody(id, body.append('}').toString()));

        var members = profiles.find(new UserId(id)).orElseThrow().profile().members();
        assertThat(members).hasSize(UserProfile.MAX_MEMBERS + 1).containsEntry("id", id);
        assertThat(listedIds()).contains(id);
    }

    /**
     * A body that is no JSON object's text, or no text at all (only a hand edit or another tool stores one), cannot be
     * given back: reading it fails naming the item, so the 500 its read and every list meeting it answer is logged with
     * what to repair, and delete-all, which reads no body, removes it.
     */
    @Test
    void aBodyThatIsNoJsonObjectFailsItsReadsNamingTheItemAndIsDeleted() {
        var text = UUID.randomUUID().toString();
        put(withBody(text, "{\"id\":\"" + text + "\",}"));
        var array = UUID.randomUUID().toString();
        put(withBody(array, "[\"" + array + "\"]"));
        var number = UUID.randomUUID().toString();
        var numbered = withBody(number, "");
        numbered.put("profile", AttributeValue.fromN("1"));
        put(numbered);

        for (var id : List.of(text, array, number)) {
            assertThatThrownBy(() -> profiles.find(new UserId(id))).as(id)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(id).hasMessageContaining("profile");
        }
        deleteAll();
        assertThat(stored(text)).isFalse();
        assertThat(stored(array)).isFalse();
        assertThat(stored(number)).isFalse();
    }

    /** A list meeting a body that is no text fails naming the item too, before it counts the page's bytes of text. */
    @Test
    void aListMeetingABodyThatIsNoTextFailsNamingTheItem() {
        var number = UUID.randomUUID().toString();
        var numbered = withBody(number, "");
        numbered.put("profile", AttributeValue.fromN("1"));
        put(numbered);

        assertThatThrownBy(() -> {
            Optional<String> cursor = Optional.empty();
            do {
                cursor = profiles.list(new PageRequest(PageRequest.MAX_LIMIT, cursor)).nextCursor();
            } while (cursor.isPresent());
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining(number).hasMessageContaining("no text");
    }

    /** An {@code owner}, the claims' attribute, put on a profile by a hand edit does not make it a claim. */
    @Test
    void aProfileWithAnOwnerAttributeIsDeletedWithItsClaim() {
        var id = "p" + UUID.randomUUID().toString().substring(0, 3);
        var email = UUID.randomUUID() + "@example.com";
        var withOwner = profile(id, AttributeValue.fromN("1"), null, email);
        withOwner.put("owner", s("someone"));
        put(withOwner);
        put(Map.of("id", s("email#" + email), "owner", s(id)));

        deleteAll();
        assertThat(stored(id)).isFalse();
        assertThat(stored("email#" + email)).as("its claim").isFalse();
    }

    /**
     * Items in the claims' key space whose owner no profile could have (empty, a claim's id, its own id, longer than a
     * key may be): released as
     * claims, each would key a condition check on what DynamoDB refuses, failing every sweep; as the profiles they are
     * to the sweep, they are deleted.
     */
    @Test
    void claimsWhoseOwnerIsNoProfileIdAreDeleted() {
        var empty = "email#" + UUID.randomUUID() + "@example.com";
        var another = "email#" + UUID.randomUUID() + "@example.com";
        var itself = "email#" + UUID.randomUUID() + "@example.com";
        put(Map.of("id", s(empty), "owner", s("")));
        put(Map.of("id", s(another), "owner", s("email#someone@example.com")));
        put(Map.of("id", s(itself), "owner", s(itself)));
        var tooLong = "email#" + UUID.randomUUID() + "@example.com";
        put(Map.of("id", s(tooLong), "owner", s("a".repeat(2049))));

        deleteAll();
        assertThat(stored(tooLong)).isFalse();
        assertThat(stored(empty)).isFalse();
        assertThat(stored(another)).isFalse();
        assertThat(stored(itself)).isFalse();
    }

    /** Attributes of a type other than the API writes (NULL, a list): DynamoDB's {@code =} compares every type. */
    @Test
    void profilesWhoseVersionOrIncarnationIsOfAnotherTypeAreDeleted() {
        var nullIncarnation = UUID.randomUUID().toString();
        var listVersion = UUID.randomUUID().toString();
        var withNull = profile(nullIncarnation, AttributeValue.fromN("1"), null, null);
        withNull.put(DynamoDbUserProfiles.INCARNATION, AttributeValue.fromNul(true));
        put(withNull);
        put(profile(listVersion, AttributeValue.fromL(java.util.List.of(s("1"))), "an-incarnation", null));

        assertThat(deleteAll().deleted()).isGreaterThanOrEqualTo(2);
        assertThat(stored(nullIncarnation)).isFalse();
        assertThat(stored(listVersion)).isFalse();
    }

    private UserProfiles.Sweep deleteAll() {
        var sweep = profiles.deleteAll(Deadline.in(Duration.ofMinutes(1), Clock.systemUTC()));
        assertThat(sweep.more()).isFalse();
        return sweep;
    }

    private static Map<String, AttributeValue> profile(String id, AttributeValue version, String incarnation, String email) {
        var item = new HashMap<String, AttributeValue>();
        item.put("id", s(id));
        item.put("profile", s(email == null ? "{\"id\":\"" + id + "\"}" : "{\"id\":\"" + id + "\",\"email\":\"" + email + "\"}"));
        item.put("version", version);
        item.put("created-by", s("ada"));
        if (incarnation != null) {
            item.put(DynamoDbUserProfiles.INCARNATION, s(incarnation));
        }
        if (email != null) {
            item.put("email", s(email));
        }
        return item;
    }

    /** A profile at count 1, without an incarnation or an email attribute, whose body is as given: a hand edit's. */
    private static Map<String, AttributeValue> withBody(String id, String body) {
        var item = profile(id, AttributeValue.fromN("1"), null, null);
        item.put("profile", s(body));
        return item;
    }

    private boolean stored(String id) {
        return !item(id).isEmpty();
    }

    /** The item as stored, read consistently; empty when there is none. */
    private Map<String, AttributeValue> item(String id) {
        return dynamoDb.getItem(get -> get.tableName(TABLE).consistentRead(true).key(Map.of("id", s(id)))).item();
    }

    private void put(Map<String, AttributeValue> item) {
        put.add(item.get("id"));
        dynamoDb.putItem(put -> put.tableName(TABLE).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
