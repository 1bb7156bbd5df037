package dev.serverlessapis.adapters.apigateway;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every route shares, on a function serving one real route of api.json with an endpoint that counts its calls. */
class HttpFunctionTest {
    private static final String RESOURCE = "/counters/{name}";
    private final AtomicInteger calls = new AtomicInteger();
    private final HttpFunction function = HttpLayer.function(Map.of(Route.of("GET", RESOURCE), request -> {
        calls.incrementAndGet();
        return HttpResponse.json(200, Map.of("served", request.pathParameter("name")));
    }));

    @Test
    void aServedRouteReachesItsEndpointAndIsNeverCached() {
        var response = function.handle(request("GET", RESOURCE, Map.of("name", "hits")));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).getAsJsonObject().get("served").getAsString()).isEqualTo("hits");
        assertThat(header(response, "Cache-Control")).hasValue("no-store");
        assertThat(header(response, "Vary")).hasValue("Origin");
    }

    @Test
    void aResourceNotInApiJsonIsA404ProblemDocument() {
        var response = function.handle(request("GET", "/nowhere", Map.of()));

        assertProblem(response, 404);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aMethodTheFunctionDoesNotServeIsA405ListingWhatTheResourceServes() {
        var response = function.handle(request("DELETE", RESOURCE, Map.of("name", "hits")));

        assertProblem(response, 405);
        assertThat(header(response, "Allow")).hasValue("GET, OPTIONS, POST");
        assertThat(calls).hasValue(0);
    }

    @Test
    void aPreflightFromTheAllowedOriginIsAnsweredWithoutTheEndpoint() {
        var preflight = withHeader(request("OPTIONS", RESOURCE, Map.of("name", "hits")), "Origin", HttpLayer.ALLOWED_ORIGIN);

        var response = function.handle(preflight);

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(header(response, "Access-Control-Allow-Methods")).hasValue("GET, OPTIONS, POST");
        assertThat(header(response, "Access-Control-Allow-Origin")).hasValue(HttpLayer.ALLOWED_ORIGIN);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeTheEndpointRuns() {
        var tooLarge = withJsonBody(request("GET", RESOURCE, Map.of("name", "hits")),
                "\"" + "x".repeat(HttpRequest.MAX_BODY_BYTES) + "\"");

        assertProblem(function.handle(tooLarge), 413);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aBodyThatIsNotJsonIsA415BeforeTheEndpointRuns() {
        var form = withHeader(request("GET", RESOURCE, Map.of("name", "hits")).withBody("name=hits"),
                "Content-Type", "application/x-www-form-urlencoded");

        assertProblem(function.handle(form), 415);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aDefectInAnEndpointIsA500CarryingOnlyTheRequestId() {
        var failing = HttpLayer.function(Map.of(Route.of("GET", RESOURCE), request -> {
            throw new IllegalStateException("secret table name");
        }));
        var event = request("GET", RESOURCE, Map.of("name", "hits"));

        var response = failing.handle(event);

        assertProblem(response, 500);
        assertThat(response.getBody()).contains(event.getRequestContext().getRequestId()).doesNotContain("secret");
    }

    private static void assertProblem(APIGatewayProxyResponseEvent response, int status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(header(response, "Content-Type")).hasValue(HttpResponse.PROBLEM_JSON);
        assertThat(json(response).getAsJsonObject().get("status").getAsInt()).isEqualTo(status);
        assertThat(header(response, "Cache-Control")).hasValue("no-store");
    }
}
