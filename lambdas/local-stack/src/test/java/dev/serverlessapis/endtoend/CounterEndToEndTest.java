package dev.serverlessapis.endtoend;

import static dev.serverlessapis.endtoend.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("end-to-end")
@ExtendWith(WithTestStack.class)
class CounterEndToEndTest {
    private static final String COUNTER = "/counters/cloud-resume";

    private final Http http;

    CounterEndToEndTest(TestStack stack) {
        this.http = new Http(stack.apiEndpoint());
    }

    @Test
    void eachPostCountsOneVisitAndGetReadsIt() {
        var first = value(http.send(http.to(COUNTER).POST(HttpRequest.BodyPublishers.noBody())));
        var second = value(http.send(http.to(COUNTER).POST(HttpRequest.BodyPublishers.noBody())));
        var read = http.get(COUNTER);

        assertThat(second).isEqualTo(first + 1);
        assertThat(value(read)).isGreaterThanOrEqualTo(second);
        assertThat(read.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aRetriedIdempotencyKeyGetsTheFirstAnswerBack() {
        var key = UUID.randomUUID().toString();
        var first = http.send(http.to(COUNTER).header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.noBody()));
        var retry = http.send(http.to(COUNTER).header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(value(retry)).isEqualTo(value(first));
    }

    @Test
    void anUnknownCounterIsA404Problem() {
        var response = http.get("/counters/no-such-counter-" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).getAsJsonObject().get("title").getAsString()).isEqualTo("Not Found");
    }

    @Test
    void anUnknownRouteIsA404AndAnUnservedMethodA405WithAllow() {
        assertThat(http.get("/no/such/route").statusCode()).isEqualTo(404);

        var delete = http.send(http.to(COUNTER).DELETE());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).contains("GET, OPTIONS, POST");
    }

    @Test
    void aBodyMustBeJsonAndAtMost64KiB() {
        var text = http.send(http.to(COUNTER).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")));
        var huge = http.sendJson("POST", COUNTER, "\"" + "x".repeat(64 * 1024) + "\"");

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void preflightFromAnOriginNotAllowedGetsNoAllowOrigin() {
        var response = http.send(http.to(COUNTER).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void preflightAndResponsesForAnAllowedOriginCarryCorsHeaders() {
        assumeFalse(TestStack.againstDeployedStage(), "the deployed stage allows its own configured origins");
        var preflight = http.send(http.to(COUNTER).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", TestStack.ALLOWED_TEST_ORIGIN).header("Access-Control-Request-Method", "POST"));
        var post = http.send(http.to(COUNTER).header("Origin", TestStack.ALLOWED_TEST_ORIGIN).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(TestStack.ALLOWED_TEST_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, OPTIONS, POST");
        assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).contains(TestStack.ALLOWED_TEST_ORIGIN);
    }

    /**
     * Header names are case-insensitive; a client on a raw socket may spell one two ways, and the event then holds both
     * spellings as keys of their own (the emulator's server leaves a name it does not know as written). Two spellings
     * of Idempotency-Key are the header sent twice: a 400 that counts nothing, as two lines of one spelling are, never
     * one key silently used. Written on a socket because an HTTP client library folds the spellings into one name.
     */
    @Test
    void anIdempotencyKeySentInTwoSpellingsIsA400ThatCountsNothing() throws IOException {
        var first = UUID.randomUUID().toString();
        var second = UUID.randomUUID().toString();
        var endpoint = http.to(COUNTER).build().uri();
        var refused = rawExchange(endpoint, "POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + "\r\n"
                + "Idempotency-Key: " + first + "\r\nidempotency-key: " + second + "\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        var afterwards = value(http.send(http.to(COUNTER).POST(HttpRequest.BodyPublishers.noBody())));
        var withFirst = value(http.send(http.to(COUNTER).header("Idempotency-Key", first).POST(HttpRequest.BodyPublishers.noBody())));
        var withSecond = value(http.send(http.to(COUNTER).header("Idempotency-Key", second).POST(HttpRequest.BodyPublishers.noBody())));

        assertThat(refused).startsWith("HTTP/1.1 400").contains("Idempotency-Key header was sent 2 times");
        // Had the refused request counted under either key, that key's later post would replay an older value than
        // the one counted after it; fresh visits only grow, whatever else counts meanwhile.
        assertThat(withFirst).as("the first key was not used").isGreaterThan(afterwards);
        assertThat(withSecond).as("the second key was not used").isGreaterThan(withFirst);
    }

    private static String rawExchange(URI endpoint, String request) throws IOException {
        var https = endpoint.getScheme().equals("https");
        var port = endpoint.getPort() > 0 ? endpoint.getPort() : https ? 443 : 80;
        try (var socket = https ? SSLSocketFactory.getDefault().createSocket(endpoint.getHost(), port) : new Socket(endpoint.getHost(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long value(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).getAsJsonObject().get("value").getAsLong();
    }
}
