package dev.serverlessapis.adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adding headers keeps what a response already says: a repeated header gets more values, never fewer. */
class HttpResponseTest {
    @Test
    void headersAddedComeAfterTheValuesAlreadyThereAndANameWithoutValuesAddsNothing() {
        var more = new LinkedHashMap<String, List<String>>();
        more.put("Vary", List.of("Authorization", "Accept"));
        more.put("Allow", List.of("GET", "POST"));
        more.put("Link", List.of());

        var response = HttpResponse.empty(204).withHeader("Vary", "Origin").withHeaders(more).withHeader("Allow", "OPTIONS");

        assertThat(response.headers()).isEqualTo(Map.of(
                "Vary", List.of("Origin", "Authorization", "Accept"),
                "Allow", List.of("GET", "POST", "OPTIONS")));
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }
}
