package dev.serverlessapis.endtoend;

import static dev.serverlessapis.endtoend.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("end-to-end")
@ExtendWith(WithTestStack.class)
class ChirpEndToEndTest {
    private static final Pattern NEXT = Pattern.compile("<(\\?[^>]*)>; rel=\"next\"");

    private final Http http;
    private final String user;

    ChirpEndToEndTest(TestStack stack) {
        var token = stack.idToken("e2e-" + UUID.randomUUID().toString().substring(0, 8), false);
        this.user = TestStack.handleOf(token);
        this.http = new Http(stack.apiEndpoint()).signedIn(token);
    }

    @Test
    void aPostedChirpIsReturnedAsStoredAndListedForItsUserAndInTheFeed() throws InterruptedException {
        var posted = http.sendJson("POST", "/chirp", """
                {"userId":"%s","text":"Hello, \u00e9t\u00e9 \uD83C\uDF1E"}""".formatted(user));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        var chirp = json(posted).getAsJsonObject();
        assertThat(chirp.get("text").getAsString()).isEqualTo("Hello, \u00e9t\u00e9 \uD83C\uDF1E");

        var mine = http.get("/chirp?userId=" + user);
        assertThat(mine.statusCode()).isEqualTo(200);
        // On a deployed stage the signed-in person may have chirped before: theirs come newest first.
        assertThat(json(mine).getAsJsonArray().asList()).first().isEqualTo(chirp);
        if (!TestStack.againstDeployedStage()) {
            assertThat(json(mine).getAsJsonArray()).hasSize(1);
        }
        // The feed's index is eventually consistent on AWS: allow it a few seconds.
        for (int attempt = 0; attempt < 20 && !json(http.get("/chirp?limit=100")).getAsJsonArray().asList().contains(chirp); attempt++) {
            Thread.sleep(500);
        }
        assertThat(json(http.get("/chirp?limit=100")).getAsJsonArray().asList()).contains(chirp);
    }

    @Test
    void pagesFollowTheLinkHeaderToTheEndNewestFirst() {
        var texts = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var response = http.sendJson("POST", "/chirp", """
                    {"userId":"%s","text":"page test %s"}""".formatted(user, i));
            assertThat(response.statusCode()).isEqualTo(201);
            texts.addFirst("page test " + i);
        }
        var seen = new ArrayList<String>();
        var next = "?userId=" + user + "&limit=2";
        var pages = 0;
        while (next != null) {
            var page = http.get("/chirp" + next);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            json(page).getAsJsonArray().forEach(item -> seen.add(item.getAsJsonObject().get("text").getAsString()));
            next = page.headers().firstValue("Link").map(NEXT::matcher).filter(matcher -> matcher.find())
                    .map(matcher -> matcher.group(1)).orElse(null);
            pages++;
        }
        assertThat(seen).startsWith(texts.toArray(String[]::new));
        if (!TestStack.againstDeployedStage()) {
            assertThat(seen).hasSameSizeAs(texts);
            assertThat(pages).isBetween(3, 4);
        }
    }

    @Test
    void invalidInputIsAProblemNamingTheField() {
        var blank = http.sendJson("POST", "/chirp", """
                {"userId":"%s","text":" "}""".formatted(user));
        var badUser = http.get("/chirp?userId=" + URLEncoder.encode("not a handle", StandardCharsets.UTF_8));
        var badCursor = http.get("/chirp?cursor=forged");
        var nobody = http.sendJson("POST", "/chirp", """
                {"userId":"","text":"hello"}""");
        var twoLimits = http.get("/chirp?limit=2&limit=200");
        var signedLimit = http.get("/chirp?limit=%2B5");

        for (var response : List.of(blank, badUser, badCursor, nobody, twoLimits, signedLimit)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(field(blank)).isEqualTo("text");
        assertThat(field(badUser)).isEqualTo("userId");
        assertThat(field(badCursor)).isEqualTo("cursor");
        assertThat(field(nobody)).as("a userId no handle can be is invalid, not somebody else's").isEqualTo("userId");
        assertThat(field(twoLimits)).isEqualTo("limit");
        assertThat(field(signedLimit)).isEqualTo("limit");
        var stored = json(http.get("/chirp?userId=" + user)).getAsJsonArray().asList();
        if (TestStack.againstDeployedStage()) {
            assertThat(stored).noneMatch(chirp -> chirp.getAsJsonObject().get("text").getAsString().isBlank());
        } else {
            assertThat(stored).isEmpty();
        }
    }

    /**
     * Bytes that are not UTF-8 never become text: the emulator hands them over as base64, which the function decodes
     * strictly; API Gateway converts a JSON body to text, where they can survive only as U+FFFD, which the function
     * refuses raw. Against a deployed stage this checks API Gateway's own conversion.
     */
    @Test
    void textWhoseBytesAreNotUtf8IsRefusedAndNothingIsStoredWhileTheEscapedReplacementCharacterIsKept() {
        var latin1 = http.send(http.to("/chirp").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray("""
                        {"userId":"%s","text":"caf\u00e9 latin-1"}""".formatted(user).getBytes(StandardCharsets.ISO_8859_1))));
        var replaced = http.sendJson("POST", "/chirp", """
                {"userId":"%s","text":"caf\uFFFD replaced"}""".formatted(user));
        var escaped = http.sendJson("POST", "/chirp", """
                {"userId":"%s","text":"caf\\ufffd escaped"}""".formatted(user));

        assertThat(latin1.statusCode()).as(latin1.body()).isEqualTo(400);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(400);
        assertThat(replaced.body()).contains("U+FFFD");
        assertThat(escaped.statusCode()).as(escaped.body()).isEqualTo(201);
        var texts = json(http.get("/chirp?userId=" + user)).getAsJsonArray().asList().stream()
                .map(chirp -> chirp.getAsJsonObject().get("text").getAsString()).toList();
        assertThat(texts).contains("caf\uFFFD escaped").noneMatch(text -> text.endsWith("latin-1") || text.endsWith(" replaced"));
    }

    @Test
    void aNonJsonBodyIs415AndAnUnservedMethodIs405WithAllow() {
        var form = http.send(http.to("/chirp").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")));
        var delete = http.send(http.to("/chirp").DELETE());

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).contains("GET, OPTIONS, POST");
    }

    private static String field(HttpResponse<String> response) {
        return ((JsonObject) json(response).getAsJsonObject().getAsJsonArray("errors").get(0)).get("field").getAsString();
    }
}
