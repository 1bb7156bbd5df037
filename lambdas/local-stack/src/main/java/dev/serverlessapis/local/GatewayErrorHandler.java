package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's own answers, to requests it cannot hand to the emulator (a malformed request line, a non-numeric
 * {@code Content-Length}, a request line and headers beyond its buffer), as the problem documents of the
 * gateway responses Terraform configures (a 413 without their CORS headers: {@link GatewayResponses} says why). The text
 * is fixed per status: the server's own messages and exceptions never reach the client.
 */
final class GatewayErrorHandler extends ErrorHandler {
    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request is not valid HTTP: its request line, a header or the body's framing is malformed.",
            414, "The URL is longer than API Gateway accepts (" + GatewayLimits.MAX_URL_CHARACTERS + " characters).",
            431, "The request line and headers are larger than API Gateway accepts ("
                    + GatewayLimits.MAX_REQUEST_LINE_AND_HEADER_VALUE_BYTES + " bytes).",
            501, "This transfer encoding is not supported.",
            505, "Only HTTP/1.0 and HTTP/1.1 are served.");

    /** A request the server parsed far enough to have one, but failed before or while the emulator handled it. */
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        var origin = Optional.ofNullable(request.getHeaders().get(HttpHeader.ORIGIN));
        ProxyResponses.write(request, response, callback, GatewayResponses.withGatewayHeaders(origin, problem(status)));
    }

    /** A request line or header the server could not parse: there is no request, only the status to answer with. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, HttpResponse.PROBLEM_JSON));
        fields.put(new HttpField(HttpHeader.CACHE_CONTROL, "no-store"));
        fields.put(new HttpField("X-Content-Type-Options", "nosniff"));
        return ByteBuffer.wrap(problem(status).getBody().getBytes(StandardCharsets.UTF_8));
    }

    private static APIGatewayProxyResponseEvent problem(int status) {
        if (status == GatewayResponses.NOT_CUSTOMISABLE) {
            return GatewayLimits.tooLarge();
        }
        var title = HttpStatus.getMessage(status);
        return GatewayResponses.problem(status, title, DETAILS.getOrDefault(status, title + "."));
    }
}
