package dev.serverlessapis.adapters.apigateway;

import dev.serverlessapis.adapters.json.JsonCodec;
import dev.serverlessapis.adapters.observability.RequestObserver;
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
    /** The Lambda request id every test invocation carries. */
    public static final String LAMBDA_REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e812345678";
    private static final RouteTable ROUTES = RouteTable.fromSpec(readApiJson());

    private HttpLayer() {
    }

    /** A function whose request log lines and metrics go nowhere. */
    public static HttpFunction function(Map<Route, Endpoint> endpoints) {
        return function(endpoints, line -> { });
    }

    /** A function that writes its JSON log lines and EMF documents, in order, to {@code out}. */
    public static HttpFunction function(Map<Route, Endpoint> endpoints, java.util.function.Consumer<String> out) {
        return new HttpFunction(endpoints, ROUTES, new Cors(Set.of(ALLOWED_ORIGIN)), RequestObserver.standalone("test", "test_function", out));
    }

    /** A header of the response as API Gateway will send it. */
    public static Optional<String> header(HttpResponse response, String name) {
        return ProxyEvents.header(response.toProxyResponse(), name);
    }

    private static Map<String, Object> readApiJson() {
        var root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath();
        try {
            return JsonCodec.parseObject(Files.readString(root.resolve("terraform/modules/application/api.json")));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("api.json is read from the repository root " + root, unreadable);
        }
    }
}
