package dev.serverlessapis.adapters.apigateway.customer;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.HttpLayer;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.domain.customer.CheckCustomer;
import dev.serverlessapis.domain.customer.InMemoryCustomers;
import dev.serverlessapis.domain.customer.RegisterCustomer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerEndpointsTest {
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final CustomerEndpoints endpoints = new CustomerEndpoints(new CheckCustomer(customers), new RegisterCustomer(customers));
    private final HttpFunction function = HttpLayer.function(Map.of(
            Route.of("GET", CustomerEndpoints.RESOURCE), endpoints::check,
            Route.of("PUT", CustomerEndpoints.RESOURCE), endpoints::register));

    @Test
    void theDocumentedBase64PutRegistersTheCustomerAsTheCourseApiAnswers() {
        var response = function.handle(ProxyEvents.asAdmin(ProxyEvents.event("base64-body")), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(JsonParser.parseString("""
                {"customer": {"id": "customer-42"}, "message": "success"}"""));
        assertThat(json(check("customer-42"))).isEqualTo(JsonParser.parseString("""
                {"id": "customer-42", "customerInDB": true}"""));
    }

    /**
     * Only admins register: a signed-in person who is none is a 403, once the body has been read; what is refused while
     * it is read (JSON that is not well-formed, a member named twice) is a 400 first, as on every other route.
     */
    @Test
    void aRegistrationByANonAdminIsA403OnceItsBodyIsRead() {
        var answers = new java.util.LinkedHashMap<String, Integer>();
        for (var body : java.util.List.of("{", "{\"id\":\"c-1\",\"id\":\"c-2\"}", "{\"id\":\"c-1\"}", "{\"id\":\" \"}")) {
            var response = function.handle(ProxyEvents.signedIn(ProxyEvents.withJsonBody(request("PUT", CustomerEndpoints.RESOURCE, Map.of()), body), "ada"),
                    HttpLayer.LAMBDA_REQUEST_ID);
            answers.put(body, response.getStatusCode());
        }

        assertThat(answers).containsExactly(Map.entry("{", 400), Map.entry("{\"id\":\"c-1\",\"id\":\"c-2\"}", 400),
                Map.entry("{\"id\":\"c-1\"}", 403), Map.entry("{\"id\":\" \"}", 403));
        assertThat(json(check("c-1")).getAsJsonObject().get("customerInDB").getAsBoolean()).isFalse();
    }

    @Test
    void anUnknownIdIsNotInTheDatabase() {
        assertThat(json(check("nobody")).getAsJsonObject().get("customerInDB").getAsBoolean()).isFalse();
    }

    @Test
    void aCheckWithoutAnIdIsA400NamingId() {
        var response = function.handle(request("GET", CustomerEndpoints.RESOURCE, Map.of()), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("id");
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent check(String id) {
        return function.handle(withQuery(request("GET", CustomerEndpoints.RESOURCE, Map.of()), Map.of("id", id)), HttpLayer.LAMBDA_REQUEST_ID);
    }
}
