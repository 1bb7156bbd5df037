package dev.serverlessapis.adapters.apigateway;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeaderLines;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.deadline.RequestDeadline;
import dev.serverlessapis.adapters.invocation.Invocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every route shares, on a function serving one real route of api.json with an endpoint that counts its calls. */
class HttpFunctionTest {
    private static final String RESOURCE = "/counters/{name}";
    private final AtomicInteger calls = new AtomicInteger();
    private final HttpFunction function = HttpLayer.function(Map.of(Route.of("GET", RESOURCE), request -> {
        calls.incrementAndGet();
        return HttpResponse.json(200, Map.of("served", request.pathParameter("name")));
    }));

    @Test
    void aServedRouteReachesItsEndpointAndIsNeverCached() {
        var response = function.handle(request("GET", RESOURCE, Map.of("name", "hits")), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).getAsJsonObject().get("served").getAsString()).isEqualTo("hits");
        assertThat(header(response, "Cache-Control")).hasValue("no-store");
        assertThat(header(response, "Vary")).hasValue("Origin");
    }

    @Test
    void aResourceNotInApiJsonIsA404ProblemDocument() {
        var response = function.handle(request("GET", "/nowhere", Map.of()), HttpLayer.LAMBDA_REQUEST_ID);

        assertProblem(response, 404);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aMethodTheFunctionDoesNotServeIsA405ListingWhatTheResourceServes() {
        var response = function.handle(request("DELETE", RESOURCE, Map.of("name", "hits")), HttpLayer.LAMBDA_REQUEST_ID);

        assertProblem(response, 405);
        assertThat(header(response, "Allow")).hasValue("GET, OPTIONS, POST");
        assertThat(calls).hasValue(0);
    }

    @Test
    void aPreflightFromTheAllowedOriginIsAnsweredWithoutTheEndpoint() {
        var preflight = withHeader(request("OPTIONS", RESOURCE, Map.of("name", "hits")), "Origin", HttpLayer.ALLOWED_ORIGIN);

        var response = function.handle(preflight, HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(header(response, "Access-Control-Allow-Methods")).hasValue("GET, OPTIONS, POST");
        assertThat(header(response, "Access-Control-Allow-Origin")).hasValue(HttpLayer.ALLOWED_ORIGIN);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeTheEndpointRuns() {
        var tooLarge = withJsonBody(request("GET", RESOURCE, Map.of("name", "hits")),
                "\"" + "x".repeat(HttpRequest.MAX_BODY_BYTES) + "\"");

        assertProblem(function.handle(tooLarge, HttpLayer.LAMBDA_REQUEST_ID), 413);
        assertThat(calls).hasValue(0);
    }

    /** The limit itself is accepted: the body of exactly {@value HttpRequest#MAX_BODY_BYTES} bytes, one more is a 413. */
    @Test
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsNot() {
        var atTheLimit = withJsonBody(request("GET", RESOURCE, Map.of("name", "hits")), "\"" + "x".repeat(HttpRequest.MAX_BODY_BYTES - 2) + "\"");
        var overIt = withJsonBody(request("GET", RESOURCE, Map.of("name", "hits")), "\"" + "x".repeat(HttpRequest.MAX_BODY_BYTES - 1) + "\"");

        assertThat(function.handle(atTheLimit, HttpLayer.LAMBDA_REQUEST_ID).getStatusCode()).isEqualTo(200);
        assertProblem(function.handle(overIt, HttpLayer.LAMBDA_REQUEST_ID), 413);
        assertThat(calls).hasValue(1);
    }

    /**
     * A request's deadline is the invocation's remaining time, at most API Gateway's 29 s, less 500 ms to answer in;
     * an invocation with less time left than that margin has none, not a negative budget.
     */
    @Test
    void theDeadlineIsTheInvocationsTimeCappedAtApiGatewaysLessTheMarginToAnswer() {
        var budgets = new ArrayList<Duration>();
        var timed = HttpLayer.function(Map.of(Route.of("GET", RESOURCE), request -> {
            budgets.add(RequestDeadline.current().orElseThrow().remaining());
            return HttpResponse.json(200, Map.of());
        }));
        for (var remaining : List.of(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMillis(200))) {
            timed.handle(request("GET", RESOURCE, Map.of("name", "hits")), HttpLayer.LAMBDA_REQUEST_ID, remaining);
        }

        assertThat(budgets.get(0)).isBetween(Duration.ofMillis(1300), Duration.ofMillis(1500));
        assertThat(budgets.get(1)).isBetween(Duration.ofMillis(28_300), Duration.ofMillis(28_500));
        assertThat(budgets.get(2)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aBodyThatIsNotJsonIsA415BeforeTheEndpointRuns() {
        var form = withHeader(request("GET", RESOURCE, Map.of("name", "hits")).withBody("name=hits"),
                "Content-Type", "application/x-www-form-urlencoded");

        assertProblem(function.handle(form, HttpLayer.LAMBDA_REQUEST_ID), 415);
        assertThat(calls).hasValue(0);
    }

    /** The body is read as UTF-8: a charset that says otherwise is a 415, not a body misread; {@code utf-8} passes, quoted or not. */
    @Test
    void aBodyInACharsetOtherThanUtf8IsA415BeforeTheEndpointRuns() {
        for (var other : List.of("application/json; charset=iso-8859-1", "application/json;charset=\"UTF-16\"", "application/json; charset=bogus")) {
            var refused = withHeader(request("GET", RESOURCE, Map.of("name", "hits")).withBody("{}"), "Content-Type", other);
            assertProblem(function.handle(refused, HttpLayer.LAMBDA_REQUEST_ID), 415);
        }
        assertThat(calls).hasValue(0);
        for (var utf8 : List.of("application/json; charset=UTF-8", "application/json;charset=\"utf-8\"", "Application/JSON; Charset = utf-8")) {
            var accepted = withHeader(request("GET", RESOURCE, Map.of("name", "hits")).withBody("{}"), "Content-Type", utf8);
            assertThat(function.handle(accepted, HttpLayer.LAMBDA_REQUEST_ID).getStatusCode()).as(utf8).isEqualTo(200);
        }
        assertThat(calls).hasValue(3);
    }

    /**
     * A header that holds one value, sent on two lines, is a 400: which line was meant cannot be told (API Gateway
     * passes the last in {@code headers}, and which its authorizer checks is not documented). So are two spellings of
     * its name: names are case-insensitive, but the event keeps each spelling a client sent as a key of its own (the
     * local emulator's server, like a client on a raw socket, leaves a name it does not know as written).
     */
    @Test
    void aSingleValuedHeaderSentTwiceInOneSpellingOrTwoIsA400BeforeTheEndpointRuns() {
        for (var header : List.of("Authorization", "Content-Type", "Idempotency-Key")) {
            var event = request("GET", RESOURCE, Map.of("name", "hits")).withBody("{}");
            var onTwoLines = withHeaderLines(event, header, "application/json", "application/json");
            var inTwoSpellings = withHeaderLines(withHeaderLines(request("GET", RESOURCE, Map.of("name", "hits")).withBody("{}"),
                    header, "application/json"), header.toLowerCase(java.util.Locale.ROOT), "application/json");
            for (var twice : List.of(onTwoLines, inTwoSpellings)) {
                var response = function.handle(twice, HttpLayer.LAMBDA_REQUEST_ID);
                assertProblem(response, 400);
                assertThat(json(response).getAsJsonObject().get("detail").getAsString()).as(header)
                        .contains(header).contains("sent 2 times");
            }
        }
        assertThat(calls).hasValue(0);
    }

    /**
     * A body that cannot be read (marked base64 but not, or holding half a surrogate pair, which only a direct invoke
     * sends) is refused where the body is needed: a preflight, an unknown resource or method answer as without it, and
     * the refusal carries the CORS headers every answer to an allowed origin does.
     */
    @Test
    void anUnreadableBodyIsA400WithCorsHeadersOnlyWhereTheBodyIsRead() {
        for (var unreadable : List.of("!!!!", "\ud800")) {
            var base64 = unreadable.equals("!!!!");
            var preflight = withHeader(request("OPTIONS", RESOURCE, Map.of("name", "hits")), "Origin", HttpLayer.ALLOWED_ORIGIN)
                    .withBody(unreadable).withIsBase64Encoded(base64);
            assertThat(function.handle(preflight, HttpLayer.LAMBDA_REQUEST_ID).getStatusCode()).as(unreadable).isEqualTo(204);
            var elsewhere = request("GET", "/nowhere", Map.of()).withBody(unreadable).withIsBase64Encoded(base64);
            assertProblem(function.handle(elsewhere, HttpLayer.LAMBDA_REQUEST_ID), 404);

            var served = withHeader(withHeader(request("GET", RESOURCE, Map.of("name", "hits")), "Origin", HttpLayer.ALLOWED_ORIGIN),
                    "Content-Type", "application/json").withBody(unreadable).withIsBase64Encoded(base64);
            var refused = function.handle(served, HttpLayer.LAMBDA_REQUEST_ID);
            assertProblem(refused, 400);
            assertThat(header(refused, "Access-Control-Allow-Origin")).as(unreadable).hasValue(HttpLayer.ALLOWED_ORIGIN);
        }
        assertThat(calls).hasValue(0);
    }

    /** A direct invoke may give a header no value, or a list of none: such a header is not there, never a 500. */
    @Test
    void aHeaderWithoutAValueIsAbsent() {
        var event = request("GET", RESOURCE, Map.of("name", "hits"));
        var single = new java.util.HashMap<String, String>();
        single.put("X-Empty", null);
        var multi = new java.util.HashMap<String, List<String>>();
        multi.put("X-None", null);
        multi.put("X-Holes", java.util.Arrays.asList("kept", null));
        event.withHeaders(single).withMultiValueHeaders(multi);

        var response = function.handle(event, HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(response.getStatusCode()).isEqualTo(200);
        var request = new HttpRequest(event);
        assertThat(request.header("X-Empty")).isEmpty();
        assertThat(request.headerValues("X-None")).isEmpty();
        assertThat(request.headerValues("X-Holes")).containsExactly("kept");
    }

    @Test
    void aDefectInAnEndpointIsA500CarryingOnlyTheRequestId() {
        var failing = HttpLayer.function(Map.of(Route.of("GET", RESOURCE), request -> {
            throw new IllegalStateException("secret table name");
        }));
        var event = request("GET", RESOURCE, Map.of("name", "hits"));

        var response = failing.handle(event, HttpLayer.LAMBDA_REQUEST_ID);

        assertProblem(response, 500);
        assertThat(response.getBody()).contains(event.getRequestContext().getRequestId()).doesNotContain("secret");
    }

    @Test
    void aDefectIsOneErrorLineWithItsStackTraceUnderTheRequestIdTheClientGot() {
        var lines = new ArrayList<String>();
        var failing = HttpLayer.function(Map.of(Route.of("GET", RESOURCE), request -> {
            throw new IllegalStateException("defect near ada@example.com");
        }), lines::add);

        var response = failing.handle(request("GET", RESOURCE, Map.of("name", "hits")), HttpLayer.LAMBDA_REQUEST_ID);

        var clientsId = json(response).getAsJsonObject().get("requestId").getAsString();
        var failures = objects(lines).stream().filter(line -> line.has("stackTrace")).toList();
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.get("apiRequestId").getAsString()).isEqualTo(clientsId);
            assertThat(failure.get("requestId").getAsString()).isEqualTo(HttpLayer.LAMBDA_REQUEST_ID);
            assertThat(failure.get("level").getAsString()).isEqualTo("ERROR");
            assertThat(failure.get("errorType").getAsString()).isEqualTo(IllegalStateException.class.getName());
            assertThat(failure.getAsJsonArray("stackTrace").get(1).getAsString()).startsWith("at " + HttpFunctionTest.class.getName());
        });
        assertThat(String.join("\n", lines)).doesNotContain("ada@example.com");
    }

    /** The store's writes are named by the invocation they serve (see WriteToken), and by nothing once it ends. */
    @Test
    void theInvocationIsCurrentWhileItsEndpointRunsAndOnlyThen() {
        var seen = new ArrayList<String>();
        var naming = HttpLayer.function(Map.of(Route.of("GET", RESOURCE), request -> {
            seen.add(Invocation.current().orElseThrow().uniqueName());
            return HttpResponse.json(200, Map.of());
        }));

        naming.handle(request("GET", RESOURCE, Map.of("name", "hits")), "invocation-1");
        naming.handle(request("GET", RESOURCE, Map.of("name", "hits")), "invocation-2");

        assertThat(seen).containsExactly("invocation-1#1", "invocation-2#1");
        assertThat(Invocation.current()).isEmpty();
    }

    @Test
    void everyRequestIsOneLogLineAndOneMetricsDocumentWhateverItsOutcome() {
        var lines = new ArrayList<String>();
        var observed = HttpLayer.function(Map.of(Route.of("GET", RESOURCE), request -> HttpResponse.json(200, Map.of())), lines::add);

        observed.handle(request("GET", RESOURCE, Map.of("name", "hits")), HttpLayer.LAMBDA_REQUEST_ID);
        observed.handle(request("DELETE", RESOURCE, Map.of("name", "hits")), HttpLayer.LAMBDA_REQUEST_ID);

        var objects = objects(lines);
        assertThat(objects).hasSize(4);
        assertThat(objects).filteredOn(line -> line.has("_aws")).extracting(line -> line.get("Outcome").getAsString()).containsExactly("2xx", "4xx");
        assertThat(objects).filteredOn(line -> line.has("level")).extracting(line -> line.get("status").getAsInt()).containsExactly(200, 405);
    }

    private static List<JsonObject> objects(List<String> lines) {
        return lines.stream().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
    }

    private static void assertProblem(APIGatewayProxyResponseEvent response, int status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(header(response, "Content-Type")).hasValue(HttpResponse.PROBLEM_JSON);
        assertThat(json(response).getAsJsonObject().get("status").getAsInt()).isEqualTo(status);
        assertThat(header(response, "Cache-Control")).hasValue("no-store");
    }
}
