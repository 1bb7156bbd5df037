package dev.serverlessapis.adapters.observability;

import static dev.serverlessapis.adapters.observability.RequestLoggerTest.API_REQUEST_ID;
import static dev.serverlessapis.adapters.observability.RequestLoggerTest.CLOCK;
import static dev.serverlessapis.adapters.observability.RequestLoggerTest.LAMBDA_REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestObserverTest {
    private final List<String> stdout = new ArrayList<>();
    private final RequestObserver observer = new RequestObserver("user-profile-post",
            new RequestLogger(RequestLogger.Format.JSON, LogLevel.INFO, stdout::add, CLOCK),
            new EmfMetrics("serverless-apis-dev", stdout::add, CLOCK), new ColdStart(),
            () -> Optional.of(XRayDynamoDbTracingTest.HEADER));

    private static APIGatewayProxyRequestEvent event(String resource, String path) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withResource(resource).withPath(path)
                .withHeaders(Map.of("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"))
                .withBody("{\"email\":\"ada@example.com\",\"nickname\":\"ada\"}")
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId(API_REQUEST_ID));
    }

    @Test
    void aRequestWritesItsLogLineThenItsEmfDocumentAndNothingOfTheBodyTheTokenOrTheEmail() {
        observer.completed(event("/users", "/users"), LAMBDA_REQUEST_ID, System.nanoTime(), 201, Optional.of("user-42"), Optional.empty());
        observer.completed(event("/users", "/users"), LAMBDA_REQUEST_ID, System.nanoTime(), 409, Optional.empty(), Optional.empty());

        assertThat(stdout).hasSize(4);
        var line = json(0);
        assertThat(line.get("function").getAsString()).isEqualTo("user-profile-post");
        assertThat(line.get("route").getAsString()).isEqualTo("/users");
        assertThat(line.get("status").getAsInt()).isEqualTo(201);
        assertThat(line.get("apiRequestId").getAsString()).isEqualTo(API_REQUEST_ID);
        assertThat(line.get("requestId").getAsString()).isEqualTo(LAMBDA_REQUEST_ID);
        assertThat(line.get("traceId").getAsString()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(line.get("callerId").getAsString()).isEqualTo("user-42");
        assertThat(line.get("coldStart").getAsBoolean()).isTrue();
        assertThat(json(1).getAsJsonObject("_aws")).isNotNull();
        assertThat(json(1).get("ColdStarts").getAsInt()).isEqualTo(1);
        assertThat(json(2).get("coldStart").getAsBoolean()).isFalse();
        assertThat(json(3).get("Outcome").getAsString()).isEqualTo("4xx");
        assertThat(stdout).allSatisfy(text -> assertThat(text).doesNotContain("ada").doesNotContain("eyJ").doesNotContain("Bearer"));
    }

    @Test
    void a5xxAddsTheFailuresLineUnderTheIdTheClientGot() {
        observer.completed(event("/users", "/users"), LAMBDA_REQUEST_ID, System.nanoTime(), 500, Optional.empty(),
                Optional.of(new IllegalStateException("boom")));

        assertThat(stdout).hasSize(3);
        assertThat(json(1).get("errorType").getAsString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json(1).get("apiRequestId").getAsString()).isEqualTo(API_REQUEST_ID);
        assertThat(json(2).get("Outcome").getAsString()).isEqualTo("5xx");
    }

    @Test
    void fieldsWithoutTheirShapeAreLoggedAsDashesAndTheRequestStillCounts() {
        var odd = event("/users/ada@example.com", "/users/ada@example.com").withRequestContext(null).withHttpMethod(null);

        observer.completed(odd, "not an id", System.nanoTime(), 404, Optional.of("ada@example.com"), Optional.empty());

        var line = json(0);
        assertThat(line.get("route").getAsString()).isEqualTo("-");
        assertThat(line.get("method").getAsString()).isEqualTo("-");
        assertThat(line.get("apiRequestId").getAsString()).isEqualTo("-");
        assertThat(line.get("requestId").getAsString()).isEqualTo("-");
        assertThat(line.has("callerId")).isFalse();
        assertThat(stdout).hasSize(2).allSatisfy(text -> assertThat(text).doesNotContain("ada"));
    }

    /** The trace id logged is the one X-Ray would file the trace under: an unsampled trace's, but not a broken header's. */
    @Test
    void theTraceIdIsLoggedFromAWellFormedHeaderSampledOrNot() {
        var headers = List.of("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0",
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=\"},{\";Sampled=1", "Root=1-5759e988-bd862e3fe1be46a994272793ff");
        for (var header : headers) {
            new RequestObserver("user-profile-post", new RequestLogger(RequestLogger.Format.JSON, LogLevel.INFO, stdout::add, CLOCK),
                    new EmfMetrics("serverless-apis-dev", stdout::add, CLOCK), new ColdStart(), () -> Optional.of(header))
                    .completed(event("/users", "/users"), LAMBDA_REQUEST_ID, System.nanoTime(), 201, Optional.empty(), Optional.empty());
        }

        assertThat(json(0).get("traceId").getAsString()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(json(2).has("traceId")).isFalse();
        assertThat(json(4).has("traceId")).isFalse();
    }

    private JsonObject json(int index) {
        return JsonParser.parseString(stdout.get(index)).getAsJsonObject();
    }
}
