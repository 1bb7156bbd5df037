package dev.serverlessapis.adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

    @Test
    void aJsonBodyIsReadAsTheObjectItIs() {
        var body = JsonBody.objectOf(new HttpRequest(ProxyEvents.event("json-body")));

        assertThat(body.get("userId")).isEqualTo("ada");
        assertThat(body.get("text")).isEqualTo("Hello from API Gateway");
    }

    @Test
    void aBase64BodyIsDecodedBeforeItIsRead() {
        var request = new HttpRequest(ProxyEvents.event("base64-body"));

        assertThat(request.bodySize()).isEqualTo("""
                {"id":"customer-42"}""".length());
        assertThat(JsonBody.objectOf(request).get("id")).isEqualTo("customer-42");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"a\",\"id\":\"b\"}|id",
            "{\"n\":{\"x\":1,\"x\":2}}|n.x",
            "{\"a\":[{\"k\":1,\"k\":1}]}|a[0].k"})
    void anObjectWithADuplicateMemberIsA400NamingIt(String json, String field) {
        assertRefusedNaming(json, field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"\\ud800\"}|id",
            "{\"id\":\"x\\udfff\"}|id",
            "{\"tags\":[\"ok\",\"\\udc00\"]}|tags[1]",
            "{\"\\ud800\":1}|body"})
    void textThatIsNotValidUnicodeIsA400NamingWhereItIs(String json, String field) {
        assertRefusedNaming(json, field);
    }

    /**
     * API Gateway hands this API's JSON bodies over as text, so bytes a client sent that were not UTF-8 reach the
     * function, if at all, as U+FFFD: a raw one is refused, before any JSON is read.
     */
    @Test
    void aRawReplacementCharacterIsA400SayingHowToSendTheCharacter() {
        assertThatThrownBy(() -> JsonBody.objectOf(withBody("{\"text\":\"caf\uFFFD\"}")))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.getMessage()).contains("U+FFFD").contains("\\uFFFD");
                });
    }

    @Test
    void theReplacementCharacterEscapedInItsStringIsReadAsTheCharacter() {
        assertThat(JsonBody.objectOf(withBody("{\"text\":\"caf\\ufffd\"}")).get("text")).isEqualTo("caf\uFFFD");
    }

    /**
     * An event whose body string holds half a surrogate pair (its JSON carried the escape, which API Gateway does not
     * write but a direct invoke may): encoding it to UTF-8 would make it '?', valid text that would then be stored.
     */
    @Test
    void anEventBodyHoldingAnUnpairedSurrogateIsA400NotAQuestionMark() {
        assertThatThrownBy(() -> JsonBody.objectOf(withBody("{\"text\":\"caf\ud800\"}")))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.getMessage()).isEqualTo("The body is not valid UTF-8."));
    }

    @Test
    void aBase64BodyWhoseBytesAreNotUtf8IsA400() {
        var latin1 = "{\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        var request = new HttpRequest(new APIGatewayProxyRequestEvent().withHttpMethod("POST").withResource("/chirp")
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Base64.getEncoder().encodeToString(latin1)).withIsBase64Encoded(true));

        assertThatThrownBy(() -> JsonBody.objectOf(request))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.getMessage()).isEqualTo("The body is not valid UTF-8."));
    }

    private static void assertRefusedNaming(String json, String field) {
        assertThatThrownBy(() -> JsonBody.objectOf(withBody(json)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting(Violation::field).containsExactly(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"emoji\":\"\\ud83c\\udf0d\"}", "{\"a\":{\"b\":1},\"b\":{\"b\":2}}", "[1,1]"})
    void pairedSurrogatesAndRepeatedNamesInDifferentObjectsAreFine(String json) {
        assertThat(JsonBody.of(withBody(json))).isNotNull();
    }

    @Test
    void aStringThatIsNotValidUnicodeInsideATopLevelArrayIsNamedFromTheBody() {
        assertThatThrownBy(() -> JsonBody.of(withBody("[\"ok\",\"\\ud800\"]")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting(Violation::field).containsExactly("body[1]"));
    }

    @Test
    void aValueThatIsNotAnObjectIsA400NamingTheBody() {
        assertThatThrownBy(() -> JsonBody.objectOf(withBody("[1,1]")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting(Violation::field).containsExactly("body"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1,}|The body is not well-formed JSON.",
            "{'a':1}|The body is not well-formed JSON.",
            "{\"a\":01}|The body is not well-formed JSON.",
            "{\"a\":NaN}|The body is not well-formed JSON.",
            "{\"a\":1} {}|The body is not well-formed JSON."})
    void textThatIsNotOneStrictJsonValueIsA400SayingSo(String json, String detail) {
        assertThatThrownBy(() -> JsonBody.of(withBody(json)))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.getMessage()).isEqualTo(detail);
                });
    }

    private static HttpRequest withBody(String json) {
        return new HttpRequest(new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST").withResource("/users").withHeaders(Map.of("Content-Type", "application/json")).withBody(json));
    }
}
