package dev.serverlessapis.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local in this JVM, on a loopback port: in memory, or in SQLite files under a data directory. */
public final class LocalDynamoDb implements AutoCloseable {
    public static final String REGION = "us-east-1";

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Keeps data under {@code dataDirectory} when given, so it survives a restart; in memory otherwise. */
    public static LocalDynamoDb start(Optional<Path> dataDirectory) {
        if (System.getProperty("sqlite4java.library.path") == null) {
            throw new IllegalStateException("set -Dsqlite4java.library.path to the natives the build copies to "
                    + "lambdas/local-stack/target/native-libs (the Makefile does)");
        }
        try {
            var port = freePort();
            var arguments = new ArrayList<String>();
            arguments.add("-port");
            arguments.add(Integer.toString(port));
            arguments.add("-sharedDb");
            arguments.add("-disableTelemetry");
            if (dataDirectory.isPresent()) {
                Files.createDirectories(dataDirectory.get());
                arguments.add("-dbPath");
                arguments.add(dataDirectory.get().toAbsolutePath().toString());
            } else {
                arguments.add("-inMemory");
            }
            var server = ServerRunner.createServerFromCommandLineArgs(arguments.toArray(String[]::new));
            server.start();
            return new LocalDynamoDb(server, URI.create("http://127.0.0.1:" + port));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        } catch (Exception failedToStart) {
            throw new IllegalStateException("DynamoDB Local did not start", failedToStart);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception failedToStop) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", failedToStop);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
