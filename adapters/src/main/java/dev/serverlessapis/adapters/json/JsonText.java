package dev.serverlessapis.adapters.json;

/**
 * JSON string escaping, the one escaper of the adapters: responses, stored profiles and cursors ({@link JsonCodec})
 * and log lines, metrics and trace segments alike. The rules are those of Gson's {@code JsonWriter} without HTML
 * escaping, which wrote every document before this (so stored text and signed cursors keep their bytes): {@code "}
 * and {@code \} and the control characters with a short escape where JSON has one ({@code \t \b \n \r \f}), the other
 * control characters, U+2028 and U+2029 as six-character hex escapes. One addition: a surrogate without its pair is
 * escaped too, so it reaches a reader as its code instead of becoming {@code ?} when the text is encoded; the API
 * refuses such text on the way in, so only a log line of refused input can carry one. And U+FFFD is escaped: the API
 * refuses it raw in a request body (all that is left of bytes that were not UTF-8) and accepts it escaped, so a client
 * that sends back what it read, as a read-modify-write does, sends it escaped too.
 */
public final class JsonText {
    /** U+FFFD: all that is left of bytes that were not UTF-8, so refused raw in a request body and escaped here. */
    public static final char REPLACEMENT_CHARACTER = '\uFFFD';
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** {@code value} as a JSON string, quotes included, appended to {@code out}. */
    public static void quote(StringBuilder out, String value) {
        out.append('"');
        var length = value.length();
        for (var i = 0; i < length; i++) {
            var c = value.charAt(i);
            if (c == '"') {
                out.append("\\\"");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\b') {
                out.append("\\b");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\f') {
                out.append("\\f");
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == REPLACEMENT_CHARACTER || unpairedSurrogate(value, i)) {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean unpairedSurrogate(String value, int i) {
        var c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }
}
