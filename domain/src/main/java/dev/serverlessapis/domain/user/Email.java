package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.TextValue;
import dev.serverlessapis.domain.shared.UnicodeText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, kept as the client wrote it. Two addresses that differ only in letter case are the same address for
 * uniqueness and lookup ({@link #normalized()}); a profile's body keeps the client's spelling, while the address of a
 * profile read back is the lower-case one its claim is under.
 */
public final class Email extends TextValue {
    public static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@.][^\\s@]*\\.[^\\s@.]+");

    /**
     * An address as input: it must look like {@code x@domain.tld}, at most {@value #MAX_LENGTH} characters, with no
     * space or zero-width character anywhere ({@link UnicodeText#hasBlank}; the pattern's {@code \s} is ASCII only), so
     * no look-alike of another's address can be claimed.
     */
    public Email(String value) {
        super(refuseInvalid(value));
    }

    private Email(Stored value) {
        super(value);
    }

    /**
     * An address read back from the store, not input: the rule above has not changed, so only a hand edit or another
     * tool stores one it refuses; it is taken as it is. Its profile then still reads and lists, its claim is still
     * freed when the profile is replaced or deleted, and only a body or a {@code ?email=} that sends the address
     * again, which is input, refuses it.
     */
    public static Email stored(String value) {
        return new Email(new Stored(value));
    }

    private static String refuseInvalid(String value) {
        if (value == null || value.length() > MAX_LENGTH || !ADDRESS.matcher(value).matches()
                || UnicodeText.hasControlCharacter(value) || UnicodeText.hasBlank(value) || !UnicodeText.isValid(value)) {
            throw InvalidInputException.of("email", "must be an email address such as ada@example.com, at most "
                    + MAX_LENGTH + " characters");
        }
        return value;
    }

    public String normalized() {
        return value().toLowerCase(Locale.ROOT);
    }

    public boolean sameAddressAs(Email other) {
        return normalized().equals(other.normalized());
    }
}
