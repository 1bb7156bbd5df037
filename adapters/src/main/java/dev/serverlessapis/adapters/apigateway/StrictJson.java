package dev.serverlessapis.adapters.apigateway;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.UnicodeText;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses one strict JSON value, refusing what Gson's own tree parser lets through: an object naming a member twice
 * (Gson keeps the last, so the client and we would read different documents) and strings or names that are not valid
 * Unicode ({@code "\ud800"}: DynamoDB would store it as {@code ?}). Both are 400s naming where they are, such as
 * {@code tags[1]} or {@code address.city}; an invalid member name is reported on {@code body}.
 */
final class StrictJson {
    private StrictJson() {
    }

    /** @throws IOException or a Gson exception when the text is not one well-formed JSON value */
    static JsonElement parse(String text) throws IOException {
        try (var reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            var value = read(reader, "");
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new HttpProblem(400, "Bad Request", "The body holds more than one JSON value.");
            }
            return value;
        }
    }

    private static JsonElement read(JsonReader reader, String path) throws IOException {
        return switch (reader.peek()) {
            case BEGIN_OBJECT -> readObject(reader, path);
            case BEGIN_ARRAY -> readArray(reader, path);
            case STRING -> new JsonPrimitive(valid(reader.nextString(), path));
            case NUMBER -> new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
            case BOOLEAN -> new JsonPrimitive(reader.nextBoolean());
            case NULL -> {
                reader.nextNull();
                yield JsonNull.INSTANCE;
            }
            default -> throw new IOException("unexpected " + reader.peek());
        };
    }

    private static JsonObject readObject(JsonReader reader, String path) throws IOException {
        var object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            var name = reader.nextName();
            if (!UnicodeText.isValid(name)) {
                throw InvalidInputException.of("body", "has a member name that is not valid Unicode text (an unpaired surrogate)");
            }
            var memberPath = path.isEmpty() ? name : path + "." + name;
            if (object.has(name)) {
                throw InvalidInputException.of(memberPath, "appears more than once in its object; send each member once");
            }
            object.add(name, read(reader, memberPath));
        }
        reader.endObject();
        return object;
    }

    private static JsonArray readArray(JsonReader reader, String path) throws IOException {
        var array = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
            array.add(read(reader, (path.isEmpty() ? "body" : path) + "[" + array.size() + "]"));
        }
        reader.endArray();
        return array;
    }

    private static String valid(String text, String path) {
        if (!UnicodeText.isValid(text)) {
            throw InvalidInputException.of(path.isEmpty() ? "body" : path, "must be valid Unicode text (it holds an unpaired surrogate)");
        }
        return text;
    }
}
