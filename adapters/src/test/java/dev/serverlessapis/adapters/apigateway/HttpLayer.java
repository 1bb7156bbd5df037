package dev.serverlessapis.adapters.apigateway;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP layer as a function serves it, without Lambda or DynamoDB: endpoints over the domain's in-memory fakes,
 * the routes of the very {@code api.json} Terraform applies, and CORS for one allowed origin.
 */
public final class HttpLayer {
    public static final String ALLOWED_ORIGIN = "https://allowed.example";
    private static final RouteTable ROUTES = RouteTable.fromSpec(readApiJson());

    private HttpLayer() {
    }

    public static HttpFunction function(Map<Route, Endpoint> endpoints) {
        return new HttpFunction(endpoints, ROUTES, new Cors(Set.of(ALLOWED_ORIGIN)));
    }

    /** A header of the response as API Gateway will send it. */
    public static Optional<String> header(HttpResponse response, String name) {
        return ProxyEvents.header(response.toProxyResponse(), name);
    }

    private static JsonObject readApiJson() {
        var root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath();
        try {
            return Json.GSON.fromJson(Files.readString(root.resolve("terraform/modules/application/api.json")), JsonObject.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("api.json is read from the repository root " + root, unreadable);
        }
    }
}
