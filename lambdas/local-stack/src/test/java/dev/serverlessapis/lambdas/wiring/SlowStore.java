package dev.serverlessapis.lambdas.wiring;

import dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles;
import dev.serverlessapis.adapters.dynamodb.SignedCursors;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.domain.user.UserProfiles;
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
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A loopback proxy to DynamoDB Local that holds each chunk the client sends for {@code delay} before passing it on:
 * a call, its headers and body often in two chunks, then takes up to twice that, inside the SDK's 2 s attempt.
 */
final class SlowStore implements AutoCloseable {
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

    /** The user-profile adapter on a client the wiring builds, with its default time limits, to this store. */
    UserProfiles profiles() {
        var localEndpoint = System.getProperty(Configuration.DYNAMODB_ENDPOINT);
        System.setProperty(Configuration.DYNAMODB_ENDPOINT, url());
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

    private String url() {
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
