package dev.serverlessapis.domain.customer;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.JsonStrings;
import dev.serverlessapis.domain.shared.UnicodeText;

/**
 * A customer's id: 1 to 256 characters, no whitespace anywhere (as in the original customers API: an id is one word,
 * so " c-1" and "c-1" can never be two customers), nor a zero-width or control character (for the same reason: "c-1"
 * with a U+200B or a NUL inside looks like "c-1"), valid Unicode, composed ({@link UnicodeText#isComposed}, for the
 * same reason again). 256 code points always fit DynamoDB's key limit.
 */
public record CustomerId(String value) {
    public static final int MAX_CODE_POINTS = 256;

    public CustomerId {
        if (value == null || value.isEmpty() || value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
            throw InvalidInputException.of("id", "must be a string of 1 to " + MAX_CODE_POINTS + " characters");
        }
        if (UnicodeText.hasBlank(value)) {
            throw InvalidInputException.of("id", "must not contain whitespace or invisible (zero-width or filler) characters");
        }
        if (UnicodeText.hasControlCharacter(value)) {
            throw InvalidInputException.of("id", "must not contain control characters");
        }
        if (!UnicodeText.isValid(value)) {
            throw InvalidInputException.of("id", "must be valid Unicode text (it holds an unpaired surrogate)");
        }
        if (!UnicodeText.isComposed(value)) {
            throw InvalidInputException.of("id", "must be in Unicode's composed form (NFC), as a keyboard writes it: "
                    + "a letter and a separate accent look like another id");
        }
    }

    /** A JSON member's or query parameter's value as an id; absent, or not a string, is refused. */
    public static CustomerId of(Object value) {
        var text = JsonStrings.orNull("id", value);
        if (text == null) {
            throw InvalidInputException.of("id", "is required");
        }
        return new CustomerId(text);
    }
}
