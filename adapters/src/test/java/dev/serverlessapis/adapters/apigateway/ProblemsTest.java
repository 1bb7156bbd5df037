package dev.serverlessapis.adapters.apigateway;

import static dev.serverlessapis.adapters.apigateway.HttpLayer.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.serverlessapis.domain.shared.ConflictException;
import dev.serverlessapis.domain.shared.ForbiddenException;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.UnauthenticatedException;
import dev.serverlessapis.domain.shared.NotFoundException;
import dev.serverlessapis.domain.shared.StaleVersionException;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.shared.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each failure the domain names gets its one status and an RFC 9457 document; anything else is a bare 500. */
class ProblemsTest {
    private static final String REQUEST_ID = "4c5d6e7f-8091-42a3-b4c5-d6e7f8091a2b";

    @Test
    void invalidInputIsA400ListingEveryInvalidField() {
        var response = Problems.toResponse(new InvalidInputException(List.of(
                new Violation("userId", "is required"), new Violation("text", "is too long"))), REQUEST_ID);

        var document = document(response, 400, "Bad Request");
        assertThat(document.getAsJsonArray("errors")).hasSize(2);
        assertThat(document.getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString()).isEqualTo("userId");
        assertThat(document.getAsJsonArray("errors").get(1).getAsJsonObject().get("message").getAsString()).isEqualTo("is too long");
    }

    @Test
    void notFoundConflictAndStaleVersionEachHaveTheirStatusAndKeepTheirMessage() {
        assertThat(document(Problems.toResponse(new NotFoundException("no user ada"), REQUEST_ID), 404, "Not Found")
                .get("detail").getAsString()).isEqualTo("no user ada");
        assertThat(document(Problems.toResponse(new ConflictException("email taken"), REQUEST_ID), 409, "Conflict")
                .get("detail").getAsString()).isEqualTo("email taken");
        assertThat(document(Problems.toResponse(new StaleVersionException("changed"), REQUEST_ID), 412, "Precondition Failed")
                .get("detail").getAsString()).isEqualTo("changed");
    }

    @Test
    void nobodySignedInIsA401ThatAsksForABearerTokenAndNotYoursIsA403() {
        var unauthenticated = Problems.toResponse(new UnauthenticatedException("Sign in to post a chirp."), REQUEST_ID);
        var forbidden = Problems.toResponse(new ForbiddenException("admins only"), REQUEST_ID);

        assertThat(document(unauthenticated, 401, "Unauthorized").get("detail").getAsString()).isEqualTo("Sign in to post a chirp.");
        assertThat(header(unauthenticated, "WWW-Authenticate")).hasValue("Bearer");
        assertThat(document(forbidden, 403, "Forbidden").get("detail").getAsString()).isEqualTo("admins only");
        assertThat(header(forbidden, "WWW-Authenticate")).isEmpty();
    }

    @Test
    void aBusyStoreIsA503ToRetryPromptly() {
        var response = Problems.toResponse(new TemporarilyUnavailableException("throttled", null), REQUEST_ID);

        var document = document(response, 503, "Service Unavailable");
        assertThat(header(response, "Retry-After")).hasValue("1");
        assertThat(document.get("requestId").getAsString()).isEqualTo(REQUEST_ID);
        assertThat(document.get("detail").getAsString()).doesNotContain("throttled");
    }

    @Test
    void anythingElseIsA500WithOnlyTheRequestId() {
        var response = Problems.toResponse(new NullPointerException("customers table"), REQUEST_ID);

        var document = document(response, 500, "Internal Server Error");
        assertThat(document.get("requestId").getAsString()).isEqualTo(REQUEST_ID);
        assertThat(response.body()).hasValueSatisfying(body -> assertThat(body).doesNotContain("customers table"));
    }

    @Test
    void anHttpProblemKeepsItsStatusAndHeaders() {
        var response = Problems.toResponse(new HttpProblem(405, "Method Not Allowed", "no", Problems.allow(List.of("GET", "OPTIONS"))),
                REQUEST_ID);

        document(response, 405, "Method Not Allowed");
        assertThat(header(response, "Allow")).hasValue("GET, OPTIONS");
    }

    private static JsonObject document(HttpResponse response, int status, String title) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(header(response, "Content-Type")).hasValue(HttpResponse.PROBLEM_JSON);
        var document = JsonParser.parseString(response.body().orElseThrow()).getAsJsonObject();
        assertThat(document.get("type").getAsString()).isEqualTo("about:blank");
        assertThat(document.get("title").getAsString()).isEqualTo(title);
        assertThat(document.get("status").getAsInt()).isEqualTo(status);
        return document;
    }
}
