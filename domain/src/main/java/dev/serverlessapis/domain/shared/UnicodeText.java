package dev.serverlessapis.domain.shared;

/**
 * Whether text is valid Unicode. A Java string may hold a surrogate without its partner; UTF-8 cannot encode one, so
 * DynamoDB would store it as {@code ?}, and two different ids would become one key. Such text is refused, never stored.
 * Plain loops rather than code point streams: every function checks text on its first request, where a stream
 * pipeline costs a cold start its classes.
 */
public final class UnicodeText {
    private UnicodeText() {
    }

    public static boolean isValid(CharSequence text) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether text shows nothing: empty, or every code point blank ({@link #hasBlank}). {@link String#isBlank} is not
     * enough: it misses the no-break spaces (U+00A0, U+2007, U+202F) and the zero-width characters, so text of only
     * those would pass as something.
     */
    public static boolean isBlank(CharSequence text) {
        for (var i = 0; i < text.length(); i++) {
            if (!isBlankCharacter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether any code point is blank: a Unicode space or line break ({@link Character#isWhitespace} or
     * {@link Character#isSpaceChar}, and U+0085, the next-line break, which Unicode counts as White_Space and Java
     * only as a control character), a zero-width character (U+200B-U+200D, U+2060, U+FEFF), or a character that
     * shows as nothing although Unicode gives it a letter's or a symbol's category: the soft hyphen U+00AD, the
     * invisible operators U+2061-U+2064, the Mongolian vowel separator U+180E, the Hangul fillers U+115F, U+1160,
     * U+3164 and U+FFA0, and the blank Braille pattern U+2800 (text of only those is a well-known way to post
     * "nothing"). All lie in the BMP, and a surrogate is never one, so a char stands for its code point here.
     */
    public static boolean hasBlank(CharSequence text) {
        for (var i = 0; i < text.length(); i++) {
            if (isBlankCharacter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlankCharacter(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085'
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
                || c == '\u00AD' || (c >= '\u2061' && c <= '\u2064') || c == '\u180E'
                || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0' || c == '\u2800';
    }

    /** ISO control characters (U+0000–U+001F, U+007F–U+009F) all lie in the BMP, so a char is a code point here. */
    public static boolean hasControlCharacter(CharSequence text) {
        for (var i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
