package dev.serverlessapis.adapters.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.serverlessapis.domain.shared.JsonNumber;
import dev.serverlessapis.domain.shared.UnicodeText;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON codec of the adapters, and the owner of the promise that a client's document is given back as it was
 * sent: what the HTTP layer reads from a body, what the DynamoDB adapter stores and reads back, and what every response
 * writes all pass through here, so no two configurations can disagree.
 *
 * <p>Parsing is strict, and refuses what a tree parser would let through: an object naming a member twice (the client
 * and we would read different documents) and strings or names that are not valid Unicode ({@code "\ud800"}: DynamoDB
 * would store it as {@code ?}). A document becomes plain Java values in document order: {@link String},
 * {@link Boolean}, {@code null}, {@link JsonNumber} (the client's spelling, so {@code 1.0}, {@code -0}, {@code 1e400}
 * and 30-digit integers survive), {@link List} and {@link Map}. Writing keeps nulls, escapes no HTML characters, and
 * writes a {@link JsonNumber} as its text; strings are written as the characters they hold, so an escape such as
 * {@code \u00e9} comes back as the character it stands for.
 *
 * <p>Both ways go through Gson's streaming {@link JsonReader} and {@link JsonWriter} only, never a {@code Gson}
 * instance: setting one up (its type-adapter factories, reflection and the adapters it builds for each runtime type)
 * was the largest piece the project added to every function's cold start, to write values whose types are all known
 * here. The writer is the one a {@code Gson} would have written through, so the text is the same to the byte.
 */
public final class JsonCodec {
    private JsonCodec() {
    }

    /**
     * One strict JSON value, and nothing after it.
     *
     * @throws Malformed when the text is not one well-formed JSON value
     * @throws Refused when a member is named twice in its object, or text is not valid Unicode
     */
    public static Object parse(String text) {
        try (var reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            var value = read(reader, "");
            // Strict, the reader itself refuses anything after the value; this names the rule if it ever does not.
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("more than one JSON value");
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException malformed) {
            throw new Malformed("is not well-formed JSON");
        }
    }

    /** A document that must be one JSON object, such as a stored profile; anything else is {@link Malformed}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        if (parse(text) instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw new Malformed("is not a JSON object");
    }

    /**
     * The value as compact JSON text: maps (by their keys' text), collections, strings, {@link JsonNumber}s, Java
     * numbers, booleans and nulls, at any depth, in iteration order.
     *
     * @throws IllegalArgumentException for any other type (our defect: a response is built from these), or for a
     *     number that is not finite, which JSON cannot spell
     */
    public static String write(Object value) {
        var text = new StringWriter();
        try (var writer = new JsonWriter(text)) {
            // Its defaults are what responses and stored profiles promise: nulls kept, no HTML escaping, compact.
            write(writer, value);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("a StringWriter does not fail", cannotHappen);
        }
        return text.toString();
    }

    // An instanceof chain rather than a pattern switch: a type switch is bootstrapped through invokedynamic at its
    // first use, which would put that cost back into every function's first response.
    private static void write(JsonWriter out, Object value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String text) {
            out.value(text);
        } else if (value instanceof Boolean bool) {
            out.value(bool);
        } else if (value instanceof JsonNumber number) {
            // Unquoted and unchanged; the number's own check made the text JSON.
            out.jsonValue(number.literal());
        } else if (value instanceof Number number) {
            out.value(number);
        } else if (value instanceof Map<?, ?> object) {
            out.beginObject();
            for (var member : object.entrySet()) {
                out.name(String.valueOf(member.getKey()));
                write(out, member.getValue());
            }
            out.endObject();
        } else if (value instanceof Collection<?> array) {
            out.beginArray();
            for (var element : array) {
                write(out, element);
            }
            out.endArray();
        } else {
            throw new IllegalArgumentException("JsonCodec writes plain values only, not a " + value.getClass().getName());
        }
    }

    private static Object read(JsonReader reader, String path) throws IOException {
        return switch (reader.peek()) {
            case BEGIN_OBJECT -> readObject(reader, path);
            case BEGIN_ARRAY -> readArray(reader, path);
            case STRING -> valid(reader.nextString(), path);
            case NUMBER -> new JsonNumber(reader.nextString());
            case BOOLEAN -> reader.nextBoolean();
            case NULL -> {
                reader.nextNull();
                yield null;
            }
            default -> throw new IOException("unexpected " + reader.peek());
        };
    }

    private static Map<String, Object> readObject(JsonReader reader, String path) throws IOException {
        var object = new LinkedHashMap<String, Object>();
        reader.beginObject();
        while (reader.hasNext()) {
            var name = reader.nextName();
            if (!UnicodeText.isValid(name)) {
                throw new Refused("", "has a member name that is not valid Unicode text (an unpaired surrogate)");
            }
            var memberPath = path.isEmpty() ? name : path + "." + name;
            if (object.containsKey(name)) {
                throw new Refused(memberPath, "appears more than once in its object; send each member once");
            }
            object.put(name, read(reader, memberPath));
        }
        reader.endObject();
        return Collections.unmodifiableMap(object);
    }

    private static List<Object> readArray(JsonReader reader, String path) throws IOException {
        var array = new ArrayList<Object>();
        reader.beginArray();
        while (reader.hasNext()) {
            array.add(read(reader, path + "[" + array.size() + "]"));
        }
        reader.endArray();
        return Collections.unmodifiableList(array);
    }

    private static String valid(String text, String path) {
        if (!UnicodeText.isValid(text)) {
            throw new Refused(path, "must be valid Unicode text (it holds an unpaired surrogate)");
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
