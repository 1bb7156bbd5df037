package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.TextValue;
import java.util.regex.Pattern;

/** The handle a chirp is posted under, such as {@code ada_l}. */
public final class UserId extends TextValue {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final String RULE = "must be 1 to 64 characters of letters, digits, '_', '.' or '-'";

    /** A handle as input: it must match {@link #PATTERN}. */
    public UserId(String value) {
        super(refuseInvalid(value));
    }

    private UserId(Stored value) {
        super(value);
    }

    /**
     * A handle read back from the store, not input: the rule above has not changed, so only a hand edit or another
     * tool stores one it refuses; it is taken as it is, and the feed still shows the chirp instead of failing for
     * everyone whose page meets it. Only {@code ?userId=}, which is input, refuses it.
     */
    public static UserId stored(String value) {
        return new UserId(new Stored(value));
    }

    private static String refuseInvalid(String value) {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw InvalidInputException.of("userId", RULE);
        }
        return value;
    }
}
