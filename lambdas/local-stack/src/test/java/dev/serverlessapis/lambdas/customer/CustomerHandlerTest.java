package dev.serverlessapis.lambdas.customer;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import dev.serverlessapis.local.Functions;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("handler")
@ExtendWith(WithTestStack.class)
class CustomerHandlerTest {
    private static final String RESOURCE = "/customers";

    private final TestStack stack;
    private final String id = "customer-" + UUID.randomUUID();

    CustomerHandlerTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void anUnknownIdIsNotInTheDbUntilPutAndPuttingItAgainIsHarmless() {
        assertThat(check(id).getBody()).isEqualTo("""
                {"id":"%s","customerInDB":false}""".formatted(id));

        var put = put("""
                {"id":"%s"}""".formatted(id));
        var again = put("""
                {"id":"%s"}""".formatted(id));

        assertThat(put.getStatusCode()).isEqualTo(200);
        assertThat(put.getBody()).isEqualTo("""
                {"customer":{"id":"%s"},"message":"success"}""".formatted(id));
        assertThat(again.getBody()).isEqualTo(put.getBody());
        var check = check(id);
        assertThat(check.getStatusCode()).isEqualTo(200);
        assertThat(check.getBody()).isEqualTo("""
                {"id":"%s","customerInDB":true}""".formatted(id));
        assertThat(stack.dynamoDb().scan(scan -> scan.tableName("customer_ids")).items())
                .filteredOn(item -> item.get("id").s().equals(id)).hasSize(1);
    }

    @Test
    void idsKeepTheirUnicodeAndUpTo256Characters() {
        var unicode = "客户-" + "é".repeat(240) + UUID.randomUUID().toString().substring(0, 13);

        assertThat(put("""
                {"id":"%s"}""".formatted(unicode)).getStatusCode()).isEqualTo(200);
        assertThat(json(check(unicode)).getAsJsonObject().get("customerInDB").getAsBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void anEmptyOrBlankIdIsA400OnBothMethods(String blank) {
        assertProblem(check(blank), 400);
        assertProblem(put("""
                {"id":"%s"}""".formatted(blank.replace("\t", "\\t"))), 400);
    }

    @Test
    void aMissingOverlongOrNonStringIdIsA400AndNothingIsWritten() {
        var overlong = id + "x".repeat(257);
        assertProblem(invoke(request("GET", RESOURCE, Map.of())), 400);
        assertProblem(check(overlong), 400);
        assertProblem(put("""
                {"id":"%s"}""".formatted(overlong)), 400);
        assertProblem(put("""
                {}"""), 400);
        assertProblem(put("""
                {"id":42}"""), 400);
        assertProblem(put("""
                {"id":null}"""), 400);
        assertProblem(put("""
                ["%s"]""".formatted(id)), 400, "body");
        assertThat(stack.dynamoDb().scan(scan -> scan.tableName("customer_ids")).items())
                .noneMatch(item -> item.get("id").s().startsWith(id));
    }

    @Test
    void malformedJsonWrongMediaTypeAndOversizedBodiesAreRefused() {
        assertThat(put("""
                {"id":""").getStatusCode()).isEqualTo(400);
        var text = withHeader(ProxyEvents.asAdmin(request("PUT", RESOURCE, Map.of())), "Content-Type", "text/plain").withBody("""
                {"id":"%s"}""".formatted(id));
        assertThat(invoke(text).getStatusCode()).isEqualTo(415);
        assertThat(put("""
                {"id":"%s","pad":"%s"}""".formatted(id, "x".repeat(65 * 1024))).getStatusCode()).isEqualTo(413);
        assertThat(json(check(id)).getAsJsonObject().get("customerInDB").getAsBoolean()).isFalse();
    }

    @Test
    void otherMethodsAre405WithAllow() {
        for (var method : List.of("POST", "DELETE", "PATCH")) {
            var response = invoke(request(method, RESOURCE, Map.of()));
            assertThat(response.getStatusCode()).isEqualTo(405);
            assertThat(header(response, "Allow")).contains("GET, OPTIONS, PUT");
        }
    }

    private static void assertProblem(APIGatewayProxyResponseEvent response, int status) {
        assertProblem(response, status, "id");
    }

    private static void assertProblem(APIGatewayProxyResponseEvent response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(header(response, "Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo(field);
    }

    private static APIGatewayProxyResponseEvent check(String id) {
        return invoke(withQuery(request("GET", RESOURCE, Map.of()), Map.of("id", id)));
    }

    private static APIGatewayProxyResponseEvent put(String json) {
        return invoke(ProxyEvents.asAdmin(withJsonBody(request("PUT", RESOURCE, Map.of()), json)));
    }

    private static APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event) {
        return Functions.invoke("dynamodb-rest-api", event);
    }
}
