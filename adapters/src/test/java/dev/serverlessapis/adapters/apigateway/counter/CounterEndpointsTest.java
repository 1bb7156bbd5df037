package dev.serverlessapis.adapters.apigateway.counter;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.HttpLayer;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.domain.counter.InMemoryHitCounters;
import dev.serverlessapis.domain.counter.IncrementCounter;
import dev.serverlessapis.domain.counter.ReadCounter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterEndpointsTest {
    private final InMemoryHitCounters counters = new InMemoryHitCounters().provision("cloud-resume", 41);
    private final CounterEndpoints endpoints = new CounterEndpoints(new IncrementCounter(counters, event -> { }), new ReadCounter(counters));
    private final HttpFunction function = HttpLayer.function(Map.of(
            Route.of("POST", CounterEndpoints.RESOURCE), endpoints::increment,
            Route.of("GET", CounterEndpoints.RESOURCE), endpoints::read));

    @Test
    void theDocumentedGetReadsTheCounterByItsPathParameter() {
        var response = function.handle(ProxyEvents.event("path-parameters"), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).getAsJsonObject().get("name").getAsString()).isEqualTo("cloud-resume");
        assertThat(json(response).getAsJsonObject().get("value").getAsLong()).isEqualTo(41);
    }

    @Test
    void aPostCountsAVisitAndAnswersTheNewValue() {
        assertThat(value(function.handle(post(), HttpLayer.LAMBDA_REQUEST_ID))).isEqualTo(42);
        assertThat(value(function.handle(post(), HttpLayer.LAMBDA_REQUEST_ID))).isEqualTo(43);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyCountsOnceAndGetsTheFirstAnswer() {
        var first = function.handle(withHeader(post(), "Idempotency-Key", "visit-1"), HttpLayer.LAMBDA_REQUEST_ID);
        var retry = function.handle(withHeader(post(), "Idempotency-Key", "visit-1"), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(value(first)).isEqualTo(42);
        assertThat(value(retry)).isEqualTo(42);
        assertThat(value(function.handle(request("GET", CounterEndpoints.RESOURCE, Map.of("name", "cloud-resume")), HttpLayer.LAMBDA_REQUEST_ID))).isEqualTo(42);
    }

    @Test
    void anUnknownCounterIsA404AndAnInvalidNameA400() {
        assertThat(function.handle(request("POST", CounterEndpoints.RESOURCE, Map.of("name", "unknown")), HttpLayer.LAMBDA_REQUEST_ID).getStatusCode()).isEqualTo(404);
        assertThat(function.handle(request("GET", CounterEndpoints.RESOURCE, Map.of("name", "Not%20A%20Name")), HttpLayer.LAMBDA_REQUEST_ID).getStatusCode())
                .isEqualTo(400);
    }

    private static APIGatewayProxyRequestEvent post() {
        return request("POST", CounterEndpoints.RESOURCE, Map.of("name", "cloud-resume"));
    }

    private static long value(APIGatewayProxyResponseEvent response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).getAsJsonObject().get("value").getAsLong();
    }
}
