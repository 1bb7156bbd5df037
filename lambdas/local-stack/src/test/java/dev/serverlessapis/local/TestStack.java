package dev.serverlessapis.local;

import com.nimbusds.jose.jwk.RSAKey;
import dev.serverlessapis.lambdas.wiring.Configuration;
import dev.serverlessapis.adapters.observability.LoopbackXRayDaemon;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import dev.serverlessapis.local.dynamodb.TableProvisioner;
import dev.serverlessapis.local.identity.LocalIssuer;
import java.net.URI;
import java.time.Clock;
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
    private LocalIssuer issuer;
    private final RSAKey signingKey = LocalIssuer.newSigningKey();

    private TestStack() {
        OutputTee.install(line -> !line.startsWith("{"));
        OutputTee.read(metrics);
        dynamoDb = LocalDynamoDb.start(Optional.empty());
        new TableProvisioner(dynamoDb.client()).provision(spec.tables(), java.util.Map.of());
        LocalStack.configureFunctions(spec, dynamoDb.endpoint(), new LocalStack.Settings(0, Optional.empty(),
                List.of(ALLOWED_TEST_ORIGIN), Optional.empty(), false, 0));
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
            return refusingProduction(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
        }
        if (emulator == null) {
            var signIn = issuer();
            var page = StaticPage.signingInAt(signIn.issuer(), signIn.authorizationEndpoint(), signIn.tokenEndpoint(), LocalIssuer.PAGE_CLIENT_ID);
            emulator = ApiGatewayEmulator.start(spec, 0, page, metrics, LocalStack.authorizerOf(signIn));
            LocalStack.registerPageCallbacks(signIn, emulator.baseUrl());
        }
        return emulator.baseUrl();
    }

    /** The local sign-in issuer whose tokens the emulator's authorizer accepts. */
    public synchronized LocalIssuer issuer() {
        if (issuer == null) {
            issuer = LocalIssuer.start(0, signingKey, Clock.systemUTC());
        }
        return issuer;
    }

    /** The local issuer's key, for tests that sign tokens breaking one rule each. */
    public RSAKey signingKey() {
        return signingKey;
    }

    /**
     * An ID token for {@code handle} (in {@code admins} when {@code admin}), from the local issuer's password grant,
     * as the curl of docs/api-decisions.md gets one. Against a deployed stage, the tokens of {@code make token} are
     * read from {@code TOKEN_ADMIN} (admin) and {@code TOKEN_USER} (anyone else): the handle is then the token's
     * ({@link #handleOf}), not {@code handle}.
     */
    public String idToken(String handle, boolean admin) {
        return againstDeployedStage() ? stageToken(admin ? "TOKEN_ADMIN" : "TOKEN_USER") : LocalTokens.passwordGrant(issuer(), handle, admin);
    }

    /** A second person's token, not an admin: against a deployed stage {@code TOKEN_OTHER}, of another person than TOKEN_USER's. */
    public String idTokenOfAnotherPerson(String handle) {
        return againstDeployedStage() ? stageToken("TOKEN_OTHER") : LocalTokens.passwordGrant(issuer(), handle, false);
    }

    /** The handle a token names (its cognito:username), read without verifying: the API verifies. */
    public static String handleOf(String idToken) {
        var payload = new String(java.util.Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        return com.google.gson.JsonParser.parseString(payload).getAsJsonObject().get("cognito:username").getAsString();
    }

    private static String stageToken(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank()).orElseThrow(() ->
                new IllegalStateException("against API_ENDPOINT, set " + name + " to an ID token: make token ENV=... NAME=..."));
    }

    public static boolean againstDeployedStage() {
        return Optional.ofNullable(System.getenv("API_ENDPOINT")).filter(value -> !value.isBlank()).isPresent();
    }

    /** The stage terraform/environments/prod deploys (its stage is named after the environment), in its invoke URL. */
    static final String PRODUCTION_STAGE = "prod";
    /** Says that a deployed stage's profiles may all be deleted, by the tests of DELETE /users. */
    public static final String DELETE_EVERY_PROFILE = "E2E_DELETE_EVERY_PROFILE";

    /**
     * The suite writes to the stage it tests: profiles, customers and chirps, which no route deletes. Production's
     * users would see them, so prod's invoke URL is refused before any request; test a stage of dev's kind.
     */
    static URI refusingProduction(URI endpoint) {
        var segments = endpoint.getPath().split("/");
        if (segments.length > 0 && segments[segments.length - 1].equals(PRODUCTION_STAGE)) {
            throw new IllegalStateException("API_ENDPOINT " + endpoint + " is the " + PRODUCTION_STAGE + " stage: the end-to-end tests"
                    + " write profiles, customers and chirps (which no route deletes) to the stage they test; run them against dev,"
                    + " and on prod only scripts/smoke");
        }
        return endpoint;
    }

    /**
     * Whether a test may call {@code DELETE /users}, which empties the user-profiles table: always locally; on a
     * deployed stage only where {@value #DELETE_EVERY_PROFILE}=yes says its profiles may all go.
     */
    public static boolean mayDeleteEveryProfile() {
        return !againstDeployedStage() || "yes".equals(System.getenv(DELETE_EVERY_PROFILE));
    }

    @Override
    public synchronized void close() {
        if (emulator != null) {
            emulator.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        dynamoDb.close();
        xRayDaemon.close();
    }
}
