package dev.serverlessapis.adapters.apigateway;

import static dev.serverlessapis.adapters.apigateway.HttpLayer.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsTest {
    private final Cors cors = Cors.allowing(" https://allowed.example, ,https://other.example ");

    @Test
    void anAllowedOriginIsNamedBackWithTheHeadersThePageMayRead() {
        var response = cors.decorate(from("https://other.example"), HttpResponse.empty(200));

        assertThat(header(response, "Access-Control-Allow-Origin")).hasValue("https://other.example");
        assertThat(header(response, "Access-Control-Expose-Headers")).hasValue("ETag, Location, Link, Retry-After");
        assertThat(header(response, "Vary")).hasValue("Origin");
    }

    @Test
    void anyOtherOriginGetsNoAllowOriginSoTheBrowserWithholdsTheResponse() {
        var response = cors.decorate(from("https://evil.example"), HttpResponse.empty(200));

        assertThat(header(response, "Access-Control-Allow-Origin")).isEmpty();
        assertThat(header(response, "Vary")).as("caches must still key on Origin").hasValue("Origin");
    }

    @Test
    void aPreflightFromAnAllowedOriginListsMethodsAndRequestHeaders() {
        var response = cors.preflight(from("https://allowed.example"), List.of("GET", "OPTIONS", "PUT"));

        assertThat(response.status()).isEqualTo(204);
        assertThat(header(response, "Allow")).hasValue("GET, OPTIONS, PUT");
        assertThat(header(response, "Access-Control-Allow-Methods")).hasValue("GET, OPTIONS, PUT");
        assertThat(header(response, "Access-Control-Allow-Headers")).hasValue("Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key");
        assertThat(header(response, "Access-Control-Max-Age")).hasValue("600");
    }

    @Test
    void aPreflightFromAnyOtherOriginOnlyListsWhatIsServed() {
        var response = cors.preflight(from("https://evil.example"), List.of("GET", "OPTIONS"));

        assertThat(header(response, "Allow")).hasValue("GET, OPTIONS");
        assertThat(header(response, "Access-Control-Allow-Methods")).isEmpty();
    }

    private static HttpRequest from(String origin) {
        return new HttpRequest(withHeader(request("GET", "/chirp", Map.of()), "Origin", origin));
    }
}
