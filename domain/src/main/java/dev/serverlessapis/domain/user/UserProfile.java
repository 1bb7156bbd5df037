package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.UnicodeText;
import dev.serverlessapis.domain.shared.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * A profile: the client's JSON object, member for member and in the client's order. The domain reads only
 * {@code id}, {@code email} and {@code name}; every other member is carried as the transport parsed it (strings,
 * numbers, booleans, null, lists and maps) and given back unchanged.
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
        var violations = new ArrayList<Violation>();
        if (members.size() > MAX_MEMBERS) {
            violations.add(new Violation("body", "must have at most " + MAX_MEMBERS + " members, id included; it has " + members.size()));
        }
        UserId id = null;
        Optional<Email> email = Optional.empty();
        try {
            id = UserId.fromMember(members.get(ID));
        } catch (InvalidInputException invalid) {
            violations.addAll(invalid.violations());
        }
        try {
            email = members.containsKey(EMAIL) ? Optional.of(emailOf(members.get(EMAIL))) : Optional.empty();
        } catch (InvalidInputException invalid) {
            violations.addAll(invalid.violations());
        }
        if (members.containsKey(NAME) && !(members.get(NAME) instanceof String)) {
            violations.add(new Violation(NAME, "must be a string"));
        }
        members.forEach((name, value) -> {
            if (!UnicodeText.isValid(name)) {
                violations.add(new Violation("body", "has a member name that is not valid Unicode text (an unpaired surrogate)"));
            } else if (!ID.equals(name) && !EMAIL.equals(name) && !isValidText(value)) {
                violations.add(new Violation(name, "must be valid Unicode text (it holds an unpaired surrogate)"));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new UserProfile(id, email, members);
    }

    /** Strings anywhere inside a member, and the names of nested objects, must be valid Unicode. */
    private static boolean isValidText(Object value) {
        return switch (value) {
            case String text -> UnicodeText.isValid(text);
            case Map<?, ?> map -> map.entrySet().stream().allMatch(entry -> isValidText(entry.getKey()) && isValidText(entry.getValue()));
            case Iterable<?> list -> StreamSupport.stream(list.spliterator(), false).allMatch(UserProfile::isValidText);
            case null, default -> true;
        };
    }

    private static Email emailOf(Object value) {
        if (!(value instanceof String text)) {
            throw InvalidInputException.of(EMAIL, "must be a string; leave the member out for a profile without email");
        }
        return new Email(text);
    }
}
