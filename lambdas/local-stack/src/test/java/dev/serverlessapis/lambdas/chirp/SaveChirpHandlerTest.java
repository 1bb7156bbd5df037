package dev.serverlessapis.lambdas.chirp;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import dev.serverlessapis.local.Functions;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Tag("handler")
@ExtendWith(WithTestStack.class)
class SaveChirpHandlerTest {
    private final TestStack stack;
    private final String user = "save-" + UUID.randomUUID().toString().substring(0, 8);

    SaveChirpHandlerTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aPostedChirpIs201WithTheStoredChirpStampedByTheServer() {
        var before = System.currentTimeMillis();
        var response = post("""
                {"userId":"%s","text":"hello \uD83D\uDC26"}""".formatted(user));
        var after = System.currentTimeMillis();

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        var body = json(response).getAsJsonObject();
        assertThat(body.keySet()).containsExactly("userId", "timestamp", "text");
        assertThat(body.get("userId").getAsString()).isEqualTo(user);
        assertThat(body.get("text").getAsString()).isEqualTo("hello \uD83D\uDC26");
        assertThat(body.get("timestamp").getAsLong()).isBetween(before, after);
        assertThat(storedTexts()).containsExactly("hello \uD83D\uDC26");
    }

    @Test
    void aHundredConcurrentPostsOfOneUserStoreAHundredChirps() throws Exception {
        var timestamps = new ArrayList<Long>();
        try (var pool = Executors.newFixedThreadPool(100)) {
            var futures = new ArrayList<Future<APIGatewayProxyResponseEvent>>();
            for (int i = 0; i < 100; i++) {
                var body = """
                        {"userId":"%s","text":"chirp %s"}""".formatted(user, i);
                futures.add(pool.submit((Callable<APIGatewayProxyResponseEvent>) () -> post(body)));
            }
            for (var future : futures) {
                var response = future.get();
                assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
                timestamps.add(json(response).getAsJsonObject().get("timestamp").getAsLong());
            }
        }
        assertThat(timestamps).doesNotHaveDuplicates();
        assertThat(storedTexts()).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void textOf280CodePointsIsAcceptedAnd281IsA400NamingText() {
        var emoji280 = "\uD83D\uDC26".repeat(280);
        assertThat(post("""
                {"userId":"%s","text":"%s"}""".formatted(user, emoji280)).getStatusCode()).isEqualTo(201);

        var tooLong = post("""
                {"userId":"%s","text":"%s"}""".formatted(user, "x".repeat(281)));
        assertThat(tooLong.getStatusCode()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("text");
        assertThat(storedTexts()).containsExactly(emoji280);
    }

    @Test
    void invalidBodiesAre400sNamingEveryBadFieldAndStoreNothing() {
        assertThat(fields(post("""
                {"userId":"%s","text":"   "}""".formatted(user)))).containsExactly("text");
        assertThat(fields(post("""
                {"userId":"%s","text":42}""".formatted(user)))).containsExactly("text");
        assertThat(fields(post("""
                {"userId":"%s","text":"hi","timestamp":1}""".formatted(user)))).containsExactly("timestamp");
        assertThat(fields(post("""
                ["not an object"]"""))).containsExactly("body");
        assertThat(post("""
                {"userId":""").getStatusCode()).isEqualTo(400);
        assertThat(storedTexts()).isEmpty();
    }

    @Test
    void theHandleIsTheSignedInCallersAndAnotherOneIsA403() {
        var without = post("""
                {"text":"who am I"}""");
        var other = post("""
                {"userId":"someone-else","text":"not me"}""");
        var anonymous = Functions.invoke("chirp_save_chirp", withJsonBody(request("POST", "/chirp", Map.of()), """
                {"userId":"%s","text":"nobody"}""".formatted(user)));

        assertThat(without.getStatusCode()).as(without.getBody()).isEqualTo(201);
        assertThat(json(without).getAsJsonObject().get("userId").getAsString()).isEqualTo(user);
        assertThat(other.getStatusCode()).isEqualTo(403);
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(storedTexts()).containsExactly("who am I");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        var event = ProxyEvents.signedIn(request("POST", "/chirp", Map.of()), user).withBody("userId=a&text=b");
        var response = Functions.invoke("chirp_save_chirp",
                ProxyEvents.withHeader(event, "Content-Type", "application/x-www-form-urlencoded"));

        assertThat(response.getStatusCode()).isEqualTo(415);
    }

    private APIGatewayProxyResponseEvent post(String body) {
        return Functions.invoke("chirp_save_chirp", ProxyEvents.signedIn(withJsonBody(request("POST", "/chirp", Map.of()), body), user));
    }

    private static List<String> fields(APIGatewayProxyResponseEvent response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        return json(response).getAsJsonObject().getAsJsonArray("errors").asList().stream()
                .map(error -> ((JsonObject) error).get("field").getAsString()).toList();
    }

    private List<String> storedTexts() {
        return stack.dynamoDb().query(query -> query.tableName("chirp")
                        .keyConditionExpression("#userId = :userId")
                        .expressionAttributeNames(Map.of("#userId", "userId"))
                        .expressionAttributeValues(Map.of(":userId", AttributeValue.fromS(user))))
                .items().stream().map(item -> item.get("text").s()).toList();
    }
}
