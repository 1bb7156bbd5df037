package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import dev.serverlessapis.local.ApiSpec;
import dev.serverlessapis.local.Functions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** Builds user-profile events and invokes the function api.json routes each one to, as API Gateway would. */
final class UserApi {
    static final String COLLECTION = "/users";
    static final String ITEM = "/users/{id}";
    private static final ApiSpec SPEC = ApiSpec.load();

    private UserApi() {
    }

    /** Sent as an admin (who may do everything the course's scenario does), unless the event already names its caller. */
    static APIGatewayProxyResponseEvent send(APIGatewayProxyRequestEvent event) {
        if (event.getRequestContext().getAuthorizer() == null) {
            ProxyEvents.asAdmin(event);
        }
        var function = SPEC.routes().stream()
                .filter(route -> route.method().equals(event.getHttpMethod()) && route.path().equals(event.getResource()))
                .map(ApiSpec.Route::function)
                .findFirst()
                .orElseGet(() -> SPEC.fallbackFunctionByPath().get(event.getResource()));
        return Functions.invoke(function, event);
    }

    static APIGatewayProxyResponseEvent create(String json) {
        return send(withJsonBody(request("POST", COLLECTION, Map.of()), json));
    }

    static APIGatewayProxyResponseEvent list(Map<String, String> query) {
        return send(withQuery(request("GET", COLLECTION, Map.of()), query));
    }

    static APIGatewayProxyResponseEvent get(String id) {
        return send(request("GET", ITEM, Map.of("id", id)));
    }

    static APIGatewayProxyResponseEvent replace(String id, String json) {
        return send(withJsonBody(request("PUT", ITEM, Map.of("id", id)), json));
    }

    static APIGatewayProxyResponseEvent replace(String id, String json, String ifMatch) {
        return send(withHeader(withJsonBody(request("PUT", ITEM, Map.of("id", id)), json), "If-Match", ifMatch));
    }

    static APIGatewayProxyResponseEvent delete(String id) {
        return send(request("DELETE", ITEM, Map.of("id", id)));
    }

    static APIGatewayProxyResponseEvent delete(String id, String ifMatch) {
        return send(withHeader(request("DELETE", ITEM, Map.of("id", id)), "If-Match", ifMatch));
    }

    static APIGatewayProxyResponseEvent deleteAll() {
        return send(request("DELETE", COLLECTION, Map.of()));
    }

    /** The version tag a response carries: tests read it rather than guess its spelling. */
    static String etag(APIGatewayProxyResponseEvent response) {
        return ProxyEvents.header(response, "ETag").orElseThrow();
    }

    static String uniqueId() {
        return "user-" + UUID.randomUUID();
    }

    static String uniqueEmail() {
        return "u-" + UUID.randomUUID() + "@example.com";
    }

    /** Asserts an RFC 9457 problem with this status, naming these invalid fields (if any). */
    static void assertProblem(APIGatewayProxyResponseEvent response, int status, String... fields) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(header(response, "Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = json(response).getAsJsonObject();
        assertThat(problem.get("status").getAsInt()).isEqualTo(status);
        if (fields.length > 0) {
            assertThat(StreamSupport.stream(problem.getAsJsonArray("errors").spliterator(), false)
                    .map(error -> error.getAsJsonObject().get("field").getAsString()).toList())
                    .containsExactlyInAnyOrder(fields);
        }
    }

    static List<String> ids(APIGatewayProxyResponseEvent listResponse) {
        assertThat(listResponse.getStatusCode()).as(listResponse.getBody()).isEqualTo(200);
        return StreamSupport.stream(json(listResponse).getAsJsonArray().spliterator(), false)
                .map(profile -> profile.getAsJsonObject().get("id").getAsString()).toList();
    }

    static JsonObject body(APIGatewayProxyResponseEvent response) {
        return json(response).getAsJsonObject();
    }
}
