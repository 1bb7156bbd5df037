package dev.serverlessapis.domain.shared;

/**
 * Whether text is valid Unicode. A Java string may hold a surrogate without its partner; UTF-8 cannot encode one, so
 * DynamoDB would store it as {@code ?}, and two different ids would become one key. Such text is refused, never stored.
 */
public final class UnicodeText {
    private UnicodeText() {
    }

    /** {@code codePoints()} yields a surrogate only where it has no partner. */
    public static boolean isValid(CharSequence text) {
        return text.codePoints().noneMatch(codePoint -> codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    }
}
