package dev.serverlessapis.adapters.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.adapters.json.JsonText;
import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.UnicodeText;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A read-only view of an API Gateway proxy event that speaks HTTP, not the event's field names. What a body means is
 * not its business: {@link JsonBody} reads it as JSON.
 */
public final class HttpRequest {
    /** The contract's limit on request bodies; larger ones are refused with 413 before anything is parsed. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayProxyRequestEvent event;
    private final Map<String, List<String>> headers;
    /** Decoded at first use, so that a body that cannot be read is refused only where it is needed (not by a preflight). */
    private byte[] body;

    public HttpRequest(APIGatewayProxyRequestEvent event) {
        this.event = event;
        this.headers = HeaderLines.of(event.getHeaders(), event.getMultiValueHeaders());
    }

    public String method() {
        return event.getHttpMethod() == null ? "" : event.getHttpMethod().toUpperCase(Locale.ROOT);
    }

    /** The route template API Gateway matched, such as {@code /counters/{name}}. */
    public String resource() {
        return event.getResource() == null ? "" : event.getResource();
    }

    /** The path as the client sent it, a trailing slash included, which routing (API Gateway's and ours) ignores. */
    public String path() {
        return event.getPath() == null ? "" : event.getPath();
    }

    public String requestId() {
        var context = event.getRequestContext();
        return context == null || context.getRequestId() == null ? "unknown" : context.getRequestId();
    }

    /** Who is calling, from the claims API Gateway's authorizer verified; anonymous on a public route. */
    public Caller caller() {
        return CognitoClaims.callerOf(event);
    }

    /** The first line of a header the client sent; {@link #headerValues} has every one. */
    public Optional<String> header(String name) {
        var values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /**
     * Every line of a header, in the order the client sent them: API Gateway passes each in {@code multiValueHeaders}
     * (and only the last in {@code headers}). Empty when the client sent none.
     */
    public List<String> headerValues(String name) {
        var values = headers.get(name);
        return values == null ? List.of() : values;
    }

    /**
     * A path parameter, percent-decoded: API Gateway's REST proxy passes path parameters as the client encoded them
     * (unlike query parameters, which it decodes). A {@code +} in a path is a plus, not a space. Bytes that are not
     * UTF-8 once decoded are a 400, never turned into U+FFFD (which would make different paths one id).
     */
    public String pathParameter(String name) {
        var raw = event.getPathParameters() == null ? null : event.getPathParameters().get(name);
        if (raw == null) {
            throw new IllegalStateException("route " + resource() + " has no path parameter " + name);
        }
        // Half a surrogate pair in the event's string would be encoded as '?', which decodes as valid text.
        var decoded = UnicodeText.isValid(raw) ? percentDecoded(raw) : Optional.<byte[]>empty();
        var text = decoded.isPresent() ? utf8(decoded.get()) : Optional.<String>empty();
        if (text.isEmpty()) {
            throw InvalidInputException.of(name, "is not valid percent-encoded UTF-8 in the path");
        }
        return text.get();
    }

    private static Optional<byte[]> percentDecoded(String raw) {
        var bytes = raw.getBytes(StandardCharsets.UTF_8);
        var decoded = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                decoded.write(bytes[i]);
                continue;
            }
            if (i + 2 >= bytes.length) {
                return Optional.empty();
            }
            int high = Character.digit(bytes[i + 1], 16);
            int low = Character.digit(bytes[i + 2], 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            decoded.write(high << 4 | low);
            i += 2;
        }
        return Optional.of(decoded.toByteArray());
    }

    /**
     * A query parameter's value; API Gateway has already percent-decoded it. One given twice is a 400 naming it: which
     * value was meant cannot be told, and a bad value must not hide behind a good one.
     */
    public Optional<String> query(String name) {
        var values = queryValues(name);
        if (values.size() > 1) {
            throw InvalidInputException.of(name, "must be given once, not " + values.size() + " times");
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private List<String> queryValues(String name) {
        var multi = event.getMultiValueQueryStringParameters();
        if (multi != null && multi.get(name) != null) {
            return List.copyOf(multi.get(name));
        }
        var single = event.getQueryStringParameters();
        return single == null || single.get(name) == null ? List.of() : List.of(single.get(name));
    }

    public Map<String, List<String>> queryParameters() {
        if (event.getMultiValueQueryStringParameters() != null) {
            return Map.copyOf(event.getMultiValueQueryStringParameters());
        }
        var result = new TreeMap<String, List<String>>();
        if (event.getQueryStringParameters() != null) {
            for (var parameter : event.getQueryStringParameters().entrySet()) {
                result.put(parameter.getKey(), List.of(parameter.getValue()));
            }
        }
        return result;
    }

    public boolean hasBody() {
        return body().length > 0;
    }

    public int bodySize() {
        return body().length;
    }

    /**
     * The body as text: bytes that are not well-formed UTF-8 are a 400, never turned into U+FFFD. A raw U+FFFD is a 400
     * too: this API declares no binary media types, so API Gateway hands a JSON body over as text, and bytes that were
     * not UTF-8 reach the function, if at all, as U+FFFD, which it cannot tell from the character itself. The character
     * is still accepted escaped in its JSON string (backslash, u, FFFD): no conversion of bytes produces an escape.
     */
    public String bodyText() {
        var text = utf8(body());
        if (text.isEmpty()) {
            throw new HttpProblem(400, "Bad Request", "The body is not valid UTF-8.");
        }
        if (text.get().indexOf(JsonText.REPLACEMENT_CHARACTER) >= 0) {
            throw new HttpProblem(400, "Bad Request", "The body holds U+FFFD, the replacement character, which stands where bytes "
                    + "were not valid UTF-8. To send the character itself, escape it in its JSON string as \\uFFFD.");
        }
        return text.get();
    }

    /** Empty where the bytes are not well-formed UTF-8. */
    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
    }

    private byte[] body() {
        if (body == null) {
            body = decodeBody(event);
        }
        return body;
    }

    private static byte[] decodeBody(APIGatewayProxyRequestEvent event) {
        if (event.getBody() == null) {
            return new byte[0];
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                return Base64.getDecoder().decode(event.getBody());
            } catch (IllegalArgumentException notBase64) {
                throw new HttpProblem(400, "Bad Request", "The body is marked base64 but is not.");
            }
        }
        // Half a surrogate pair in the event's string (a JSON escape API Gateway does not write, a direct invoke may) would
        // be encoded as '?', valid text that would then be stored.
        if (!UnicodeText.isValid(event.getBody())) {
            throw new HttpProblem(400, "Bad Request", "The body is not valid UTF-8.");
        }
        return event.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
