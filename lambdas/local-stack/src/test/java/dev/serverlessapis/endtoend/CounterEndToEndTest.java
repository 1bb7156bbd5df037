package dev.serverlessapis.endtoend;

import static dev.serverlessapis.endtoend.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
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

    private static long value(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).getAsJsonObject().get("value").getAsLong();
    }
}
