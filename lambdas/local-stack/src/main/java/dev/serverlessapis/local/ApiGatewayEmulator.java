package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.local.identity.CognitoAuthorizer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * API Gateway's REST API with Lambda proxy integration, in this JVM: each request becomes the
 * {@link APIGatewayProxyRequestEvent} API Gateway would send ({@link ProxyEvents}), the real handler class of its route
 * is invoked, and the handler's response is written back as API Gateway would write it ({@link ProxyResponses}).
 * Methods a resource does not serve, and CORS preflights, go to the resource's fallback function, as Terraform routes
 * {@code ANY} and {@code OPTIONS} on AWS. Paths matching no route are the page's files, or a 404 problem like the
 * gateway response Terraform configures. {@link LocalMetricsPage#PATH} shows the metrics the functions' EMF documents
 * carry, as the dashboard would.
 * <p>
 * It runs on the Jetty that DynamoDB Local brings, so that every request the server can parse at all is answered with
 * a problem document: over API Gateway's quotas by {@link GatewayLimits}, a path Jetty cannot parse here (see
 * {@link MalformedTargetConnections}), anything else unparseable by {@link GatewayErrorHandler}.
 */
public final class ApiGatewayEmulator implements AutoCloseable {
    /** The names a developer's browser and tools reach the stack by; it listens on 127.0.0.1 alone. */
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost");
    public static final String STAGE = "local";
    /**
     * Jetty's buffer for the request line and headers: beyond it Jetty itself refuses (414 or 431, as a problem) and
     * closes the connection. It is larger than API Gateway's quotas so that those are checked exactly, by
     * {@link GatewayLimits}, and answered on a connection that stays usable.
     */
    private static final int HEADER_BUFFER_BYTES = 64 * 1024;
    private static final long DRAIN_MILLIS = 5_000;

    private final ApiSpec spec;
    private final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers;
    private final RouteMatcher matcher;
    private final StaticPage page;
    private final LocalMetricsPage metricsPage;
    private final RouteAuthorizer authorization;
    private final Server server = new Server(threads());
    private final ServerConnector connector;

    private ApiGatewayEmulator(ApiSpec spec, Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers,
                               StaticPage page, LocalMetrics metrics, CognitoAuthorizer authorizer, int port) {
        this.spec = spec;
        this.handlers = handlers;
        this.matcher = new RouteMatcher(List.copyOf(spec.fallbackFunctionByPath().keySet()));
        this.page = page;
        this.metricsPage = new LocalMetricsPage(metrics);
        this.authorization = new RouteAuthorizer(authorizer);
        this.connector = new ServerConnector(server, new MalformedTargetConnections(httpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.setErrorHandler(new GatewayErrorHandler());
        server.setHandler(new GracefulHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                try {
                    ProxyResponses.write(request, response, callback, respond(request));
                    return true;
                } catch (RuntimeException defect) {
                    // The server answers a 500 problem; the developer needs the stack trace, which the client never sees.
                    System.err.printf("emulator failed on %s %s%n", request.getMethod(), request.getHttpURI().getPath());
                    defect.printStackTrace();
                    throw defect;
                }
            }
        }));
        server.setStopTimeout(DRAIN_MILLIS);
    }

    /**
     * Loads every function's handler class, which builds its Dagger graph, then listens on 127.0.0.1. Routes that
     * api.json marks {@code signed-in} go through {@code authorizer} first, as API Gateway's Cognito authorizer.
     */
    public static ApiGatewayEmulator start(ApiSpec spec, int port, StaticPage page, LocalMetrics metrics, CognitoAuthorizer authorizer) {
        var handlers = new LinkedHashMap<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>();
        spec.functions().forEach(function -> handlers.put(function.name(), function.newHandler()));
        var emulator = new ApiGatewayEmulator(spec, handlers, page, metrics, authorizer, port);
        try {
            emulator.server.start();
            return emulator;
        } catch (Exception portTaken) {
            emulator.close();
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ", which another process may hold:"
                    + " choose a free port with PORT=...", portTaken);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** Stops accepting, lets requests in flight finish (up to a few seconds), then returns. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception stopping) {
            throw new IllegalStateException("the emulator did not stop cleanly", stopping);
        }
    }

    /**
     * Strict where the JDK's server was not: query parameters and the page's path must be valid percent-encoded UTF-8,
     * and the server's own parser refuses a malformed request line. Paths are handed to functions still encoded, as
     * API Gateway does, where each function refuses what is not UTF-8 on its own field. Mere ambiguity ({@code %2F},
     * {@code %2e}) is not refused by the server but left to routing, as the JDK's server left it.
     */
    private static HttpConfiguration httpConfiguration() {
        var configuration = new HttpConfiguration();
        configuration.setRequestHeaderSize(HEADER_BUFFER_BYTES);
        configuration.setUriCompliance(UriCompliance.UNSAFE);
        configuration.setSendServerVersion(false);
        configuration.setSendXPoweredBy(false);
        return configuration;
    }

    /** Functions block on DynamoDB: each request runs on a virtual thread of its own, as with the JDK's server. */
    private static QueuedThreadPool threads() {
        var threads = new QueuedThreadPool();
        threads.setName("api-gateway-emulator");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        return threads;
    }

    /** Each function logs its own requests, as on Lambda; the page's files and the gateway's own answers log nothing. */
    private APIGatewayProxyResponseEvent respond(Request request) {
        var uri = request.getHttpURI();
        var refusal = GatewayLimits.headRefusal(request);
        if (refusal.isPresent()) {
            return gateway(request, refusal.get());
        }
        // DNS rebinding: a page on evil.example whose name the attacker points at 127.0.0.1 is same-origin with this
        // stack to the browser, so CORS would not keep it from a developer's data; the Host it sends names it.
        if (!LOOPBACK_NAMES.contains(uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT))) {
            return gateway(request, GatewayResponses.problem(421, "Misdirected Request",
                    "This local stack answers requests to 127.0.0.1 or localhost only, never a page on another name that resolves here."));
        }
        if (uri.getPath().equals(MalformedTargetConnections.MALFORMED_TARGET)) {
            return gateway(request, GatewayResponses.problem(400, "Bad Request",
                    "The request target is not a valid URI, such as a '%' not followed by two hex digits."));
        }
        // The server reads a raw byte that is not UTF-8 as U+FFFD: passed on, "\xC3(" would be the id "\uFFFD(", one
        // id for many different paths, where the same bytes percent-encoded are refused by the function (as the query's are here).
        if (uri.getPath().indexOf('\uFFFD') >= 0) {
            return gateway(request, GatewayResponses.problem(400, "Bad Request",
                    "The path holds bytes that are not UTF-8: send its text as UTF-8, percent-encoded."));
        }
        if (uri.getPath().equals(LocalMetricsPage.PATH)) {
            return metricsPage.serve(request.getMethod(), Optional.ofNullable(request.getHeaders().get("Accept")),
                    Optional.ofNullable(uri.getQuery()));
        }
        var query = QueryString.parse(uri.getQuery());
        if (query.isEmpty()) {
            return gateway(request, GatewayResponses.problem(400, "Bad Request",
                    "The query string is not valid: each '%' must start an escape of two hex digits, and the text must be UTF-8."));
        }
        var body = GatewayLimits.readBody(request);
        if (body instanceof GatewayLimits.Refused(var response)) {
            return gateway(request, response);
        }
        var match = matcher.match(uri.getPath());
        if (match.isEmpty()) {
            return QueryString.decode(uri.getPath(), false)
                    .flatMap(path -> page.serve(request.getMethod(), path))
                    .orElseGet(() -> gateway(request, GatewayResponses.problem(404, "Not Found", "No route matches this path.")));
        }
        var event = ProxyEvents.of(request, match.get(), query.get(), ((GatewayLimits.Read) body).bytes());
        var route = routeFor(event.getHttpMethod(), match.get().template());
        var authorizerRefusal = authorization.refusal(route, event);
        if (authorizerRefusal.isPresent()) {
            return authorizerRefusal.get();
        }
        var function = route.map(ApiSpec.Route::function).orElse(spec.fallbackFunctionByPath().get(match.get().template()));
        // Lambda's request id is the invocation's own, not API Gateway's: the log lines carry both, as on AWS.
        var answer = handlers.get(function).handleRequest(event, new LocalContext(UUID.randomUUID().toString(), function));
        return LambdaResponseLimit.fits(answer) ? answer : gateway(request, LambdaResponseLimit.refusal());
    }

    private static APIGatewayProxyResponseEvent gateway(Request request, APIGatewayProxyResponseEvent response) {
        return GatewayResponses.withGatewayHeaders(Optional.ofNullable(request.getHeaders().get("Origin")), response);
    }

    /** The route api.json declares; none for other methods (405) and preflights, which need no authorizer. */
    private Optional<ApiSpec.Route> routeFor(String method, String template) {
        return spec.routes().stream()
                .filter(route -> route.path().equals(template) && route.method().equals(method))
                .findFirst();
    }
}
