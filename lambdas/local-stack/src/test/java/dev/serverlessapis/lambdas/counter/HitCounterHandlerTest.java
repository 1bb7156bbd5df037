package dev.serverlessapis.lambdas.counter;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.local.Functions;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Tag("handler")
@ExtendWith(WithTestStack.class)
class HitCounterHandlerTest {
    private static final String RESOURCE = "/counters/{name}";

    private final TestStack stack;
    private final String counter = "test-" + UUID.randomUUID();

    HitCounterHandlerTest(TestStack stack) {
        this.stack = stack;
        stack.dynamoDb().putItem(put -> put.tableName("hit-counters").item(Map.of(
                "counter-name", AttributeValue.fromS(counter), "counter-value", AttributeValue.fromN("0"))));
    }

    @Test
    void thePathParametersEventReadsTheCloudResumeCounter() {
        var response = invoke(ProxyEvents.event("path-parameters"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).getAsJsonObject().get("name").getAsString()).isEqualTo("cloud-resume");
        assertThat(header(response, "Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void postCountsAndAnswersTheNewValueWhichGetThenReads() {
        assertThat(valueOf(invoke(post()))).isEqualTo(1);
        assertThat(valueOf(invoke(post()))).isEqualTo(2);

        var read = invoke(request("GET", RESOURCE, Map.of("name", counter)));
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(json(read).getAsJsonObject().get("name").getAsString()).isEqualTo(counter);
        assertThat(valueOf(read)).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCountsOnceAndGetsTheFirstAnswer() {
        var first = invoke(withHeader(post(), "Idempotency-Key", "page-load-1"));
        invoke(post());
        var retry = invoke(withHeader(post(), "Idempotency-Key", "page-load-1"));

        assertThat(valueOf(first)).isEqualTo(1);
        assertThat(valueOf(retry)).isEqualTo(1);
        assertThat(valueOf(invoke(request("GET", RESOURCE, Map.of("name", counter))))).isEqualTo(2);
    }

    @Test
    void anIdempotencyKeyBelongsToOneCounter() {
        var other = "test-" + UUID.randomUUID();
        stack.dynamoDb().putItem(put -> put.tableName("hit-counters").item(Map.of(
                "counter-name", AttributeValue.fromS(other), "counter-value", AttributeValue.fromN("10"))));

        invoke(withHeader(post(), "Idempotency-Key", "shared-key"));
        var onOther = invoke(withHeader(request("POST", RESOURCE, Map.of("name", other)), "Idempotency-Key", "shared-key"));

        assertThat(valueOf(onOther)).isEqualTo(11);
    }

    @Test
    void anUnknownCounterIsA404ProblemAndIsNotCreated() {
        var unknown = "never-provisioned-" + UUID.randomUUID();

        for (var method : List.of("POST", "GET")) {
            var response = invoke(request(method, RESOURCE, Map.of("name", unknown)));
            assertThat(response.getStatusCode()).isEqualTo(404);
            assertThat(header(response, "Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).getAsJsonObject().get("status").getAsInt()).isEqualTo(404);
        }
        var keyed = invoke(withHeader(request("POST", RESOURCE, Map.of("name", unknown)), "Idempotency-Key", "k"));
        assertThat(keyed.getStatusCode()).isEqualTo(404);
        assertThat(stack.dynamoDb().getItem(get -> get.tableName("hit-counters")
                .key(Map.of("counter-name", AttributeValue.fromS(unknown)))).hasItem()).isFalse();
    }

    @Test
    void aMalformedNameOrKeyIsA400NamingTheFieldAndCountsNothing() {
        var badName = invoke(request("POST", RESOURCE, Map.of("name", "x".repeat(65))));
        var badKey = invoke(withHeader(post(), "Idempotency-Key", "with space"));

        assertThat(badName.getStatusCode()).isEqualTo(400);
        assertThat(json(badName).getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("name");
        assertThat(badKey.getStatusCode()).isEqualTo(400);
        assertThat(json(badKey).getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("Idempotency-Key");
        assertThat(valueOf(invoke(request("GET", RESOURCE, Map.of("name", counter))))).isZero();
    }

    @Test
    void methodsTheResourceDoesNotServeAre405WithAllow() {
        var response = invoke(request("DELETE", RESOURCE, Map.of("name", counter)));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(header(response, "Allow")).contains("GET, OPTIONS, POST");
    }

    @Test
    void aThousandIncrementsFromFiftyThreadsEndAtExactlyAThousand() throws Exception {
        try (var pool = Executors.newFixedThreadPool(50)) {
            var results = new ArrayList<Future<Long>>();
            for (int i = 0; i < 1000; i++) {
                results.add(pool.submit((Callable<Long>) () -> valueOf(invoke(post()))));
            }
            var answers = new ArrayList<Long>();
            for (var result : results) {
                answers.add(result.get());
            }
            assertThat(answers).doesNotHaveDuplicates().allMatch(value -> value >= 1 && value <= 1000);
        }
        assertThat(valueOf(invoke(request("GET", RESOURCE, Map.of("name", counter))))).isEqualTo(1000);
    }

    @Test
    void concurrentRetriesOfOneKeyCountOnceAndAllGetTheSameAnswer() throws Exception {
        try (var pool = Executors.newFixedThreadPool(20)) {
            var results = new ArrayList<Future<Long>>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit((Callable<Long>) () -> valueOf(invoke(withHeader(post(), "Idempotency-Key", "storm")))));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(1);
            }
        }
        assertThat(valueOf(invoke(request("GET", RESOURCE, Map.of("name", counter))))).isEqualTo(1);
    }

    private APIGatewayProxyRequestEvent post() {
        return request("POST", RESOURCE, Map.of("name", counter));
    }

    private APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event) {
        return Functions.invoke("getHitCount", event);
    }

    private static long valueOf(APIGatewayProxyResponseEvent response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).getAsJsonObject().get("value").getAsLong();
    }
}
