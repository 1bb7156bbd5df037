package dev.serverlessapis.adapters.apigateway;

import static dev.serverlessapis.adapters.apigateway.HttpLayer.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.domain.shared.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextPageLinkTest {

    @Test
    void theNextLinkKeepsEveryFilterOfTheRequestAndAddsTheCursor() {
        var request = new HttpRequest(ProxyEvents.event("multi-value-query"));

        var response = NextPageLink.listResponse(request, new Page<>(List.of("a", "b"), Optional.of("next page")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(header(response, "Link")).hasValue("<?cursor=next%20page&limit=2&tag=first&tag=second&userId=grace>; rel=\"next\"");
    }

    @Test
    void aCursorOfTheRequestIsReplacedNotRepeated() {
        var request = new HttpRequest(ProxyEvents.withQuery(ProxyEvents.request("GET", "/chirp", Map.of()),
                Map.of("cursor", "old", "limit", "5")));

        assertThat(NextPageLink.nextQuery(request, "new")).isEqualTo("?cursor=new&limit=5");
    }

    @Test
    void theLastPageHasNoLink() {
        var request = new HttpRequest(ProxyEvents.event("multi-value-query"));

        var response = NextPageLink.listResponse(request, new Page<>(List.of("a"), Optional.empty()));

        assertThat(header(response, "Link")).isEmpty();
        assertThat(response.body()).hasValue("""
                ["a"]""");
    }
}
