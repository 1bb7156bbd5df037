package dev.serverlessapis.lambdas.wiring;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.Endpoint;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles;
import dev.serverlessapis.adapters.dynamodb.SignedCursors;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.adapters.observability.RequestObserver;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A request is bounded as a whole by the invocation's remaining time, not only call by call: against DynamoDB Local
 * behind a proxy that makes it slow but still answering (every call well inside the SDK's own 2 s attempt and 5 s call
 * timeouts), a request given little time answers 503 with {@code Retry-After} instead of running on past it.
 */
@Tag("handler")
@ExtendWith(WithTestStack.class)
class RequestDeadlineTest {
    /** The invocation's remaining time in these tests: 500 ms of it to work, the rest kept to answer. */
    private static final Duration REMAINING = Duration.ofMillis(1_000);

    RequestDeadlineTest(TestStack stack) {
        // The stack provisions the tables and points the functions' settings at DynamoDB Local.
    }

    @Test
    void oneCallSlowerThanTheTimeLeftIsCutShortWithA503() throws Exception {
        try (var slow = new SlowStore(Duration.ofMillis(700))) {
            var profiles = profilesBehind(slow);
            var response = serve(profiles, request -> {
                profiles.find(new UserId("ada"));
                return HttpResponse.empty(200);
            });

            assertUnavailable(response);
            assertThat(slow.connections()).as("the call reached the store").isPositive();
        }
    }

    @Test
    void manyCallsThatEachFitTheirTimeoutButNotTogetherEndWithA503() throws Exception {
        try (var slow = new SlowStore(Duration.ofMillis(150))) {
            var profiles = profilesBehind(slow);
            var response = serve(profiles, request -> {
                for (int i = 0; i < 10; i++) {
                    profiles.find(new UserId("ada-" + i));
                }
                return HttpResponse.empty(200);
            });

            assertUnavailable(response);
        }
    }

    private static APIGatewayProxyResponseEvent serve(UserProfiles profiles, Endpoint endpoint) {
        var http = new HttpFunction(Map.of(Route.of("GET", "/users"), endpoint), new RouteTable(Map.of("/users", List.of("GET"))),
                Cors.allowing(""), RequestObserver.standalone("test", "test", line -> { }));
        return http.handle(request("GET", "/users", Map.of()), "test-invocation", REMAINING);
    }

    private static void assertUnavailable(APIGatewayProxyResponseEvent response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
        assertThat(response.getMultiValueHeaders().get("Retry-After")).containsExactly("1");
    }

    /** The user-profile adapter on a client the wiring builds, with its default time limits, to {@code store}. */
    private static UserProfiles profilesBehind(SlowStore store) {
        var localEndpoint = System.getProperty(Configuration.DYNAMODB_ENDPOINT);
        System.setProperty(Configuration.DYNAMODB_ENDPOINT, store.url());
        DynamoDbClient client;
        try {
            var configuration = new Configuration();
            client = AwsModule.dynamoDb(configuration, new CurrentTraceHeader(configuration),
                    new EmfMetrics("test", line -> { }, Clock.systemUTC()), Clock.systemUTC());
        } finally {
            System.setProperty(Configuration.DYNAMODB_ENDPOINT, localEndpoint);
        }
        return new DynamoDbUserProfiles(client, System.getProperty("USER_PROFILES_TABLE"),
                new SignedCursors(System.getProperty(Configuration.CURSOR_SIGNING_KEY)));
    }

    /**
     * A loopback proxy to DynamoDB Local that holds each chunk the client sends for {@code delay} before passing it on:
     * a call, its headers and body often in two chunks, then takes up to twice that, inside the SDK's 2 s attempt.
     */
    private static final class SlowStore implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final URI target = URI.create(System.getProperty(Configuration.DYNAMODB_ENDPOINT));

        SlowStore(Duration delay) throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        var client = server.accept();
                        var upstream = new Socket(target.getHost(), target.getPort());
                        sockets.add(client);
                        sockets.add(upstream);
                        var request = client.getInputStream();
                        var forward = upstream.getOutputStream();
                        var answer = upstream.getInputStream();
                        var back = client.getOutputStream();
                        Thread.ofVirtual().start(() -> pump(request, forward, delay));
                        Thread.ofVirtual().start(() -> pump(answer, back, Duration.ZERO));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void pump(InputStream from, OutputStream to, Duration delay) {
            var buffer = new byte[64 * 1024];
            try {
                for (int read; (read = from.read(buffer)) >= 0; ) {
                    Thread.sleep(delay);
                    to.write(buffer, 0, read);
                    to.flush();
                }
            } catch (IOException | InterruptedException closed) {
                // The SDK gave up on the call, or the test is over.
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        int connections() {
            return sockets.size() / 2;
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (var socket : sockets) {
                socket.close();
            }
        }
    }
}
