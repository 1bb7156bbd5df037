package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.JsonStrings;
import dev.serverlessapis.domain.shared.UnicodeText;
import dev.serverlessapis.domain.shared.Violations;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A profile: the client's JSON object, member for member and in the client's order. The domain reads only
 * {@code id}, {@code email} and {@code name}; every other member is carried as the transport parsed it (strings,
 * numbers as {@link dev.serverlessapis.domain.shared.JsonNumber}, booleans, null, lists and maps) and given back
 * unchanged.
 */
public record UserProfile(UserId id, Optional<Email> email, Map<String, Object> members) {
    public static final int MAX_MEMBERS = 50;
    public static final String ID = "id";
    public static final String EMAIL = "email";
    public static final String NAME = "name";

    public UserProfile {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        if (!id.value().equals(members.get(ID))) {
            throw new IllegalArgumentException("the id member must be the profile's id");
        }
    }

    /** Validates a complete profile, {@code id} included, reporting every invalid member at once. */
    public static UserProfile of(Map<String, Object> members) {
        return of(members, true, Optional.empty());
    }

    /**
     * A profile read back from the store: its id, when it is a string, and its address are taken as stored
     * ({@link UserId#stored}, {@link Email#stored}), so a profile stored under an id older rules accepted, or with an
     * address a hand edit wrote, still reads and lists rather than failing every read and list that meets it, and so
     * does one of more than {@value #MAX_MEMBERS} members (a limit on what a request may send). An {@code email} or a
     * {@code name} that is no string is given back as stored too, and so is text with an unpaired surrogate, which
     * JSON can escape and input may not hold: only a hand edit writes any of these, and a read is no request to refuse.
     *
     * @param claimed the address the store keeps this profile's email claim under, beside its body (in lower case).
     *                It is the profile's address whatever a hand edit did to the body's {@code email}, so that
     *                replacing or deleting the profile moves or frees that claim rather than leaving it taken by
     *                nobody; without one, the body's {@code email} is the address when it is a string
     */
    public static UserProfile stored(Map<String, Object> members, Optional<Email> claimed) {
        return of(members, false, claimed);
    }

    private static UserProfile of(Map<String, Object> members, boolean input, Optional<Email> claimed) {
        var violations = new Violations();
        if (input && members.size() > MAX_MEMBERS) {
            violations.add("body", "must have at most " + MAX_MEMBERS + " members, id included, also an id the server assigns; it has "
                    + members.size());
        }
        var id = !input && members.get(ID) instanceof String storedId
                ? Optional.of(UserId.stored(storedId))
                : violations.check(() -> new UserId(JsonStrings.present(ID, members.get(ID))));
        Optional<Email> email;
        if (input) {
            email = members.containsKey(EMAIL)
                    ? violations.check(() -> new Email(JsonStrings.present(EMAIL, members.get(EMAIL))))
                    : Optional.empty();
            if (members.containsKey(NAME)) {
                violations.check(() -> JsonStrings.present(NAME, members.get(NAME)));
            }
            checkText(members, violations);
        } else if (claimed.isPresent()) {
            email = claimed;
        } else {
            email = members.get(EMAIL) instanceof String storedEmail ? Optional.of(Email.stored(storedEmail)) : Optional.empty();
        }
        violations.throwIfAny();
        return new UserProfile(id.orElseThrow(), email, members);
    }

    /** Every member's name, and its text (strings anywhere inside it, names of nested objects), must be valid Unicode. */
    private static void checkText(Map<String, Object> members, Violations violations) {
        for (var member : members.entrySet()) {
            var name = member.getKey();
            if (!UnicodeText.isValid(name)) {
                violations.add("body", "has a member name that is not valid Unicode text (an unpaired surrogate)");
            } else if (!ID.equals(name) && !EMAIL.equals(name) && !isValidText(member.getValue())) {
                violations.add(name, "must be valid Unicode text (it holds an unpaired surrogate)");
            }
        }
    }

    /** Strings anywhere inside a member, and the names of nested objects, must be valid Unicode. */
    private static boolean isValidText(Object value) {
        if (value instanceof String text) {
            return UnicodeText.isValid(text);
        }
        if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                if (!isValidText(entry.getKey()) || !isValidText(entry.getValue())) {
                    return false;
                }
            }
        } else if (value instanceof Iterable<?> list) {
            for (var element : list) {
                if (!isValidText(element)) {
                    return false;
                }
            }
        }
        return true;
    }
}
