package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.TextValue;
import dev.serverlessapis.domain.shared.UnicodeText;
import java.util.Locale;

/**
 * An email address, kept as the client wrote it. Two addresses that differ only in letter case are the same address for
 * uniqueness and lookup ({@link #normalized()}); a profile's body keeps the client's spelling, while the address of a
 * profile read back is the lower-case one its claim is under.
 */
public final class Email extends TextValue {
    public static final int MAX_LENGTH = 254;
    /** RFC 5321's limit, counted in characters, as a label's is, so that a local part in another script is not held to octets. */
    public static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;

    /**
     * An address as input: {@code local@domain}, at most {@value #MAX_LENGTH} characters. The local part is at most
     * {@value #MAX_LOCAL_PART_LENGTH} characters of dot-separated atoms: no leading, trailing or doubled dot, none of
     * {@code ()<>[]:;,\"} (a quoted local part is not taken); the domain is two or more host-name labels of letters,
     * digits, marks and inner hyphens, 1 to {@value #MAX_LABEL_LENGTH} characters each, letters from any script
     * included. No space, zero-width or control character anywhere ({@link UnicodeText#hasBlank}), and composed
     * ({@link UnicodeText#isComposed}), so no look-alike of another's address can be claimed.
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
        if (value == null || value.length() > MAX_LENGTH || !isAddress(value) || UnicodeText.hasControlCharacter(value)
                || UnicodeText.hasBlank(value) || !UnicodeText.isValid(value) || !UnicodeText.isComposed(value)) {
            throw InvalidInputException.of("email", "must be an email address such as ada@example.com, at most "
                    + MAX_LENGTH + " characters, " + MAX_LOCAL_PART_LENGTH + " of them before the @");
        }
        return value;
    }

    private static boolean isAddress(String value) {
        var at = value.indexOf('@');
        return at > 0 && at == value.lastIndexOf('@') && isLocalPart(value, at) && isDomain(value, at + 1);
    }

    private static boolean isLocalPart(String value, int end) {
        if (value.codePointCount(0, end) > MAX_LOCAL_PART_LENGTH || value.charAt(0) == '.' || value.charAt(end - 1) == '.') {
            return false;
        }
        for (var i = 0; i < end; i++) {
            var c = value.charAt(i);
            if ("()<>[]:;,\\\"".indexOf(c) >= 0 || c == '.' && value.charAt(i + 1) == '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDomain(String value, int start) {
        var labels = 0;
        var labelStart = start;
        for (var i = start; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '.') {
                if (!isLabel(value, labelStart, i)) {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            }
        }
        return labels >= 2;
    }

    private static boolean isLabel(String value, int start, int end) {
        if (end == start || value.codePointCount(start, end) > MAX_LABEL_LENGTH || value.charAt(start) == '-' || value.charAt(end - 1) == '-') {
            return false;
        }
        for (var i = start; i < end; ) {
            var codePoint = value.codePointAt(i);
            if (codePoint != '-' && !Character.isLetterOrDigit(codePoint) && !isMark(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    private static boolean isMark(int codePoint) {
        var type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    public String normalized() {
        return value().toLowerCase(Locale.ROOT);
    }

    public boolean sameAddressAs(Email other) {
        return normalized().equals(other.normalized());
    }
}
