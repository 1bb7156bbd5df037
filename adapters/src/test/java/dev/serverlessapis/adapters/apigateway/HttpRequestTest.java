package dev.serverlessapis.adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.Violation;
import java.util.Map;
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
    @ValueSource(strings = {"100%", "%E0%A4%A", "%zz"})
    void malformedEncodingIsA400NamingTheParameter(String raw) {
        assertThatThrownBy(() -> request(raw).pathParameter("id"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting(Violation::field).containsExactly("id"));
    }

    private static HttpRequest request(String rawId) {
        return new HttpRequest(new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withResource("/users/{id}").withPathParameters(Map.of("id", rawId)));
    }
}
