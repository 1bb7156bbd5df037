package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/** The handle a chirp is posted under, such as {@code ada_l}. */
public record UserId(String value) {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final String RULE = "must be 1 to 64 characters of letters, digits, '_', '.' or '-'";

    public UserId {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw InvalidInputException.of("userId", RULE);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
