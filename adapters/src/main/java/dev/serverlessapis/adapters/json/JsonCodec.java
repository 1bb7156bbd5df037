package dev.serverlessapis.adapters.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.serverlessapis.domain.shared.JsonNumber;
import dev.serverlessapis.domain.shared.UnicodeText;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one JSON codec of the adapters, and the owner of the promise that a client's document is given back as it was
 * sent: what the HTTP layer reads from a body, what the DynamoDB adapter stores and reads back, and what every response
 * writes all pass through here, so no two configurations can disagree.
 *
 * <p>Parsing is strict, and refuses what a tree parser would let through: an object naming a member twice (the client
 * and we would read different documents) and strings or names that are not valid Unicode ({@code "\ud800"}: DynamoDB
 * would store it as {@code ?}), except in what the store kept ({@link #parseStoredObject}). A document becomes plain
 * Java values in document order: {@link String}, {@link Boolean}, {@code null}, {@link JsonNumber} (the client's
 * spelling, so {@code 1.0}, {@code -0}, {@code 1e400} and 30-digit integers survive), {@link List} and {@link Map}.
 * Writing keeps nulls, escapes no HTML characters, and writes a {@link JsonNumber} as its text; strings are written
 * as the characters they hold, so an escape such as {@code \u00e9} comes back as the character it stands for.
 *
 * <p>Reading goes through Gson's streaming {@link JsonReader} only, never a {@code Gson} instance: setting one up (its
 * type-adapter factories, reflection, an adapter per runtime type) was the largest piece the project added to every
 * function's cold start. Writing is ours, over {@link JsonText}, which escapes as Gson's {@code JsonWriter} did (the
 * same text to the byte) without that writer's set-up, which ran {@code java.util.Formatter} at every cold start.
 */
public final class JsonCodec {
    /** Gson's strict reader refuses a number this long or longer as if it were no JSON: the refusal says so instead. */
    private static final int LONGEST_NUMBER = 1024;

    private JsonCodec() {
    }

    /**
     * One strict JSON value, and nothing after it.
     *
     * @throws Malformed when the text is not one well-formed JSON value
     * @throws Refused when a member is named twice in its object, or text is not valid Unicode
     */
    public static Object parse(String text) {
        return parse(text, false);
    }

    private static Object parse(String text, boolean stored) {
        try (var reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            var value = read(reader, stored ? null : JsonPath.DOCUMENT, stored);
            // Strict, the reader itself refuses anything after the value; this names the rule if it ever does not.
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("more than one JSON value");
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException malformed) {
            throw new Malformed(longestDigitRun(text) >= LONGEST_NUMBER ? "holds a number of more than " + (LONGEST_NUMBER - 1)
                    + " characters, which is not accepted" : "is not well-formed JSON");
        }
    }

    /** Digits in a row; a run in a string counts too, which only changes the words for a body refused anyway. */
    private static int longestDigitRun(String text) {
        int longest = 0;
        for (int i = 0, run = 0; i < text.length(); i++) {
            run = text.charAt(i) >= '0' && text.charAt(i) <= '9' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** {@link #parse} of a document that must be one JSON object; anything else is {@link Malformed}. */
    public static Map<String, Object> parseObject(String text) {
        return object(parse(text, false));
    }

    /**
     * A JSON object the store kept, such as a profile's body. What only a hand edit or another tool stores is read,
     * not refused, since a read is no request: text with an unpaired surrogate, which JSON can escape ({@link #write}
     * gives it back escaped, as stored), and a member named twice, read as JavaScript reads it, its last value at its
     * first place.
     *
     * @throws Malformed when the text is not one well-formed JSON object
     */
    public static Map<String, Object> parseStoredObject(String text) {
        return object(parse(text, true));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object document) {
        if (document instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw new Malformed("is not a JSON object");
    }

    /**
     * The value as compact JSON text: maps (by their keys' text), collections, strings, {@link JsonNumber}s, the JDK's
     * numbers (boxed primitives, {@link BigInteger}, {@link BigDecimal}, the atomic integers), booleans and nulls, at any depth, in
     * iteration order.
     *
     * @throws IllegalArgumentException for any other type (our defect: a response is built from these), or for a
     *     number that is not finite, which JSON cannot spell
     */
    public static String write(Object value) {
        var text = new StringBuilder(256);
        write(text, value);
        return text.toString();
    }

    // An instanceof chain rather than a pattern switch: a type switch is bootstrapped through invokedynamic at its
    // first use, which would put that cost back into every function's first response.
    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            JsonText.quote(out, text);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof JsonNumber number) {
            // Unquoted and unchanged; the number's own check made the text JSON.
            out.append(number.literal());
        } else if (value instanceof Number number) {
            out.append(finite(number));
        } else if (value instanceof Map<?, ?> object) {
            out.append('{');
            var first = true;
            for (var member : object.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonText.quote(out, String.valueOf(member.getKey()));
                out.append(':');
                write(out, member.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> array) {
            out.append('[');
            var first = true;
            for (var element : array) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, element);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("JsonCodec writes plain values only, not a " + value.getClass().getName());
        }
    }

    /** A Java number as JSON spells it; JSON has no NaN or infinity, and a number type of unknown spelling is refused. */
    private static String finite(Number number) {
        if (number instanceof Double || number instanceof Float) {
            if (Double.isNaN(number.doubleValue()) || Double.isInfinite(number.doubleValue())) {
                throw new IllegalArgumentException("JSON cannot spell the number " + number);
            }
        } else if (!(number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger || number instanceof BigDecimal || number instanceof AtomicLong
                || number instanceof AtomicInteger)) {
            throw new IllegalArgumentException("JsonCodec writes the JDK's own numbers only, not a " + number.getClass().getName());
        }
        return number.toString();
    }

    private static Object read(JsonReader reader, JsonPath path, boolean stored) throws IOException {
        return switch (reader.peek()) {
            case BEGIN_OBJECT -> readObject(reader, path, stored);
            case BEGIN_ARRAY -> readArray(reader, path, stored);
            case STRING -> stored ? reader.nextString() : valid(reader.nextString(), path);
            case NUMBER -> new JsonNumber(reader.nextString());
            case BOOLEAN -> reader.nextBoolean();
            case NULL -> {
                reader.nextNull();
                yield null;
            }
            default -> throw new IOException("unexpected " + reader.peek());
        };
    }

    private static Map<String, Object> readObject(JsonReader reader, JsonPath path, boolean stored) throws IOException {
        var object = new LinkedHashMap<String, Object>();
        reader.beginObject();
        while (reader.hasNext()) {
            var name = reader.nextName();
            if (!stored && !UnicodeText.isValid(name)) {
                throw new Refused("", "has a member name that is not valid Unicode text (an unpaired surrogate)");
            }
            var memberPath = stored ? null : path.member(name);
            if (!stored && object.containsKey(name)) {
                throw new Refused(memberPath.spelled(), "appears more than once in its object; send each member once");
            }
            object.put(name, read(reader, memberPath, stored));
        }
        reader.endObject();
        return Collections.unmodifiableMap(object);
    }

    private static List<Object> readArray(JsonReader reader, JsonPath path, boolean stored) throws IOException {
        var array = new ArrayList<Object>();
        reader.beginArray();
        while (reader.hasNext()) {
            array.add(read(reader, stored ? null : path.element(array.size()), stored));
        }
        reader.endArray();
        return Collections.unmodifiableList(array);
    }

    private static String valid(String text, JsonPath path) {
        if (!UnicodeText.isValid(text)) {
            throw new Refused(path.spelled(), "must be valid Unicode text (it holds an unpaired surrogate)");
        }
        return text;
    }

    /** The text is not one well-formed JSON value; the message says how, as in "the body ...". */
    public static final class Malformed extends RuntimeException {
        Malformed(String how) {
            super(how);
        }
    }

    /**
     * Well-formed JSON that may not be kept: {@link #path()} says where, such as {@code tags[1]} or
     * {@code address.city}; it is empty for the document as a whole, and starts with {@code [} inside a top-level array.
     */
    public static final class Refused extends RuntimeException {
        private final String path;

        Refused(String path, String message) {
            super(message);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }
}
