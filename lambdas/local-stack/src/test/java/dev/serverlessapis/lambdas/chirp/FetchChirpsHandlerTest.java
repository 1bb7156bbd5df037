package dev.serverlessapis.lambdas.chirp;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import com.google.gson.JsonObject;
import dev.serverlessapis.local.Functions;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Tag("handler")
@ExtendWith(WithTestStack.class)
class FetchChirpsHandlerTest {
    private static final Pattern NEXT = Pattern.compile("<\\?([^>]*)>; rel=\"next\"");

    private final String user = "fetch-" + UUID.randomUUID().toString().substring(0, 8);

    private final TestStack stack;

    /** The stack configures the functions before their handler classes first load. */
    FetchChirpsHandlerTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aUsersChirpsComeNewestFirstInPagesLinkedByCursorsWithoutDropsOrRepeats() {
        var posted = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            posted.addFirst(post(user, "number " + i));
        }
        post("someone-else-" + UUID.randomUUID().toString().substring(0, 8), "not theirs");

        var first = get(Map.of("userId", user, "limit", "2"));
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(texts(first)).containsExactly(posted.get(0), posted.get(1));
        var query = nextQuery(first).orElseThrow();
        assertThat(query).containsEntry("userId", user).containsEntry("limit", "2");

        var seen = new ArrayList<>(texts(first));
        var page = first;
        while (nextQuery(page).isPresent()) {
            page = get(nextQuery(page).get());
            assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
            seen.addAll(texts(page));
        }
        assertThat(seen).containsExactlyElementsOf(posted);
    }

    @Test
    void everyonesChirpsComeFromTheFeedNewestFirst() throws InterruptedException {
        var other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        var older = post(user, "older");
        Thread.sleep(2); // two users may share a millisecond, and then their order is not defined
        var newer = post(other, "newer");

        var feed = get(Map.of("limit", "100"));

        assertThat(feed.getStatusCode()).isEqualTo(200);
        var texts = texts(feed);
        assertThat(texts).contains(older, newer);
        assertThat(texts.indexOf(newer)).isLessThan(texts.indexOf(older));
        var timestamps = json(feed).getAsJsonArray().asList().stream()
                .map(chirp -> ((JsonObject) chirp).get("timestamp").getAsLong()).toList();
        assertThat(timestamps).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    /**
     * A chirp stored under a handle and with a text today's rules refuse (a hand edit wrote it, or for the text older code; the text
     * is one zero-width space, which {@code String.isBlank} lets through) is read back, not input: the feed answers it as
     * stored instead of failing for everyone; asking for that handle is input, and a 400.
     */
    @Test
    void theFeedAnswersAChirpStoredOutsideTheRulesOfToday() {
        var handle = "older handle " + UUID.randomUUID();
        var day = LocalDate.parse("1975-06-06");
        var key = Map.of("userId", AttributeValue.fromS(handle),
                "timestamp", AttributeValue.fromN(Long.toString(Instant.parse("1975-06-06T12:00:00Z").toEpochMilli())));
        var marker = Map.of("userId", AttributeValue.fromS("#days"), "timestamp", AttributeValue.fromN(Long.toString(day.toEpochDay())));
        var item = new HashMap<>(key);
        item.put("text", AttributeValue.fromS("\u200b"));
        item.put("day", AttributeValue.fromS(day.toString()));
        stack.dynamoDb().putItem(put -> put.tableName("chirp").item(marker));
        stack.dynamoDb().putItem(put -> put.tableName("chirp").item(item));
        try {
            var answered = new ArrayList<JsonObject>();
            Optional<Map<String, String>> query = Optional.of(Map.of("limit", "100"));
            while (query.isPresent()) {
                var page = get(query.get());
                assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
                json(page).getAsJsonArray().forEach(chirp -> answered.add(chirp.getAsJsonObject()));
                query = nextQuery(page);
            }

            assertThat(answered).anySatisfy(chirp -> {
                assertThat(chirp.get("userId").getAsString()).isEqualTo(handle);
                assertThat(chirp.get("text").getAsString()).isEqualTo("\u200b");
            });
            assertThat(fields(get(Map.of("userId", handle)))).containsExactly("userId");
        } finally {
            stack.dynamoDb().deleteItem(delete -> delete.tableName("chirp").key(key));
            stack.dynamoDb().deleteItem(delete -> delete.tableName("chirp").key(marker));
        }
    }

    @Test
    void aUserWithNoChirpsGetsAnEmptyArrayWithoutALink() {
        var response = get(Map.of("userId", "nobody-" + UUID.randomUUID().toString().substring(0, 8)));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("[]");
        assertThat(header(response, "Link")).isEmpty();
    }

    @Test
    void aCursorOfOneListingIsRefusedByAnother() {
        post(user, "one");
        post(user, "two");
        var userCursor = nextQuery(get(Map.of("userId", user, "limit", "1"))).orElseThrow().get("cursor");

        assertThat(fields(get(Map.of("userId", "someone-else", "cursor", userCursor)))).containsExactly("cursor");
        assertThat(fields(get(Map.of("cursor", userCursor)))).containsExactly("cursor");
    }

    @Test
    void badParametersAre400sNamingTheField() {
        assertThat(fields(get(Map.of("userId", "no/slashes")))).containsExactly("userId");
        assertThat(fields(get(Map.of("userId", "")))).containsExactly("userId");
        assertThat(fields(get(Map.of("limit", "0")))).containsExactly("limit");
        assertThat(fields(get(Map.of("limit", "101")))).containsExactly("limit");
        assertThat(fields(get(Map.of("limit", "ten")))).containsExactly("limit");
        assertThat(fields(get(Map.of("cursor", "made-up.cursor")))).containsExactly("cursor");
    }

    @Test
    void methodsNotServedOnChirpAre405WithAllow() {
        var response = Functions.invoke("chirp_fetch_chirps", request("DELETE", "/chirp", Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(header(response, "Allow")).contains("GET, OPTIONS, POST");
    }

    private static String post(String userId, String text) {
        var response = Functions.invoke("chirp_save_chirp",
                ProxyEvents.signedIn(withJsonBody(request("POST", "/chirp", Map.of()), """
                        {"userId":"%s","text":"%s"}""".formatted(userId, text)), userId));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return text;
    }

    private static APIGatewayProxyResponseEvent get(Map<String, String> query) {
        return Functions.invoke("chirp_fetch_chirps", withQuery(request("GET", "/chirp", Map.of()), query));
    }

    private static List<String> texts(APIGatewayProxyResponseEvent response) {
        return json(response).getAsJsonArray().asList().stream().map(chirp -> ((JsonObject) chirp).get("text").getAsString()).toList();
    }

    private static Optional<Map<String, String>> nextQuery(APIGatewayProxyResponseEvent response) {
        return header(response, "Link").map(NEXT::matcher).filter(matcher -> matcher.find()).map(matcher -> {
            var query = new HashMap<String, String>();
            for (var pair : matcher.group(1).split("&")) {
                var parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
            return query;
        });
    }

    private static List<String> fields(APIGatewayProxyResponseEvent response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        return json(response).getAsJsonObject().getAsJsonArray("errors").asList().stream()
                .map(error -> ((JsonObject) error).get("field").getAsString()).toList();
    }
}
