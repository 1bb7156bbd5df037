package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * The quotas of a regional REST API that API Gateway enforces before any function runs (its developer guide, "Amazon
 * API Gateway quotas"): a URL of at most 10240 characters, at most 10240 bytes of request line and header values
 * together, and a payload of at most 10 MB. Beyond each the emulator answers as a gateway would, with a problem
 * document: 414, 431 and 413. A body that is not valid HTTP framing (a bad chunk size, fewer bytes than its
 * {@code Content-Length}) is a 400.
 */
final class GatewayLimits {
    static final int MAX_URL_CHARACTERS = 10_240;
    static final int MAX_REQUEST_LINE_AND_HEADER_VALUE_BYTES = 10_240;
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    /** Read from the request or refused in its place. */
    sealed interface Body {
    }

    record Read(byte[] bytes) implements Body {
    }

    record Refused(APIGatewayProxyResponseEvent response) implements Body {
    }

    private GatewayLimits() {
    }

    /** What the gateway answers instead of invoking a function, if the request line or headers are over its quotas. */
    static Optional<APIGatewayProxyResponseEvent> headRefusal(Request request) {
        var target = target(request);
        if (target.length() > MAX_URL_CHARACTERS) {
            return Optional.of(GatewayResponses.problem(414, "URI Too Long",
                    "The URL is " + target.length() + " characters; API Gateway accepts at most " + MAX_URL_CHARACTERS + "."));
        }
        var size = requestLine(request, target).getBytes(StandardCharsets.UTF_8).length;
        for (HttpField field : request.getHeaders()) {
            size += field.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_REQUEST_LINE_AND_HEADER_VALUE_BYTES) {
            return Optional.of(GatewayResponses.problem(431, "Request Header Fields Too Large", "The request line and header values are " + size
                    + " bytes; API Gateway accepts at most " + MAX_REQUEST_LINE_AND_HEADER_VALUE_BYTES + "."));
        }
        var declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > MAX_PAYLOAD_BYTES) {
            return Optional.of(tooLarge());
        }
        return Optional.empty();
    }

    /** The whole body, read only up to API Gateway's payload limit. */
    static Body readBody(Request request) {
        try (var stream = Content.Source.asInputStream(request)) {
            var bytes = stream.readNBytes(MAX_PAYLOAD_BYTES + 1);
            return bytes.length > MAX_PAYLOAD_BYTES ? new Refused(tooLarge()) : new Read(bytes);
        } catch (IOException | RuntimeException badFraming) {
            // Jetty reports a bad chunk size, or a body shorter than announced, as a failure of the read.
            return new Refused(GatewayResponses.problem(400, "Bad Request",
                    "The request body is not valid HTTP framing: a malformed chunk, or fewer bytes than Content-Length."));
        }
    }

    static APIGatewayProxyResponseEvent tooLarge() {
        return GatewayResponses.problem(413, "Content Too Large", "The request is larger than API Gateway accepts (10 MB).");
    }

    /** The path and query as the client sent them, still percent-encoded; also one Jetty could not parse. */
    private static String target(Request request) {
        if (request.getConnectionMetaData().getAttribute(MalformedTargetConnections.SENT_TARGET) instanceof String sent) {
            return sent;
        }
        var uri = request.getHttpURI();
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }

    private static String requestLine(Request request, String target) {
        return request.getMethod() + " " + target + " " + request.getConnectionMetaData().getProtocol();
    }
}
