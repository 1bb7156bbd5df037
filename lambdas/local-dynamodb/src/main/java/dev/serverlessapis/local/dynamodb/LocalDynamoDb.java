package dev.serverlessapis.local.dynamodb;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in this JVM: in memory, or in SQLite files under a data directory. It accepts any signature, so it
 * listens on loopback only (its own launcher binds every interface), on a port the system picks, without CORS (so no
 * web page can reach it either), and never sends telemetry.
 */
public final class LocalDynamoDb implements AutoCloseable {
    public static final String REGION = "us-east-1";

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamoDb(Server server, LocalDynamoDBServerHandler handler, URI endpoint) {
        this.server = server;
        this.handler = handler;
        this.endpoint = endpoint;
        this.client = clientWith();
    }

    /**
     * Told of each call DynamoDB Local answers, so that a client's time can be told apart from the store's: the time
     * runs from the request's first bytes reaching Jetty to its answer being written.
     */
    @FunctionalInterface
    public interface ServedCalls {
        /**
         * @param operation as the call's {@code X-Amz-Target} names it ({@code GetItem}), {@code (no target)} without one;
         *                  times on {@link System#nanoTime()}'s clock
         */
        void served(String operation, long startedNanos, long tookNanos);
    }

    /** Keeps data under {@code dataDirectory} when given, so it survives a restart; in memory otherwise. */
    public static LocalDynamoDb start(Optional<Path> dataDirectory) {
        return start(dataDirectory, (operation, startedNanos, tookNanos) -> {
        });
    }

    /** As {@link #start(Optional)}, telling {@code served} of every call it answers. */
    public static LocalDynamoDb start(Optional<Path> dataDirectory, ServedCalls served) {
        Objects.requireNonNull(served, "served");
        if (System.getProperty("sqlite4java.library.path") == null) {
            throw new IllegalStateException("set -Dsqlite4java.library.path to the natives the build copies to the "
                    + "target/native-libs of each module that starts DynamoDB Local (the Makefile and the tests do)");
        }
        var server = new Server();
        LocalDynamoDBServerHandler handler = null;
        try {
            if (dataDirectory.isPresent()) {
                Files.createDirectories(dataDirectory.get());
            }
            var requests = new LocalDynamoDBRequestHandler(0, dataDirectory.isEmpty(),
                    dataDirectory.map(directory -> directory.toAbsolutePath().toString()).orElse(null), true, false);
            handler = new LocalDynamoDBServerHandler(requests, null);
            var connector = new ServerConnector(server);
            connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
            connector.setPort(0);
            server.addConnector(connector);
            var context = new ContextHandler();
            context.setHandler(new Timed(handler, served));
            server.setHandler(context);
            server.start();
            return new LocalDynamoDb(server, handler, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        } catch (Exception failedToStart) {
            stop(server, handler);
            throw new IllegalStateException("DynamoDB Local did not start", failedToStart);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * A client of its own, made as {@link #client()} is but with these interceptors, for tests that act between a
     * caller's calls; the caller closes it.
     */
    public DynamoDbClient clientWith(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.executionInterceptors(List.of(interceptors)))
                .build();
    }

    @Override
    public void close() {
        client.close();
        stop(server, handler);
    }

    private static final class Timed extends Handler.Wrapper {
        private final ServedCalls served;

        Timed(Handler handler, ServedCalls served) {
            super(handler);
            this.served = served;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            var started = request.getBeginNanoTime();
            var target = request.getHeaders().get("X-Amz-Target");
            var operation = target == null ? "(no target)" : target.substring(target.indexOf('.') + 1);
            return super.handle(request, response, Callback.from(() -> served.served(operation, started, System.nanoTime() - started), callback));
        }
    }

    private static void stop(Server server, LocalDynamoDBServerHandler handler) {
        try {
            server.stop();
            if (handler != null) {
                handler.close();
            }
        } catch (Exception failedToStop) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", failedToStop);
        }
    }
}
