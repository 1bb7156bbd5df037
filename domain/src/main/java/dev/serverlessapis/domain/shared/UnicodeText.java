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
