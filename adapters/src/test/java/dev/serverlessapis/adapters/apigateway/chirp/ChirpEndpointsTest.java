package dev.serverlessapis.adapters.apigateway.chirp;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.signedIn;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonElement;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.HttpLayer;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.domain.chirp.InMemoryChirps;
import dev.serverlessapis.domain.chirp.ListChirps;
import dev.serverlessapis.domain.chirp.PostChirp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChirpEndpointsTest {
    private static final long NOW = 1_775_738_096_000L;
    private final InMemoryChirps chirps = new InMemoryChirps();
    private final ChirpEndpoints endpoints = new ChirpEndpoints(
            new PostChirp(chirps, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), event -> { }), new ListChirps(chirps));
    private final HttpFunction function = HttpLayer.function(Map.of(
            Route.of("POST", ChirpEndpoints.RESOURCE), endpoints::post,
            Route.of("GET", ChirpEndpoints.RESOURCE), endpoints::list));

    @Test
    void theDocumentedPostIsA201WithTheChirpStampedByTheServersClock() {
        var response = function.handle(signedIn(ProxyEvents.event("json-body"), "ada"), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        var chirp = json(response).getAsJsonObject();
        assertThat(chirp.keySet()).containsExactly("userId", "timestamp", "text");
        assertThat(chirp.get("userId").getAsString()).isEqualTo("ada");
        assertThat(chirp.get("timestamp").getAsLong()).isEqualTo(NOW);
        assertThat(chirp.get("text").getAsString()).isEqualTo("Hello from API Gateway");
    }

    @Test
    void everyMemberOfTheWrongJsonTypeOrNotPartOfAChirpIsReportedAtOnceAndNothingIsStored() {
        var response = post("ada", """
                {"userId": 7, "text": 42, "timestamp": 1}""");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("timestamp", "userId", "text");
        assertThat(listAll()).isEmpty();
    }

    @Test
    void aTextTheDomainRefusesIsA400() {
        var response = post("ada", """
                {"text": "   "}""");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("text");
        assertThat(listAll()).isEmpty();
    }

    @Test
    void theChirpIsPostedUnderTheSignedInHandleWhetherTheBodyRepeatsItOrLeavesItOut() {
        var without = post("grace", """
                {"text": "mine"}""");
        var repeated = post("grace", """
                {"userId": "grace", "text": "also mine"}""");

        assertThat(without.getStatusCode()).as(without.getBody()).isEqualTo(201);
        assertThat(json(without).getAsJsonObject().get("userId").getAsString()).isEqualTo("grace");
        assertThat(repeated.getStatusCode()).as(repeated.getBody()).isEqualTo(201);
    }

    @Test
    void postingAsSomebodyElseIsA403AndNobodySignedInIsA401AndNothingIsStored() {
        var impostor = post("ada", """
                {"userId": "grace", "text": "not mine"}""");
        var anonymous = function.handle(withJsonBody(request("POST", ChirpEndpoints.RESOURCE, Map.of()), """
                {"userId": "grace", "text": "nobody"}"""), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(impostor.getStatusCode()).isEqualTo(403);
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(header(anonymous, "WWW-Authenticate")).hasValue("Bearer");
        assertThat(header(anonymous, "Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(listAll()).isEmpty();
    }

    @Test
    void theDocumentedMultiValueQueryListsOneUsersChirpsNewestFirstAPageAtATime() {
        for (var text : new String[]{"one", "two", "three"}) {
            assertThat(post("grace", """
                    {"userId": "grace", "text": "%s"}""".formatted(text)).getStatusCode()).isEqualTo(201);
        }
        post("ada", """
                {"userId": "ada", "text": "not grace's"}""");

        var page = function.handle(ProxyEvents.event("multi-value-query"), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
        assertThat(json(page).getAsJsonArray().asList().stream().map(chirp -> chirp.getAsJsonObject().get("userId").getAsString()))
                .containsExactly("grace", "grace");
        assertThat(header(page, "Link")).hasValueSatisfying(link -> assertThat(link).contains("userId=grace", "limit=2", "cursor="));
    }

    private APIGatewayProxyResponseEvent post(String handle, String json) {
        return function.handle(signedIn(withJsonBody(request("POST", ChirpEndpoints.RESOURCE, Map.of()), json), handle), HttpLayer.LAMBDA_REQUEST_ID);
    }

    private static List<String> fields(APIGatewayProxyResponseEvent response) {
        return json(response).getAsJsonObject().getAsJsonArray("errors").asList().stream()
                .map(error -> error.getAsJsonObject().get("field").getAsString()).toList();
    }

    private List<JsonElement> listAll() {
        return json(function.handle(request("GET", ChirpEndpoints.RESOURCE, Map.of()), HttpLayer.LAMBDA_REQUEST_ID)).getAsJsonArray().asList();
    }
}
