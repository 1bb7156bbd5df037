package dev.serverlessapis.adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "caf%C3%A9|café",
            "a%20b|a b",
            "1+1|1+1",
            "100%25|100%",
            "plain|plain"})
    void pathParametersArriveEncodedAndAreDecoded(String raw, String decoded) {
        assertThat(request(raw).pathParameter("id")).isEqualTo(decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100%", "%E0%A4%A", "%zz", "%FF", "a%C3", "%ED%A0%80", "%C0%AF"})
    void malformedEncodingIsA400NamingTheParameter(String raw) {
        assertThatThrownBy(() -> request(raw).pathParameter("id"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting(Violation::field).containsExactly("id"));
    }

    /** Half a surrogate pair in the event's path parameter would be encoded as '?', a valid id: it is a 400 instead. */
    @Test
    void aPathParameterHoldingAnUnpairedSurrogateIsA400NamingIt() {
        assertThatThrownBy(() -> request("caf\udc00").pathParameter("id"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting(Violation::field).containsExactly("id"));
    }

    /** Which of two values was meant cannot be told (API Gateway's single-value map holds the last, its list both). */
    @Test
    void aQueryParameterReadTwiceOverIsA400NamingItWhileTheOthersAreRead() {
        var request = new HttpRequest(ProxyEvents.event("multi-value-query"));

        assertThatThrownBy(() -> request.query("tag"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting(Violation::field).containsExactly("tag"));
        assertThat(request.query("userId")).hasValue("grace");
        assertThat(request.queryParameters()).containsOnlyKeys("userId", "limit", "tag");
        assertThat(request.queryParameters().get("tag")).containsExactly("first", "second");
    }

    @Test
    void theEventsRequestIdAndHeadersAreRead() {
        var event = ProxyEvents.event("cognito-authorizer");
        var request = new HttpRequest(event);

        assertThat(request.requestId()).isEqualTo(event.getRequestContext().getRequestId());
        assertThat(request.header("authorization")).as("header names are case-insensitive")
                .isEqualTo(java.util.Optional.of(event.getHeaders().get("Authorization")));
        assertThat(request.pathParameter("id")).isEqualTo("ada");
    }

    @Test
    void aHeaderSentOnSeveralLinesKeepsEveryLineInOrder() {
        var request = new HttpRequest(new APIGatewayProxyRequestEvent()
                .withHeaders(Map.of("If-Match", "\"b\""))
                .withMultiValueHeaders(Map.of("If-Match", List.of("\"a\"", "\"b\""))));

        assertThat(request.headerValues("if-match")).containsExactly("\"a\"", "\"b\"");
        assertThat(request.header("If-Match")).hasValue("\"a\"");
        assertThat(request.headerValues("If-None-Match")).isEmpty();
    }

    @Test
    void spellingsOfOneNameThatDifferInCaseAreOneHeaderWhoseLinesAddUp() {
        var multi = new java.util.LinkedHashMap<String, List<String>>();
        multi.put("Idempotency-Key", List.of("k7"));
        multi.put("idempotency-key", List.of("k8"));
        var sent = new HttpRequest(new APIGatewayProxyRequestEvent()
                .withHeaders(Map.of("Idempotency-Key", "k7", "idempotency-key", "k8")).withMultiValueHeaders(multi));
        var direct = new HttpRequest(new APIGatewayProxyRequestEvent()
                .withHeaders(Map.of("X-Key", "a", "x-key", "b")));

        assertThat(sent.headerValues("IDEMPOTENCY-KEY")).containsExactly("k7", "k8");
        assertThat(direct.headerValues("x-Key")).as("a direct invoke's headers alone").containsExactlyInAnyOrder("a", "b");
    }

    private static HttpRequest request(String rawId) {
        return new HttpRequest(new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withResource("/users/{id}").withPathParameters(Map.of("id", rawId)));
    }
}
