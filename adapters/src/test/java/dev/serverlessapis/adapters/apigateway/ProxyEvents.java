package dev.serverlessapis.adapters.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * API Gateway REST proxy events as test fixtures: the files under {@code src/test/resources/events}, each in the shape
 * of AWS's documented examples (see the README there), one per kind of request; adjusted per test, where only method,
 * route, parameters and body change.
 */
public final class ProxyEvents {
    private static final Gson GSON = new Gson();

    private ProxyEvents() {
    }

    /** The event {@code events/<name>.json}, with a fresh request id. */
    public static APIGatewayProxyRequestEvent event(String name) {
        try (var stream = Objects.requireNonNull(ProxyEvents.class.getResourceAsStream("/events/" + name + ".json"), name);
             var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            var event = GSON.fromJson(reader, APIGatewayProxyRequestEvent.class);
            event.getRequestContext().setRequestId(UUID.randomUUID().toString());
            return event;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The path-parameters event turned into another request on another route. */
    public static APIGatewayProxyRequestEvent request(String method, String resource, Map<String, String> pathParameters) {
        var event = event("path-parameters");
        var path = resource;
        for (var parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        event.setHttpMethod(method);
        event.setResource(resource);
        event.setPath(path);
        event.setPathParameters(pathParameters.isEmpty() ? null : new HashMap<>(pathParameters));
        event.getRequestContext().setHttpMethod(method);
        event.getRequestContext().setResourcePath(resource);
        event.getRequestContext().setPath("/dev" + path);
        return event;
    }

    /**
     * The event as API Gateway passes it after its Cognito authorizer let {@code handle} through: the ID token's
     * claims in {@code requestContext.authorizer.claims}, every value a string and the groups comma-joined, as in
     * {@code events/cognito-authorizer.json}.
     */
    public static APIGatewayProxyRequestEvent signedIn(APIGatewayProxyRequestEvent event, String handle, String... groups) {
        var claims = new HashMap<String, Object>();
        claims.put("sub", UUID.nameUUIDFromBytes(handle.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("cognito:username", handle);
        claims.put("token_use", "id");
        if (groups.length > 0) {
            claims.put("cognito:groups", String.join(",", groups));
        }
        var authorizer = new HashMap<String, Object>();
        authorizer.put("claims", claims);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    /** Signed in as {@code root}, a member of {@code admins}. */
    public static APIGatewayProxyRequestEvent asAdmin(APIGatewayProxyRequestEvent event) {
        return signedIn(event, "root", "admins");
    }

    public static APIGatewayProxyRequestEvent withHeader(APIGatewayProxyRequestEvent event, String name, String value) {
        var headers = new HashMap<>(Optional.ofNullable(event.getHeaders()).orElse(Map.of()));
        headers.put(name, value);
        var multi = new HashMap<>(Optional.ofNullable(event.getMultiValueHeaders()).orElse(Map.of()));
        multi.put(name, List.of(value));
        return event.withHeaders(headers).withMultiValueHeaders(multi);
    }

    /** As API Gateway passes a header the client sent on several lines: each in {@code multiValueHeaders}, the last in {@code headers}. */
    public static APIGatewayProxyRequestEvent withHeaderLines(APIGatewayProxyRequestEvent event, String name, String... lines) {
        var headers = new HashMap<>(Optional.ofNullable(event.getHeaders()).orElse(Map.of()));
        headers.put(name, lines[lines.length - 1]);
        var multi = new HashMap<>(Optional.ofNullable(event.getMultiValueHeaders()).orElse(Map.of()));
        multi.put(name, List.of(lines));
        return event.withHeaders(headers).withMultiValueHeaders(multi);
    }

    public static APIGatewayProxyRequestEvent withQuery(APIGatewayProxyRequestEvent event, Map<String, String> query) {
        var multi = new HashMap<String, List<String>>();
        query.forEach((name, value) -> multi.put(name, List.of(value)));
        return event.withQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query))
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : multi);
    }

    public static APIGatewayProxyRequestEvent withJsonBody(APIGatewayProxyRequestEvent event, String json) {
        return withHeader(event, "Content-Type", "application/json").withBody(json).withIsBase64Encoded(false);
    }

    public static Optional<String> header(APIGatewayProxyResponseEvent response, String name) {
        return Optional.ofNullable(response.getMultiValueHeaders()).orElse(Map.of()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst();
    }

    public static JsonElement json(APIGatewayProxyResponseEvent response) {
        return GSON.fromJson(response.getBody(), JsonElement.class);
    }
}
