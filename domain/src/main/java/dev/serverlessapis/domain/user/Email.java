package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.UnicodeText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as the client wrote it. Two addresses that differ only in letter case are the same address for
 * uniqueness and lookup ({@link #normalized()}); the profile keeps the client's spelling.
 */
public record Email(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@.][^\\s@]*\\.[^\\s@.]+");

    public Email {
        if (value == null || value.length() > MAX_LENGTH || !ADDRESS.matcher(value).matches()
                || UnicodeText.hasControlCharacter(value) || !UnicodeText.isValid(value)) {
            throw InvalidInputException.of("email", "must be an email address such as ada@example.com, at most "
                    + MAX_LENGTH + " characters");
        }
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAddressAs(Email other) {
        return normalized().equals(other.normalized());
    }
}
