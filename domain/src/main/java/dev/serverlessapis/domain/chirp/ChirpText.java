package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.TextValue;
import dev.serverlessapis.domain.shared.UnicodeText;

/**
 * What a chirp says: 1 to 280 Unicode code points, kept exactly as written. Length is counted in code points, so an
 * emoji is one character, as a person counts it, not two UTF-16 units or four bytes. Text of only spaces, line breaks
 * and zero-width characters is refused: it would be an invisible chirp; so is a control character other than tab and
 * the line breaks LF and CR anywhere, which shows as nothing or, in a terminal, as a colour or a beep.
 */
public final class ChirpText extends TextValue {
    public static final int MAX_CODE_POINTS = 280;

    /** A text as input: it must follow the rules above. */
    public ChirpText(String value) {
        super(refuseInvalid(value));
    }

    private ChirpText(Stored value) {
        super(value);
    }

    /**
     * A text read back from the store, not input: the rule against invisible text has grown stricter (before
     * {@code ff691b8} a lone zero-width space passed {@code String.isBlank}), and a hand edit is not checked at all,
     * so it is taken as it is. The feed then still shows the chirp instead of failing for everyone whose page meets it.
     */
    public static ChirpText stored(String value) {
        return new ChirpText(new Stored(value));
    }

    private static String refuseInvalid(String value) {
        if (value == null) {
            throw InvalidInputException.of("text", "is required: a string of 1 to " + MAX_CODE_POINTS + " characters");
        }
        if (value.isEmpty()) {
            throw InvalidInputException.of("text", "must be 1 to " + MAX_CODE_POINTS + " characters");
        }
        if (!UnicodeText.isValid(value)) {
            throw InvalidInputException.of("text", "must be valid Unicode text (it holds an unpaired surrogate)");
        }
        var length = value.codePointCount(0, value.length());
        if (length > MAX_CODE_POINTS) {
            throw InvalidInputException.of("text",
                    "must be 1 to " + MAX_CODE_POINTS + " characters; it has " + length);
        }
        if (UnicodeText.hasControlCharacterOtherThan(value, "\t\n\r")) {
            throw InvalidInputException.of("text", "must not contain control characters other than tab and line breaks (LF, CR)");
        }
        if (UnicodeText.isBlank(value)) {
            throw InvalidInputException.of("text", "must contain something besides spaces and invisible characters");
        }
        return value;
    }
}
