package dev.serverlessapis.local;

import dev.serverlessapis.lambdas.wiring.Configuration;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import dev.serverlessapis.local.dynamodb.TableProvisioner;
import dev.serverlessapis.local.identity.CognitoAuthorizer;
import dev.serverlessapis.local.identity.LocalIssuer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine, nothing of the cloud: DynamoDB Local, the tables of {@code api.json}, and every
 * function behind the API Gateway emulator, with the page at {@code /} and the metrics at {@link LocalMetricsPage#PATH},
 * and a local sign-in issuer standing in for the Cognito user pool. The functions' output is printed as Lambda would
 * write it to CloudWatch Logs, and their EMF documents are read from it into the local metrics. {@code make run} starts it.
 */
public final class LocalStack implements AutoCloseable {
    /** Only for signing page cursors locally; on AWS each environment gets its own secret from Terraform. */
    static final String LOCAL_CURSOR_KEY = "local-stack-cursor-signing-key";
    /** The {@code Service} dimension of the local stack's metrics. */
    public static final String METRICS_SERVICE = "local";

    private final LocalDynamoDb dynamoDb;
    private final LocalIssuer issuer;
    private final ApiGatewayEmulator emulator;
    private final OutputTee.Reading metricsReading;

    private LocalStack(LocalDynamoDb dynamoDb, LocalIssuer issuer, ApiGatewayEmulator emulator, OutputTee.Reading metricsReading) {
        this.dynamoDb = dynamoDb;
        this.issuer = issuer;
        this.emulator = emulator;
        this.metricsReading = metricsReading;
    }

    /**
     * @param port          0 for any free port
     * @param dataDirectory where DynamoDB Local keeps its files; empty for in memory
     * @param extraOrigins  origins allowed by CORS besides the page's own
     * @param counters      the counters to provision; empty for api.json's defaults
     * @param terminal      whether a person reads the output: one readable line per request, and no EMF documents
     * @param issuerPort    the local sign-in issuer's port, 0 for any free one
     */
    public record Settings(int port, Optional<Path> dataDirectory, List<String> extraOrigins, Optional<List<String>> counters,
                           boolean terminal, int issuerPort) {
    }

    public static LocalStack start(Settings settings) {
        var spec = ApiSpec.load();
        var dynamoDb = LocalDynamoDb.start(settings.dataDirectory());
        LocalIssuer issuer = null;
        try {
            new TableProvisioner(dynamoDb.client()).provision(spec.tables(), settings.counters().map(list -> Map.of("counters", list)).orElse(Map.of()));
            configureFunctions(spec, dynamoDb.endpoint(), settings);
            issuer = LocalIssuer.start(settings.issuerPort(), LocalIssuer.newSigningKey(), Clock.systemUTC());
            var page = StaticPage.signingInAt(issuer.issuer(), issuer.authorizationEndpoint(), issuer.tokenEndpoint(), LocalIssuer.PAGE_CLIENT_ID);
            var metrics = new LocalMetrics();
            OutputTee.install(settings.terminal() ? line -> !OutputTee.isMetricsDocument(line) : line -> true);
            var reading = OutputTee.read(metrics);
            var emulator = ApiGatewayEmulator.start(spec, settings.port(), page, metrics, authorizerOf(issuer));
            registerPageCallbacks(issuer, emulator.baseUrl());
            return new LocalStack(dynamoDb, issuer, emulator, reading);
        } catch (RuntimeException failedToStart) {
            if (issuer != null) {
                issuer.close();
            }
            dynamoDb.close();
            throw failedToStart;
        }
    }

    /** What API Gateway's Cognito authorizer is on AWS: tokens of the page's app client, from this issuer. */
    public static CognitoAuthorizer authorizerOf(LocalIssuer issuer) {
        return new CognitoAuthorizer(issuer.issuer(), issuer.jwks(), Set.of(LocalIssuer.PAGE_CLIENT_ID), Clock.systemUTC());
    }

    /**
     * The page's callback URLs, as Terraform registers the site's root with the Cognito app client: the page at
     * {@code baseUrl}'s root, reached as 127.0.0.1 or as localhost.
     */
    public static void registerPageCallbacks(LocalIssuer issuer, URI baseUrl) {
        issuer.registerCallbackUrl(baseUrl.resolve("/"));
        issuer.registerCallbackUrl(URI.create("http://localhost:" + baseUrl.getPort() + "/"));
    }

    /**
     * What Terraform sets as each function's environment, set here as system properties because all functions share
     * this JVM. Local table names carry no project or environment prefix.
     */
    public static void configureFunctions(ApiSpec spec, URI dynamoDbEndpoint, Settings settings) {
        functionEnvironment(spec, dynamoDbEndpoint, settings).forEach(System::setProperty);
    }

    /** What Terraform sets as each function's environment, pointed at the local stack; the bench gives it to its JVMs. */
    public static Map<String, String> functionEnvironment(ApiSpec spec, URI dynamoDbEndpoint, Settings settings) {
        var environment = new LinkedHashMap<String, String>();
        environment.put(Configuration.DYNAMODB_ENDPOINT, dynamoDbEndpoint.toString());
        environment.put(Configuration.AWS_REGION, LocalDynamoDb.REGION);
        environment.put(Configuration.CURSOR_SIGNING_KEY, LOCAL_CURSOR_KEY);
        environment.put(Configuration.METRICS_SERVICE, METRICS_SERVICE);
        environment.put(Configuration.LOG_FORMAT, settings.terminal() ? "Text" : "JSON");
        spec.tables().forEach(table -> environment.put(table.nameVariable(), table.name()));
        var origins = new LinkedHashSet<String>();
        if (settings.port() != 0) {
            origins.add("http://127.0.0.1:" + settings.port());
            origins.add("http://localhost:" + settings.port());
        }
        origins.addAll(settings.extraOrigins());
        environment.put(Configuration.ALLOWED_ORIGINS, String.join(",", origins));
        return environment;
    }

    public URI baseUrl() {
        return emulator.baseUrl();
    }

    public LocalDynamoDb dynamoDb() {
        return dynamoDb;
    }

    public LocalIssuer issuer() {
        return issuer;
    }

    @Override
    public void close() {
        emulator.close();
        issuer.close();
        dynamoDb.close();
        metricsReading.close();
    }

    public static void main(String[] arguments) throws InterruptedException {
        var started = System.nanoTime();
        Settings settings;
        LocalStack stack;
        try {
            var configuration = new Configuration();
            settings = new Settings(configuration.integer("PORT", 3000), Optional.of(Path.of(configuration.optional("DATA_DIR").orElse(".data"))),
                    configuration.optional("ALLOWED_ORIGINS").map(list -> List.of(list.split(","))).orElse(List.of()),
                    configuration.optional("COUNTERS").map(list -> List.of(list.split(","))), outputIsATerminal(),
                    configuration.integer("ISSUER_PORT", 0));
            stack = start(settings);
        } catch (RuntimeException cannotStart) {
            System.err.println("The local stack did not start: " + cannotStart.getMessage()
                    + (cannotStart.getCause() == null ? "" : " (" + cannotStart.getCause().getMessage() + ")"));
            // DynamoDB Local leaves a thread behind even once closed, which would keep this JVM waiting for nothing.
            System.exit(1);
            return;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: finishing requests in flight, then closing DynamoDB Local.");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.printf("Local stack ready in %d ms at http://127.0.0.1:%d/ (data in %s, metrics at %s). Ctrl-C stops it.%n",
                (System.nanoTime() - started) / 1_000_000, stack.baseUrl().getPort(), settings.dataDirectory().orElseThrow(),
                LocalMetricsPage.PATH);
        // The same command as the README's, which needs no jq.
        System.out.printf("Local sign-in (anyone, any handle, any non-empty password; local only): issuer %s%n"
                        + "  a token for scripts: curl -s -d grant_type=password -d client_id=%s -d scope=openid -d username=ada"
                        + " -d password=local [-d groups=admins] %s | tr -d ' \\n' | sed 's/.*\"id_token\":\"\\([^\"]*\\)\".*/\\1/'%n",
                stack.issuer().issuer(), LocalIssuer.PAGE_CLIENT_ID, stack.issuer().tokenEndpoint());
        stopped.await();
    }

    /**
     * Before JDK 22 a console exists only for a terminal; from 22 on it always exists, and says whether it is one
     * ({@code Console.isTerminal}, looked up by name since the code is compiled for 21).
     */
    static boolean outputIsATerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (ReflectiveOperationException unknown) {
            return false;
        }
    }
}
