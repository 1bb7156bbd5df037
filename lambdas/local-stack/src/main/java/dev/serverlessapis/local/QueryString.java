package dev.serverlessapis.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's query string decoded as API Gateway hands it to a REST proxy function: {@code +} is a space, escapes are
 * UTF-8, repeated names keep every value in order. Strictly: an escape that is not {@code %} and two hex digits, or
 * bytes that are not UTF-8 once decoded, make the whole query invalid (a 400), never U+FFFD, which would make different
 * queries one. The server hands the query over with raw non-ASCII bytes already decoded as UTF-8, where invalid bytes
 * have become U+FFFD: that too is refused.
 */
final class QueryString {
    private QueryString() {
    }

    /** Empty when the query is not valid percent-encoded UTF-8. */
    static Optional<Map<String, List<String>>> parse(String rawQuery) {
        var result = new LinkedHashMap<String, List<String>>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.of(result);
        }
        for (var pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var parts = pair.split("=", 2);
            var name = decode(parts[0], true);
            var value = parts.length == 2 ? decode(parts[1], true) : Optional.of("");
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            result.computeIfAbsent(name.get(), key -> new ArrayList<>()).add(value.get());
        }
        return Optional.of(result);
    }

    /**
     * {@code encoded} with each {@code %XX} replaced by its byte, then read as UTF-8; empty when an escape is malformed
     * or the bytes are not UTF-8.
     */
    static Optional<String> decode(String encoded, boolean plusIsSpace) {
        if (encoded.indexOf('\uFFFD') >= 0) {
            return Optional.empty();
        }
        var bytes = encoded.getBytes(StandardCharsets.UTF_8);
        var decoded = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%') {
                if (i + 2 >= bytes.length || !isHexDigit(bytes[i + 1]) || !isHexDigit(bytes[i + 2])) {
                    return Optional.empty();
                }
                decoded.write(Character.digit(bytes[i + 1], 16) << 4 | Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                decoded.write(plusIsSpace && bytes[i] == '+' ? ' ' : bytes[i]);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded.toByteArray())).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    private static boolean isHexDigit(byte character) {
        return character >= '0' && character <= '9' || character >= 'a' && character <= 'f' || character >= 'A' && character <= 'F';
    }
}
