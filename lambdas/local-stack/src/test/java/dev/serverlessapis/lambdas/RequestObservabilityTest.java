package dev.serverlessapis.lambdas;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import dev.serverlessapis.adapters.observability.TraceHeader;
import dev.serverlessapis.local.Functions;
import dev.serverlessapis.local.LocalStack;
import dev.serverlessapis.local.OutputTee;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a request through a real handler, on DynamoDB Local, leaves in the function's output: its JSON log line and
 * EMF documents, field by field and without what must never be logged; a 5xx's stack trace under the request id the
 * client got; and, in a traced invocation, one X-Ray subsegment per DynamoDB call.
 */
@Tag("handler")
@ExtendWith(WithTestStack.class)
class RequestObservabilityTest {
    private static final String TOKEN = "eyJraWQiOiJleGFtcGxlIiwiYWxnIjoiUlMyNTYifQ.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl";

    private final TestStack stack;

    RequestObservabilityTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aPostedChirpIsOneLogLineAndTwoEmfDocumentsWithExactlyTheirFieldsAndNoBodyTokenOrEmail() throws Exception {
        var handle = "obs-" + UUID.randomUUID().toString().substring(0, 8);
        var event = withJsonBody(signedIn("POST", "/chirp"), """
                {"userId":"%s","text":"write to ada@example.com"}""".formatted(handle));
        // A chirp is posted under the signed-in handle only: the recorded claims name this test's handle instead of ada.
        @SuppressWarnings("unchecked")
        var claims = (Map<String, Object>) event.getRequestContext().getAuthorizer().get("claims");
        claims.put("cognito:username", handle);
        var before = stack.metrics().snapshot().events().getOrDefault("ChirpPosted", 0L);

        var output = output(() -> Functions.invoke("chirp_save_chirp", event));

        assertThat(output.response().getStatusCode()).as(output.response().getBody()).isEqualTo(201);
        assertThat(output.lines()).hasSize(3);
        var posted = output.lines().get(0);
        var log = output.lines().get(1);
        var request = output.lines().get(2);

        assertThat(log.keySet()).containsExactly("timestamp", "level", "message", "requestId", "apiRequestId", "function", "route",
                "method", "status", "latencyMs", "coldStart", "callerId");
        assertThat(log.get("level").getAsString()).isEqualTo("INFO");
        assertThat(log.get("message").getAsString()).matches("POST /chirp 201 \\d+ms");
        assertThat(log.get("apiRequestId").getAsString()).isEqualTo(event.getRequestContext().getRequestId());
        assertThat(log.get("requestId").getAsString()).isNotEqualTo(event.getRequestContext().getRequestId()).hasSize(36);
        assertThat(log.get("function").getAsString()).isEqualTo("chirp_save_chirp");
        assertThat(log.get("route").getAsString()).isEqualTo("/chirp");
        assertThat(log.get("method").getAsString()).isEqualTo("POST");
        assertThat(log.get("status").getAsInt()).isEqualTo(201);
        assertThat(log.get("latencyMs").getAsLong()).isNotNegative();
        assertThat(log.get("coldStart").getAsJsonPrimitive().isBoolean()).isTrue();
        assertThat(log.get("callerId").getAsString()).isEqualTo("7d8ca528-4931-4254-9273-ea5ee853f271");

        assertThat(request.keySet()).containsExactly("_aws", "Service", "Function", "Outcome", "Requests", "Latency", "ColdStarts", "requestId");
        assertThat(request.get("Service").getAsString()).isEqualTo(LocalStack.METRICS_SERVICE);
        assertThat(request.get("Function").getAsString()).isEqualTo("chirp_save_chirp");
        assertThat(request.get("Outcome").getAsString()).isEqualTo("2xx");
        assertThat(request.get("Requests").getAsLong()).isEqualTo(1);
        assertThat(request.get("Latency").getAsLong()).isEqualTo(log.get("latencyMs").getAsLong());
        assertThat(request.get("ColdStarts").getAsLong()).isEqualTo(log.get("coldStart").getAsBoolean() ? 1 : 0);
        assertThat(request.get("requestId").getAsString()).isEqualTo(log.get("requestId").getAsString());
        var directives = request.getAsJsonObject("_aws").getAsJsonArray("CloudWatchMetrics");
        assertThat(directives).allSatisfy(directive -> assertThat(directive.getAsJsonObject().get("Namespace").getAsString()).isEqualTo("ServerlessApis"));
        assertThat(directives.toString()).contains("[[\"Service\",\"Function\"],[\"Service\",\"Function\",\"Outcome\"]]");

        assertThat(posted.keySet()).containsExactly("_aws", "Service", "Event", "Events");
        assertThat(posted.get("Event").getAsString()).isEqualTo("ChirpPosted");
        assertThat(posted.get("Events").getAsLong()).isEqualTo(1);

        var everything = output.text();
        assertThat(everything).doesNotContain(handle).doesNotContain("write to").doesNotContain("ada@example.com")
                .doesNotContain(TOKEN).doesNotContain("eyJ").doesNotContain("\"ada\"");
        assertThat(stack.metrics().snapshot().events().get("ChirpPosted")).as("the local metrics read the same documents")
                .isEqualTo(before + 1);
    }

    @Test
    void a500sStackTraceIsInTheLogUnderTheRequestIdTheClientGot() throws Exception {
        var handle = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        // A chirp without its text, as a defect (or a hand edit) could leave one: reading it is our bug, a 500. Without
        // a day it stays out of the feed index, so no other test's feed meets it; it is deleted once read.
        var table = stack.spec().table("chirp").name();
        var key = Map.of("userId", AttributeValue.fromS(handle), "timestamp", AttributeValue.fromN("1"));
        stack.dynamoDb().putItem(put -> put.tableName(table).item(key));
        Output output;
        try {
            output = output(() -> Functions.invoke("chirp_fetch_chirps",
                    withQuery(request("GET", "/chirp", Map.of()), Map.of("userId", handle))));
        } finally {
            stack.dynamoDb().deleteItem(delete -> delete.tableName(table).key(key));
        }

        assertThat(output.response().getStatusCode()).isEqualTo(500);
        var clientsId = json(output.response()).getAsJsonObject().get("requestId").getAsString();
        var byId = output.lines().stream()
                .filter(line -> line.has("apiRequestId") && line.get("apiRequestId").getAsString().equals(clientsId)).toList();
        assertThat(byId).extracting(line -> line.get("level").getAsString()).containsExactly("ERROR", "ERROR");
        var failure = byId.stream().filter(line -> line.has("stackTrace")).findFirst().orElseThrow();
        assertThat(failure.get("errorType").getAsString()).isEqualTo(NullPointerException.class.getName());
        assertThat(failure.getAsJsonArray("stackTrace").asList()).extracting(frame -> frame.getAsString())
                .anyMatch(frame -> frame.startsWith("at dev.serverlessapis.adapters.dynamodb.DynamoDbChirps."));
        assertThat(output.lines()).filteredOn(line -> line.has("Outcome")).singleElement()
                .satisfies(document -> assertThat(document.get("Outcome").getAsString()).isEqualTo("5xx"));
    }

    @Test
    void inATracedInvocationEachDynamoDbCallIsOneSubsegmentOfTheFunctionsSegment() throws Exception {
        var header = "Root=1-6955b900-0123456789abcdef01234567;Parent=1234567890abcdef;Sampled=1";
        var counter = request("GET", "/counters/{name}", Map.of("name", "cloud-resume"));
        System.setProperty(TraceHeader.SYSTEM_PROPERTY, header);
        Output output;
        try {
            output = output(() -> Functions.invoke("getHitCount", counter));
        } finally {
            System.clearProperty(TraceHeader.SYSTEM_PROPERTY);
        }

        assertThat(output.response().getStatusCode()).isEqualTo(200);
        var segments = stack.xRayDaemon().receive(1);
        assertThat(segments.getFirst().get("trace_id").getAsString()).isEqualTo("1-6955b900-0123456789abcdef01234567");
        assertThat(segments.getFirst().get("parent_id").getAsString()).isEqualTo("1234567890abcdef");
        assertThat(segments.getFirst().getAsJsonObject("aws").get("operation").getAsString()).isEqualTo("GetItem");
        assertThat(segments.getFirst().getAsJsonObject("aws").get("table_name").getAsString())
                .isEqualTo(stack.spec().table("hit-counters").name());
        assertThat(output.lines().stream().filter(line -> line.has("traceId")).toList()).singleElement()
                .satisfies(line -> assertThat(line.get("traceId").getAsString()).isEqualTo("1-6955b900-0123456789abcdef01234567"));

        Functions.invoke("getHitCount", request("GET", "/counters/{name}", Map.of("name", "cloud-resume")));
        assertThat(stack.xRayDaemon().receive(0)).as("an invocation without a trace sends nothing").isEmpty();
    }

    /** A request through the Cognito authorizer, with the caller's token and claims (its email among them). */
    private static APIGatewayProxyRequestEvent signedIn(String method, String resource) {
        var event = ProxyEvents.event("cognito-authorizer");
        event.setHttpMethod(method);
        event.setResource(resource);
        event.setPath(resource);
        event.setPathParameters(null);
        event.getRequestContext().setHttpMethod(method);
        event.getRequestContext().setResourcePath(resource);
        assertThat(event.getHeaders().get("Authorization")).isEqualTo(TOKEN);
        return event;
    }

    private record Output(APIGatewayProxyResponseEvent response, List<String> raw) {
        List<JsonObject> lines() {
            return raw.stream().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        }

        String text() {
            return String.join("\n", raw);
        }
    }

    /** What the invocation wrote to standard output, line by line. */
    private static Output output(Supplier<APIGatewayProxyResponseEvent> invocation) throws Exception {
        var lines = new CopyOnWriteArrayList<String>();
        APIGatewayProxyResponseEvent response;
        try (var reading = OutputTee.read(lines::add)) {
            response = invocation.get();
        }
        return new Output(response, new ArrayList<>(lines));
    }
}
