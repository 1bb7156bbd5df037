package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.TextValue;
import dev.serverlessapis.domain.shared.UnicodeText;
import java.util.UUID;

/**
 * A profile's id. At most 256 code points, so its UTF-8 form (at most 1024 bytes) always fits DynamoDB's 2048-byte
 * partition key. No {@code /} or control characters, because it must be addressable as one path segment of
 * {@code /users/{id}} (and so not {@code .} or {@code ..} either, which URL normalisation removes); not blank as
 * {@link UnicodeText#isBlank} means it (an id of only no-break or zero-width spaces shows nothing); valid Unicode,
 * because DynamoDB would store an unpaired surrogate as {@code ?}; composed ({@link UnicodeText#isComposed}), so that
 * no look-alike of another's id is a second profile; and not starting with {@value #RESERVED_PREFIX}, the store's key
 * space for email claims.
 */
public final class UserId extends TextValue {
    public static final int MAX_CODE_POINTS = 256;
    public static final String RESERVED_PREFIX = "email#";

    /** An id as input: every rule above holds. */
    public UserId(String value) {
        super(refuseInvalid(value));
    }

    private UserId(Stored value) {
        super(value);
    }

    /**
     * An id read back from the store, not input: it was checked when written, by rules that have since grown stricter
     * (an id of only no-break or zero-width spaces was accepted once), so it is taken as it is. A profile stored under
     * such an id then still lists, and is found by its email; only the path {@code /users/{id}}, which is input, refuses it.
     */
    public static UserId stored(String value) {
        return new UserId(new Stored(value));
    }

    private static String refuseInvalid(String value) {
        if (value == null || UnicodeText.isBlank(value)) {
            throw InvalidInputException.of("id", "must be a non-blank string");
        }
        if (value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
            throw InvalidInputException.of("id", "must be at most " + MAX_CODE_POINTS + " characters");
        }
        if (!UnicodeText.isValid(value)) {
            throw InvalidInputException.of("id", "must be valid Unicode text (it holds an unpaired surrogate)");
        }
        if (!UnicodeText.isComposed(value)) {
            throw InvalidInputException.of("id", "must be in Unicode's composed form (NFC), as a keyboard writes it: "
                    + "a letter and a separate accent look like another id");
        }
        if (value.equals(".") || value.equals("..")) {
            throw InvalidInputException.of("id", "must not be '.' or '..', which proxies and CDNs remove from paths");
        }
        if (value.indexOf('/') >= 0 || UnicodeText.hasControlCharacter(value)) {
            throw InvalidInputException.of("id", "must not contain '/' or control characters");
        }
        if (value.startsWith(RESERVED_PREFIX)) {
            throw InvalidInputException.of("id", "must not start with '" + RESERVED_PREFIX + "'");
        }
        return value;
    }

    public static UserId generate() {
        return new UserId(UUID.randomUUID().toString());
    }
}
