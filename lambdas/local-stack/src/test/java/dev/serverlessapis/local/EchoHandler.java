package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.GsonBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Answers with the event it was given, so a test can see exactly what the emulator sends a function; on a path ending
 * in {@code /slow}, after a second, so that a test can stop the emulator while a request is in flight.
 */
public final class EchoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final byte[] BINARY_ANSWER = {0, (byte) 0xFF, 0x10, (byte) 0x80};

    /** An api.json of one function, {@code echo}, this handler, serving {@code routes}. */
    static ApiSpec spec(ApiSpec.Route... routes) {
        return new ApiSpec(List.of(), List.of(new ApiSpec.Function("echo", EchoHandler.class.getName() + "::handleRequest",
                "none", List.of(), List.of())), List.of(routes));
    }

    static ApiSpec.Route route(String method, String path, String access) {
        return new ApiSpec.Route(method, path, "echo", access);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (event.getPath().endsWith("/slow")) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (event.getPath().endsWith("/binary")) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                    .withBody(Base64.getEncoder().encodeToString(BINARY_ANSWER)).withIsBase64Encoded(true);
        }
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json", "X-Function", context.getFunctionName()))
                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
                .withBody(new GsonBuilder().serializeNulls().create().toJson(event));
    }
}
