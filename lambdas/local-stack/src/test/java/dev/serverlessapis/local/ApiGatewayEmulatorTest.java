package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.serverlessapis.local.identity.LocalIssuer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulator builds the event API Gateway would build, and writes the function's answer back faithfully. */
class ApiGatewayEmulatorTest {
    private static final Gson GSON = new Gson();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static ApiGatewayEmulator emulator;
    private static LocalIssuer issuer;

    @BeforeAll
    static void start() {
        var spec = EchoHandler.spec(
                EchoHandler.route("POST", "/echo/{id}", ApiSpec.Route.PUBLIC),
                EchoHandler.route("GET", "/echo/{id}", ApiSpec.Route.PUBLIC),
                EchoHandler.route("PUT", "/echo/{id}", ApiSpec.Route.SIGNED_IN),
                EchoHandler.route("GET", "/echo/binary", ApiSpec.Route.PUBLIC));
        issuer = LocalIssuer.start(0, LocalIssuer.newSigningKey(), Clock.systemUTC());
        emulator = ApiGatewayEmulator.start(spec, 0, new StaticPage(), new LocalMetrics(), LocalStack.authorizerOf(issuer));
    }

    @AfterAll
    static void stop() {
        emulator.close();
        issuer.close();
    }

    @Test
    void aSignedInRouteRefusesARequestWithoutAValidTokenAsTheCognitoAuthorizerDoesWithCors() throws Exception {
        for (var authorization : List.of("", "Bearer not-a-token")) {
            var request = HttpRequest.newBuilder(url("/echo/x")).header("Origin", "https://page.example")
                    .PUT(HttpRequest.BodyPublishers.noBody());
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            var response = send(request);

            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://page.example");
            assertThat(GSON.fromJson(response.body(), JsonObject.class).get("status").getAsInt()).isEqualTo(401);
        }
    }

    @Test
    void aSignedInRouteGetsTheVerifiedClaimsInApiGatewaysShapeAndAPublicRouteNone() throws Exception {
        var token = LocalTokens.passwordGrant(issuer, "ada", true);

        var signedIn = GSON.fromJson(send(HttpRequest.newBuilder(url("/echo/x")).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody())).body(), JsonObject.class);
        var bare = GSON.fromJson(send(HttpRequest.newBuilder(url("/echo/x")).header("Authorization", token)
                .PUT(HttpRequest.BodyPublishers.noBody())).body(), JsonObject.class);
        var publicRoute = GSON.fromJson(send(HttpRequest.newBuilder(url("/echo/x")).header("Authorization", "Bearer " + token)
                .GET()).body(), JsonObject.class);

        var claims = signedIn.getAsJsonObject("requestContext").getAsJsonObject("authorizer").getAsJsonObject("claims");
        assertThat(claims.get("cognito:username").getAsString()).isEqualTo("ada");
        assertThat(claims.get("cognito:groups").getAsString()).isEqualTo("admins");
        assertThat(claims.get("token_use").getAsString()).isEqualTo("id");
        assertThat(claims.entrySet()).allSatisfy(claim -> assertThat(claim.getValue().isJsonPrimitive()
                && claim.getValue().getAsJsonPrimitive().isString()).as(claim.getKey()).isTrue());
        assertThat(bare.getAsJsonObject("requestContext").getAsJsonObject("authorizer").getAsJsonObject("claims")
                .get("cognito:username").getAsString()).isEqualTo("ada");
        var publicContext = publicRoute.getAsJsonObject("requestContext");
        assertThat(publicContext.get("authorizer") == null || publicContext.get("authorizer").isJsonNull()).isTrue();
    }

    @Test
    void buildsTheFullProxyEvent() throws Exception {
        var response = send(HttpRequest.newBuilder(url("/echo/a%20b?tag=x&tag=y&q=caf%C3%A9"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Multi", "one").header("X-Multi", "two")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"text":"héllo"}""")));
        var event = GSON.fromJson(response.body(), JsonObject.class);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(event.get("resource").getAsString()).isEqualTo("/echo/{id}");
        assertThat(event.get("path").getAsString()).as("REST APIs pass the path still encoded").isEqualTo("/echo/a%20b");
        assertThat(event.get("httpMethod").getAsString()).isEqualTo("POST");
        assertThat(event.getAsJsonObject("pathParameters").get("id").getAsString()).isEqualTo("a%20b");
        assertThat(event.getAsJsonObject("queryStringParameters").get("tag").getAsString()).isEqualTo("y");
        assertThat(event.getAsJsonObject("queryStringParameters").get("q").getAsString()).isEqualTo("café");
        assertThat(strings(event.getAsJsonObject("multiValueQueryStringParameters").get("tag"))).containsExactly("x", "y");
        assertThat(strings(event.getAsJsonObject("multiValueHeaders").get("X-Multi"))).containsExactly("one", "two");
        assertThat(event.get("body").getAsString()).isEqualTo("""
                {"text":"héllo"}""");
        assertThat(event.get("isBase64Encoded").getAsBoolean()).isFalse();
        var context = event.getAsJsonObject("requestContext");
        assertThat(context.get("requestId").getAsString()).matches("[0-9a-f-]{36}");
        assertThat(context.get("stage").getAsString()).isEqualTo(ApiGatewayEmulator.STAGE);
        assertThat(context.get("resourcePath").getAsString()).isEqualTo("/echo/{id}");
        assertThat(context.get("httpMethod").getAsString()).isEqualTo("POST");
        assertThat(context.getAsJsonObject("identity").get("sourceIp").getAsString()).isEqualTo("127.0.0.1");
    }

    @Test
    void fillsEveryFieldOfTheDocumentedPathParametersEvent() throws Exception {
        var documented = documentedEvent();
        var emulated = GSON.fromJson(send(HttpRequest.newBuilder(url("/echo/1?x=1")).GET()).body(), JsonObject.class);

        assertThat(nonNullKeys(emulated)).containsAll(nonNullKeys(documented).stream().filter(key -> !key.equals("body")).toList());
        assertThat(nonNullKeys(emulated.getAsJsonObject("requestContext")))
                .containsAll(nonNullKeys(documented.getAsJsonObject("requestContext")));
    }

    @Test
    void binaryBodiesTravelAsBase64BothWays() throws Exception {
        var bytes = new byte[]{(byte) 0xC3, 0x28, 0x00, (byte) 0xFE};
        var request = GSON.fromJson(send(HttpRequest.newBuilder(url("/echo/1"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))).body(), JsonObject.class);
        var binary = CLIENT.send(HttpRequest.newBuilder(url("/echo/binary")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(request.get("isBase64Encoded").getAsBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(request.get("body").getAsString())).isEqualTo(bytes);
        assertThat(binary.body()).isEqualTo(EchoHandler.BINARY_ANSWER);
    }

    @Test
    void writesStatusHeadersAndRepeatedHeadersBack() throws Exception {
        var response = send(HttpRequest.newBuilder(url("/echo/1")).GET());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(response.headers().firstValue("X-Function")).contains("echo");
    }

    @Test
    void unknownPathsAreA404Problem() throws Exception {
        var response = send(HttpRequest.newBuilder(url("/nowhere/at/all")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(GSON.fromJson(response.body(), JsonObject.class).get("status").getAsInt()).isEqualTo(404);
    }

    /**
     * The emulator answers from the headers and closes without reading the body; a client still writing it could meet a
     * closed connection before the answer, so this one waits for the server first, as a client sending 10 MB should.
     */
    @Test
    void payloadsOverApiGatewaysLimitAreRefusedWith413() throws Exception {
        var response = send(HttpRequest.newBuilder(url("/echo/1")).header("Content-Type", "application/json").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[GatewayLimits.MAX_PAYLOAD_BYTES + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void servesThePageAndItsLocalConfig() throws Exception {
        var page = send(HttpRequest.newBuilder(url("/")).GET());
        var config = send(HttpRequest.newBuilder(url("/config.json")).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<html");
        assertThat(GSON.fromJson(config.body(), JsonObject.class).get("apiBaseUrl").getAsString()).isEmpty();
    }

    /** The page's own files only: a directory (the page's folder itself, as {@code /.}) is never listed. */
    @Test
    void servesNoDirectoryListingOnlyThePagesFiles() throws Exception {
        for (var path : List.of("/.", "/%2e", "/./", "/page", "/page/", "/api.js/", "/.hidden.js")) {
            var response = rawRequest("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 404").contains("application/problem+json").doesNotContain("index.html");
        }
        assertThat(send(HttpRequest.newBuilder(url("/api.js")).GET()).statusCode()).isEqualTo(200);
    }

    private static String rawRequest(String request) throws IOException {
        try (var socket = new Socket(emulator.baseUrl().getHost(), emulator.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String pathAndQuery) {
        return URI.create(emulator.baseUrl() + pathAndQuery);
    }

    private static List<String> strings(JsonElement array) {
        return array.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
    }

    private static Set<String> nonNullKeys(JsonObject object) {
        return object.entrySet().stream().filter(entry -> !entry.getValue().isJsonNull()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static JsonObject documentedEvent() throws IOException {
        try (var stream = Objects.requireNonNull(ApiGatewayEmulatorTest.class.getResourceAsStream("/events/path-parameters.json"));
             var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return GSON.fromJson(reader, JsonObject.class);
        }
    }
}
