package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import dev.serverlessapis.adapters.apigateway.Problems;
import dev.serverlessapis.local.identity.CognitoAuthorizer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * API Gateway's REST API with Lambda proxy integration, in this JVM: each request becomes the
 * {@link APIGatewayProxyRequestEvent} API Gateway would send, the real handler class of its route is invoked, and
 * the handler's response is written back as API Gateway would write it. Methods a resource does not serve, and
 * CORS preflights, go to the resource's fallback function, as Terraform routes {@code ANY} and {@code OPTIONS} on AWS.
 * Paths matching no route are the page's files, or a 404 problem like the gateway response Terraform configures.
 * {@link LocalMetricsPage#PATH} shows the metrics the functions' EMF documents carry, as the dashboard would.
 */
public final class ApiGatewayEmulator implements AutoCloseable {
    public static final String STAGE = "local";
    /** API Gateway's own payload limit; the functions enforce the contract's smaller one. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final int DRAIN_SECONDS = 5;

    private final ApiSpec spec;
    private final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers;
    private final RouteMatcher matcher;
    private final StaticPage page;
    private final RouteAuthorizer authorization;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private ApiGatewayEmulator(ApiSpec spec, Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers,
                               StaticPage page, CognitoAuthorizer authorizer, HttpServer server) {
        this.spec = spec;
        this.handlers = handlers;
        this.matcher = new RouteMatcher(List.copyOf(spec.fallbackFunctionByPath().keySet()));
        this.page = page;
        this.authorization = new RouteAuthorizer(authorizer);
        this.server = server;
    }

    /**
     * Loads every function's handler class, which builds its Dagger graph, then listens on 127.0.0.1. Routes that
     * api.json marks {@code signed-in} go through {@code authorizer} first, as API Gateway's Cognito authorizer.
     */
    public static ApiGatewayEmulator start(ApiSpec spec, int port, StaticPage page, LocalMetrics metrics, CognitoAuthorizer authorizer) {
        var handlers = new LinkedHashMap<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>();
        spec.functions().forEach(function -> handlers.put(function.name(), function.newHandler()));
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
            var emulator = new ApiGatewayEmulator(spec, handlers, page, authorizer, server);
            server.setExecutor(emulator.executor);
            server.createContext("/", emulator::exchange);
            server.createContext(LocalMetricsPage.PATH, new LocalMetricsPage(metrics));
            server.start();
            return emulator;
        } catch (IOException portTaken) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, portTaken);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops accepting, lets requests in flight finish (up to a few seconds), then returns. */
    @Override
    public void close() {
        server.stop(DRAIN_SECONDS);
        executor.close();
    }

    /** Each function logs its own requests, as on Lambda; the page's files and the gateway's own 404s log nothing. */
    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            respond(exchange);
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        var body = readBody(exchange.getRequestBody());
        if (body.isEmpty()) {
            write(exchange, problem(413, "Content Too Large", "The request is larger than API Gateway accepts."));
            return;
        }
        var match = matcher.match(exchange.getRequestURI().getRawPath());
        if (match.isEmpty()) {
            write(exchange, page.serve(exchange.getRequestMethod(), exchange.getRequestURI().getPath())
                    .orElseGet(() -> problem(404, "Not Found", "No route matches this path.")));
            return;
        }
        var event = event(exchange, match.get(), body.get());
        var route = routeFor(event.getHttpMethod(), match.get().template());
        var refusal = authorization.refusal(route, event, exchange.getRequestHeaders());
        if (refusal.isPresent()) {
            write(exchange, refusal.get());
            return;
        }
        var function = route.map(ApiSpec.Route::function).orElse(spec.fallbackFunctionByPath().get(match.get().template()));
        // Lambda's request id is the invocation's own, not API Gateway's: the log lines carry both, as on AWS.
        write(exchange, handlers.get(function).handleRequest(event, new LocalContext(UUID.randomUUID().toString(), function)));
    }

    /** The route api.json declares; none for other methods (405) and preflights, which need no authorizer. */
    private Optional<ApiSpec.Route> routeFor(String method, String template) {
        return spec.routes().stream()
                .filter(route -> route.path().equals(template) && route.method().equals(method))
                .findFirst();
    }

    private APIGatewayProxyRequestEvent event(HttpExchange exchange, RouteMatcher.Match match, byte[] body) {
        var uri = exchange.getRequestURI();
        var requestId = UUID.randomUUID().toString();
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        var multiHeaders = new LinkedHashMap<String, List<String>>();
        var headers = new LinkedHashMap<String, String>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            multiHeaders.put(name, List.copyOf(values));
            headers.put(name, values.getLast());
        });
        var multiQuery = query(uri.getRawQuery());
        var query = new LinkedHashMap<String, String>();
        multiQuery.forEach((name, values) -> query.put(name, values.getLast()));
        var host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("127.0.0.1");
        var text = asText(body, exchange.getRequestHeaders().getFirst("Content-Type"));

        return new APIGatewayProxyRequestEvent()
                .withResource(match.template())
                .withPath(uri.getRawPath())
                .withHttpMethod(exchange.getRequestMethod().toUpperCase(Locale.ROOT))
                .withHeaders(headers.isEmpty() ? null : headers)
                .withMultiValueHeaders(multiHeaders.isEmpty() ? null : multiHeaders)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withStageVariables(null)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withStage(STAGE)
                        .withRequestId(requestId)
                        .withExtendedRequestId(requestId)
                        .withDomainPrefix(host.split("[.:]", 2)[0])
                        .withResourceId(Integer.toHexString(match.template().hashCode()))
                        .withResourcePath(match.template())
                        .withHttpMethod(exchange.getRequestMethod().toUpperCase(Locale.ROOT))
                        .withPath("/" + STAGE + uri.getRawPath())
                        .withProtocol(exchange.getProtocol())
                        .withDomainName(host)
                        .withRequestTime(REQUEST_TIME.format(now))
                        .withRequestTimeEpoch(now.toInstant().toEpochMilli())
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity()
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(exchange.getRequestHeaders().getFirst("User-Agent"))
                                .withApiKey(exchange.getRequestHeaders().getFirst("X-Api-Key"))))
                .withBody(body.length == 0 ? null : text.orElseGet(() -> Base64.getEncoder().encodeToString(body)))
                .withIsBase64Encoded(body.length > 0 && text.isEmpty());
    }

    private static void write(HttpExchange exchange, APIGatewayProxyResponseEvent response) {
        try {
            var headers = exchange.getResponseHeaders();
            Optional.ofNullable(response.getHeaders()).orElse(Map.of()).forEach(headers::set);
            Optional.ofNullable(response.getMultiValueHeaders()).orElse(Map.of())
                    .forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
            var body = response.getBody() == null ? new byte[0]
                    : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            var status = response.getStatusCode() == null ? 502 : response.getStatusCode();
            var noBody = status == 204 || status == 304 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
            if (!noBody && body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    /** The problem document of the gateway responses Terraform configures, from the functions' own {@link Problems}. */
    static APIGatewayProxyResponseEvent problem(int status, String title, String detail) {
        return Problems.problem(status, title, detail, Map.of()).toProxyResponse();
    }

    /** Empty when the body is larger than API Gateway accepts. */
    private static Optional<byte[]> readBody(InputStream stream) throws IOException {
        var bytes = stream.readNBytes(MAX_PAYLOAD_BYTES + 1);
        return bytes.length > MAX_PAYLOAD_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    /** Textual media types travel as text when they are valid UTF-8; anything else is base64, as for binary types. */
    private static Optional<String> asText(byte[] body, String contentType) {
        var type = Optional.ofNullable(contentType).orElse("").toLowerCase(Locale.ROOT);
        if (!(type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }

    private static Map<String, List<String>> query(String rawQuery) {
        var result = new LinkedHashMap<String, List<String>>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (var pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var parts = pair.split("=", 2);
            result.computeIfAbsent(decode(parts[0]), name -> new ArrayList<>()).add(parts.length == 2 ? decode(parts[1]) : "");
        }
        return result;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
