package dev.serverlessapis.lambdas.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpServer;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles;
import dev.serverlessapis.adapters.dynamodb.SignedCursors;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.adapters.observability.RequestObserver;
import dev.serverlessapis.domain.user.Incarnation;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.Version;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client as the wiring builds it, against stores that fail on loopback: one that accepts connections and
 * never answers, one that answers DynamoDB's 500, one that answers 400 and one that answers a write with the 400 of a
 * transaction in progress on its item. A request through the HTTP layer must end promptly with a 503 and
 * {@code Retry-After} where a retry may help, and with a 500 only for our own bad request.
 */
class DynamoDbTimeLimitsTest {
    private static final List<String> SETTINGS = List.of(Configuration.DYNAMODB_ENDPOINT, Configuration.AWS_REGION,
            AwsModule.ATTEMPT_TIMEOUT, AwsModule.CALL_TIMEOUT, AwsModule.MAX_ATTEMPTS);

    /** Loads and initialises the SDK's request pipeline once, so the figures below measure the limits, not class loading. */
    @BeforeAll
    static void warmUp() throws Exception {
        try (var store = AnsweringStore.answering(400, "com.amazon.coral.validate#ValidationException")) {
            configure(store.url());
            readAUser();
        }
        SETTINGS.forEach(System::clearProperty);
    }

    @AfterEach
    void forgetSettings() {
        SETTINGS.forEach(System::clearProperty);
    }

    @Test
    void aStoreThatStopsAnsweringGivesA503WithRetryAfterWithinTheConfiguredLimits() throws Exception {
        try (var stalled = new StalledStore()) {
            configure("http://127.0.0.1:" + stalled.port());
            System.setProperty(AwsModule.ATTEMPT_TIMEOUT, "200");
            System.setProperty(AwsModule.CALL_TIMEOUT, "600");
            System.setProperty(AwsModule.MAX_ATTEMPTS, "2");

            var elapsed = timedUnavailableRead("stalled store, 200 ms attempts in a 600 ms call");
            assertThat(elapsed).as("it did not hang").isLessThan(Duration.ofSeconds(20));
            assertThat(stalled.connections()).as("the request reached the store").isPositive();
        }
    }

    @Test
    void withTheDefaultLimitsAStalledStoreEndsTheRequestInsideTheFunctionTimeout() throws Exception {
        try (var stalled = new StalledStore()) {
            configure("http://127.0.0.1:" + stalled.port());

            var elapsed = timedUnavailableRead("stalled store, default limits");
            assertThat(elapsed).as("inside Terraform's 10 s function timeout").isLessThan(Duration.ofSeconds(10));
        }
    }

    /**
     * A store whose address takes no connection (its backlog full, so the connect waits, as when the packets to it are
     * lost) still ends the request with a 503 while the function runs: the cap on a call cannot cut a connect under
     * way, so the connect's own timeout is how far the request may overrun its deadline, and it stays inside the
     * margin kept back to answer. Here 1.6 s remain, so the deadline is at 1.1 s.
     */
    @Test
    void aStoreThatTakesNoConnectionEndsTheRequestWhileTheFunctionStillRuns() throws Exception {
        try (var unreachable = new UnconnectableStore()) {
            configure("http://127.0.0.1:" + unreachable.port());
            // With the default 3 attempts the call gives up first; with 20 the request's deadline cuts it, mid-connect.
            for (var attempts : List.of("3", "20")) {
                System.setProperty(AwsModule.MAX_ATTEMPTS, attempts);
                var remaining = Duration.ofMillis(1600);
                var started = System.nanoTime();
                var response = readAUser(remaining);
                var elapsed = Duration.ofNanos(System.nanoTime() - started);
                System.out.printf("store taking no connection, %s attempts, %d ms left: %d after %d ms%n", attempts, remaining.toMillis(),
                        response.getStatusCode(), elapsed.toMillis());
                assertUnavailable(response);
                assertThat(elapsed).as("%s attempts: answered before the function's time ran out", attempts).isLessThan(remaining);
            }
        }
    }

    /**
     * A store that takes the connection and never answers the TLS handshake (the endpoint is https on AWS) ends the
     * request with a 503 while the function runs: the request's deadline cuts the handshake as it cuts a read, before
     * the attempt's 2 s socket timeout would. Here 1.6 s remain, so the deadline is at 1.1 s.
     */
    @Test
    void aStoreThatNeverAnswersTheTlsHandshakeEndsTheRequestWhileTheFunctionStillRuns() throws Exception {
        try (var stalled = new StalledStore()) {
            configure("https://127.0.0.1:" + stalled.port());
            var remaining = Duration.ofMillis(1600);
            var started = System.nanoTime();
            var response = readAUser(remaining);
            var elapsed = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("store stalling the TLS handshake, %d ms left: %d after %d ms%n", remaining.toMillis(),
                    response.getStatusCode(), elapsed.toMillis());
            assertUnavailable(response);
            assertThat(elapsed).as("answered before the function's time ran out").isLessThan(remaining);
            assertThat(stalled.connections()).as("the handshake reached the store").isPositive();
        }
    }

    @Test
    void dynamoDbsOwnServerErrorIsTriedAgainThenA503AndOurBadRequestIsA500AtOnce() throws Exception {
        System.setProperty(AwsModule.MAX_ATTEMPTS, "3");
        try (var store = AnsweringStore.answering(500, "com.amazonaws.dynamodb.v20120810#InternalServerError")) {
            configure(store.url());
            assertUnavailable(readAUser());
            assertThat(store.requests()).as("the standard retries still apply").isEqualTo(3);
        }
        try (var store = AnsweringStore.answering(400, "com.amazon.coral.validate#ValidationException")) {
            configure(store.url());
            var response = readAUser();
            assertThat(response.getStatusCode()).isEqualTo(500);
            assertThat(response.getBody()).doesNotContain("ValidationException").contains("requestId");
            assertThat(store.requests()).as("a 4xx is not retried").isEqualTo(1);
        }
    }

    @Test
    void aProfileWriteThatMeetsTheSweepsTransactionIsTriedAgainAndEndsWithA503WhileTheItemStaysHeld() throws Exception {
        try (var store = AnsweringStore.answering(400, TRANSACTION_CONFLICT)) {
            configure(store.url());
            System.setProperty(AwsModule.MAX_ATTEMPTS, "3");

            assertUnavailable(replaceAUser());
            assertThat(store.requests()).as("the SDK tried every attempt").isEqualTo(3);
        }
    }

    @Test
    void aProfileWriteThatMeetsTheSweepsTransactionSucceedsOnceTheItemIsFree() throws Exception {
        try (var store = AnsweringStore.failingFirst(2, 400, TRANSACTION_CONFLICT)) {
            configure(store.url());
            System.setProperty(AwsModule.MAX_ATTEMPTS, "3");

            var response = replaceAUser();
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
            assertThat(store.requests()).isEqualTo(3);
        }
    }

    private static final String TRANSACTION_CONFLICT = "com.amazonaws.dynamodb.v20120810#TransactionConflictException";

    private static void configure(String endpoint) {
        System.setProperty(Configuration.DYNAMODB_ENDPOINT, endpoint);
        System.setProperty(Configuration.AWS_REGION, "us-east-1");
    }

    /** GET /users/{id} through the HTTP layer over the adapter and the client the wiring builds. */
    private static APIGatewayProxyResponseEvent readAUser() {
        return readAUser(Duration.ofSeconds(29));
    }

    /** The same, in an invocation with this much time left. */
    private static APIGatewayProxyResponseEvent readAUser(Duration remaining) {
        return throughTheWiredClient("GET", "/users/{id}", remaining, client -> {
            new DynamoDbUserProfiles(client, "user-profiles", new SignedCursors("test-cursor-signing-key")).find(new UserId("ada"));
            return HttpResponse.empty(200);
        });
    }

    /** PUT /users/{id} whose email stays (a single conditional put) through the HTTP layer and the wired client. */
    private static APIGatewayProxyResponseEvent replaceAUser() {
        return throughTheWiredClient("PUT", "/users/{id}", Duration.ofSeconds(29), client -> {
            var profiles = new DynamoDbUserProfiles(client, "user-profiles", new SignedCursors("test-cursor-signing-key"));
            var current = new StoredProfile(UserProfile.of(Map.of("id", "ada", "name", "Ada")), Version.first(Incarnation.UNNAMED), Optional.of(new ProfileOwner("ada")));
            profiles.replace(current, UserProfile.of(Map.of("id", "ada", "name", "Ada Lovelace")));
            return HttpResponse.empty(204);
        });
    }

    private static APIGatewayProxyResponseEvent throughTheWiredClient(String method, String resource, Duration remaining,
                                                                      Function<DynamoDbClient, HttpResponse> work) {
        var configuration = new Configuration();
        var client = AwsModule.dynamoDb(configuration, new CurrentTraceHeader(configuration),
                new EmfMetrics("test", line -> { }, Clock.systemUTC()), Clock.systemUTC());
        try (client) {
            var http = new HttpFunction(Map.of(Route.of(method, resource), request -> work.apply(client)),
                    new RouteTable(Map.of(resource, List.of(method))), Cors.allowing(""), RequestObserver.standalone("test", "test", line -> { }));
            return http.handle(new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource)
                    .withPathParameters(Map.of("id", "ada"))
                    .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("test-request")), "test-invocation",
                    remaining);
        }
    }

    /** Reads a user, prints how long the 503 took, and answers that time. */
    private static Duration timedUnavailableRead(String situation) {
        var started = System.nanoTime();
        var response = readAUser();
        var elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("%s: %d after %d ms%n", situation, response.getStatusCode(), elapsed.toMillis());
        assertUnavailable(response);
        return elapsed;
    }

    private static void assertUnavailable(APIGatewayProxyResponseEvent response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
        assertThat(response.getMultiValueHeaders().get("Retry-After")).containsExactly("1");
        assertThat(response.getBody()).contains("test-request").doesNotContain("Exception");
    }

    /** Accepts every connection on loopback and never writes a byte. */
    private static final class StalledStore implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        StalledStore() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (var socket : accepted) {
                socket.close();
            }
        }
    }

    /**
     * Listens on loopback and accepts nothing, its backlog filled by connections of its own, so that a further connect
     * waits: the kernel drops its SYN, as a network that loses the packets to a store would.
     */
    private static final class UnconnectableStore implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final List<Socket> filling = new CopyOnWriteArrayList<>();

        UnconnectableStore() throws IOException {
            for (int i = 0; i < 16; i++) {
                var socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
                    filling.add(socket);
                } catch (java.net.SocketTimeoutException full) {
                    socket.close();
                    return;
                }
            }
            throw new IllegalStateException("the backlog never filled: a connect here would not wait");
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (var socket : filling) {
                socket.close();
            }
            server.close();
        }
    }

    /** Answers requests with one DynamoDB error (the first {@code failures}, or all), then DynamoDB's empty success. */
    private record AnsweringStore(HttpServer server, AtomicInteger received) implements AutoCloseable {
        static AnsweringStore answering(int status, String type) throws IOException {
            return failingFirst(Integer.MAX_VALUE, status, type);
        }

        static AnsweringStore failingFirst(int failures, int status, String type) throws IOException {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var received = new AtomicInteger();
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                var failing = received.incrementAndGet() <= failures;
                var body = (failing ? "{\"__type\":\"" + type + "\",\"message\":\"simulated\"}" : "{}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                if (failing) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", type.substring(type.indexOf('#') + 1));
                }
                exchange.sendResponseHeaders(failing ? status : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new AnsweringStore(server, received);
        }

        int requests() {
            return received.get();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
