package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.UnicodeText;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address, kept as the client wrote it. Two addresses that differ only in letter case are the same address for
 * uniqueness and lookup ({@link #normalized()}); the profile keeps the client's spelling.
 */
public final class Email {
    public static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@.][^\\s@]*\\.[^\\s@.]+");

    private final String value;

    /** An address as input: it must look like {@code x@domain.tld}, at most {@value #MAX_LENGTH} characters. */
    public Email(String value) {
        this(value, true);
    }

    private Email(String value, boolean input) {
        if (input) {
            refuseInvalid(value);
        }
        // Input's check refuses null itself; this catches a null read back from the store.
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * An address read back from the store, not input: it was checked when written, by rules that may since have grown
     * stricter (or it was edited by hand), so it is taken as it is. Its profile then still reads and lists, its claim
     * is still freed when the profile is replaced or deleted, and only a body that sends the address again, which is
     * input, refuses it.
     */
    public static Email stored(String value) {
        return new Email(value, false);
    }

    private static void refuseInvalid(String value) {
        if (value == null || value.length() > MAX_LENGTH || !ADDRESS.matcher(value).matches()
                || UnicodeText.hasControlCharacter(value) || !UnicodeText.isValid(value)) {
            throw InvalidInputException.of("email", "must be an email address such as ada@example.com, at most "
                    + MAX_LENGTH + " characters");
        }
    }

    public String value() {
        return value;
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAddressAs(Email other) {
        return normalized().equals(other.normalized());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Email email && value.equals(email.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
