package dev.serverlessapis.local;

import dev.serverlessapis.lambdas.wiring.Configuration;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB Local per test JVM, with the tables of {@code api.json}, and the functions configured against it.
 * Handler classes build their Dagger graph once per class loader, so every test in the JVM must share this one.
 * The emulator starts only when an end-to-end test first asks for it; with {@code API_ENDPOINT} set, end-to-end tests
 * go to that deployed stage instead and nothing local is started for them. The functions' output is read as the local
 * stack reads it (into {@link #metrics()}, and by tests through {@link OutputTee}) but not printed, and their X-Ray
 * daemon is a loopback socket tests can read.
 */
public final class TestStack implements AutoCloseable {
    private static TestStack instance;

    private final LocalDynamoDb dynamoDb;
    private final ApiSpec spec = ApiSpec.load();
    private final LocalMetrics metrics = new LocalMetrics();
    private final LoopbackXRayDaemon xRayDaemon = new LoopbackXRayDaemon();
    private ApiGatewayEmulator emulator;

    private TestStack() {
        OutputTee.install(line -> !line.startsWith("{"));
        OutputTee.read(metrics);
        dynamoDb = LocalDynamoDb.start(Optional.empty());
        new TableProvisioner(dynamoDb.client()).provision(spec, java.util.Map.of());
        LocalStack.configureFunctions(spec, dynamoDb.endpoint(), new LocalStack.Settings(0, Optional.empty(),
                List.of(ALLOWED_TEST_ORIGIN), Optional.empty(), false));
        System.setProperty(Configuration.XRAY_DAEMON_ADDRESS, xRayDaemon.address());
    }

    /** The one origin that CORS allows in tests besides none. */
    public static final String ALLOWED_TEST_ORIGIN = "https://allowed.example";

    public static synchronized TestStack get(ExtensionContext context) {
        if (instance == null) {
            instance = new TestStack();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(TestStack.class.getName(), instance);
        }
        return instance;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.client();
    }

    public ApiSpec spec() {
        return spec;
    }

    /** What the functions' EMF documents added up to since the test JVM started. */
    public LocalMetrics metrics() {
        return metrics;
    }

    /** Where the functions' DynamoDB clients send their subsegments. */
    public LoopbackXRayDaemon xRayDaemon() {
        return xRayDaemon;
    }

    /** Where end-to-end tests send requests: {@code API_ENDPOINT}, or the local emulator. */
    public synchronized URI apiEndpoint() {
        var deployed = Optional.ofNullable(System.getenv("API_ENDPOINT")).filter(value -> !value.isBlank());
        if (deployed.isPresent()) {
            var url = deployed.get();
            return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        if (emulator == null) {
            emulator = ApiGatewayEmulator.start(spec, 0, new StaticPage(), metrics);
        }
        return emulator.baseUrl();
    }

    public static boolean againstDeployedStage() {
        return Optional.ofNullable(System.getenv("API_ENDPOINT")).filter(value -> !value.isBlank()).isPresent();
    }

    @Override
    public synchronized void close() {
        if (emulator != null) {
            emulator.close();
        }
        dynamoDb.close();
        xRayDaemon.close();
    }
}
