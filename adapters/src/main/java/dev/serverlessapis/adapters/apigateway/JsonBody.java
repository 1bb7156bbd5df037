package dev.serverlessapis.adapters.apigateway;

import dev.serverlessapis.adapters.json.JsonCodec;
import dev.serverlessapis.domain.shared.InvalidInputException;
import java.util.Locale;
import java.util.Map;

/**
 * A request's body read as JSON by the one codec ({@link JsonCodec}), its refusals turned into the HTTP contract's
 * answers: no body is a 400, another media type or charset a 415, text that is not UTF-8 or not one strict JSON value a 400, and a
 * member named twice or text with an unpaired surrogate a 400 naming where it is, such as {@code tags[1]} or
 * {@code address.city} ({@code body} for the document itself).
 */
public final class JsonBody {
    private JsonBody() {
    }

    /** The body as one JSON value: strings, booleans, null, numbers as the client spelled them, lists and maps. */
    public static Object of(HttpRequest request) {
        if (!request.hasBody()) {
            throw new HttpProblem(400, "Bad Request", "The request needs a JSON body.");
        }
        requireJsonContentType(request);
        try {
            return JsonCodec.parse(request.bodyText());
        } catch (JsonCodec.Malformed malformed) {
            throw new HttpProblem(400, "Bad Request", "The body " + malformed.getMessage() + ".");
        } catch (JsonCodec.Refused refused) {
            throw InvalidInputException.of(field(refused.path()), refused.getMessage());
        }
    }

    /** The body as a JSON object's members, in the client's order: any other JSON value is a 400 naming {@code body}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> objectOf(HttpRequest request) {
        if (of(request) instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw InvalidInputException.of("body", "must be a JSON object");
    }

    /**
     * A body is only understood as JSON in UTF-8: saying otherwise (another media type, or a {@code charset} other than
     * {@code utf-8}), or saying nothing, is refused, rather than the body read in another encoding than the client's.
     */
    public static void requireJsonContentType(HttpRequest request) {
        var contentType = request.header("Content-Type");
        var parts = contentType.isPresent() ? contentType.get().split(";") : new String[] {""};
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            throw new HttpProblem(415, "Unsupported Media Type", "Send the body as application/json.");
        }
        for (var i = 1; i < parts.length; i++) {
            var parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")
                    && !(parameter.length == 2 && unquoted(parameter[1].strip()).equalsIgnoreCase("utf-8"))) {
                throw new HttpProblem(415, "Unsupported Media Type", "Send the body as application/json in UTF-8 (charset=utf-8, or no charset).");
            }
        }
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** The codec's path within the document, as the contract names fields: the document itself is {@code body}. */
    private static String field(String path) {
        return path.isEmpty() || path.startsWith("[") ? "body" + path : path;
    }
}
