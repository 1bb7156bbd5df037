package dev.serverlessapis.domain.shared;

import java.text.Normalizer;

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
        for (var i = 0; i < text.length(); ) {
            var codePoint = Character.codePointAt(text, i);
            if (!isBlankCodePoint(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /**
     * Whether any code point is blank: a Unicode space or line break ({@link Character#isWhitespace} or
     * {@link Character#isSpaceChar}, and U+0085, the next-line break, which Unicode counts as White_Space and Java
     * only as a control character); a format character (category Cf: the zero-width space, joiners and direction
     * marks, U+2060-U+2064, U+FEFF, the soft hyphen, the tags U+E0020-U+E007F); or one that shows as nothing although
     * Unicode gives it a mark's, a letter's or a symbol's category: the variation selectors, U+034F, U+17B4, U+17B5,
     * the Mongolian selectors U+180B-U+180F, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, and the blank
     * Braille pattern U+2800 (text of only those is a well-known way to post "nothing").
     */
    public static boolean hasBlank(CharSequence text) {
        for (var i = 0; i < text.length(); ) {
            var codePoint = Character.codePointAt(text, i);
            if (isBlankCodePoint(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static boolean isBlankCodePoint(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x0085 || Character.getType(c) == Character.FORMAT
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x034F || c == 0x17B4 || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F) || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
    }

    /**
     * Whether text is in Unicode's composed form (NFC), so that it is the one spelling of what it shows: "e" followed
     * by U+0301 looks like "\u00e9" but is other code points, and an id or an address so written would be a look-alike
     * of another. Text below U+0300 (ASCII and Latin-1 among it) is always composed: only there is the JDK's normalizer,
     * whose data a cold start would otherwise load, left alone.
     */
    public static boolean isComposed(String text) {
        for (var i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC);
            }
        }
        return true;
    }

    /** ISO control characters (U+0000–U+001F, U+007F–U+009F) all lie in the BMP, so a char is a code point here. */
    public static boolean hasControlCharacter(CharSequence text) {
        return hasControlCharacterOtherThan(text, "");
    }

    /** As {@link #hasControlCharacter}, with the control characters in {@code allowed} (such as tab) let through. */
    public static boolean hasControlCharacterOtherThan(CharSequence text, String allowed) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (Character.isISOControl(c) && allowed.indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }
}
