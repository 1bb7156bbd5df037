package dev.serverlessapis.adapters.dynamodb;

/** What text takes in UTF-8, counted without encoding it: DynamoDB sizes items, and a page of the list its profiles, so. */
final class Utf8 {
    private Utf8() {
    }

    /** Bytes of the text in UTF-8; an unpaired surrogate, which no stored text holds, counts 3. */
    static long length(String text) {
        var length = 0L;
        for (var i = 0; i < text.length(); i++) {
            var unit = text.charAt(i);
            if (unit < 0x80) {
                length += 1;
            } else if (unit < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(unit) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
