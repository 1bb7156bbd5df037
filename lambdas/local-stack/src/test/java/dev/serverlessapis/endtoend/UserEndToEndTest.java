package dev.serverlessapis.endtoend;

import static dev.serverlessapis.endtoend.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user-profile API as a client sees it: the course's own scenario, run as an admin (who may do everything it
 * does, listing and deleting all included). Who else may do what is {@link IdentityEndToEndTest}'s.
 */
@Tag("end-to-end")
@ExtendWith(WithTestStack.class)
class UserEndToEndTest {
    private static final Duration INDEX_CATCH_UP = Duration.ofSeconds(10);

    private final Http http;

    UserEndToEndTest(TestStack stack) {
        this.http = new Http(stack.apiEndpoint()).signedIn(stack.idToken("course-admin", true));
    }

    /** API Gateway hands path parameters over still percent-encoded; the id must survive the trip both ways. */
    @Test
    void anIdThatNeedsPercentEncodingRoundTripsThroughItsLocation() {
        var id = "été x+1% " + UUID.randomUUID();
        var profile = """
                {"id":"%s","name":"Encoded"}""".formatted(id);

        var created = http.sendJson("POST", "/users", profile);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotContain(" ", "é");

        assertThat(http.get(location).body()).isEqualTo(profile);
        assertThat(http.send(http.to(location).DELETE()).statusCode()).isEqualTo(200);
        assertThat(http.get(location).statusCode()).isEqualTo(404);
    }

    /** The course's own scenario, with this contract's status codes. */
    @Test
    void theCourseScenario() {
        assumeTrue(TestStack.mayDeleteEveryProfile(), "it empties the stage's user-profiles table; set " + TestStack.DELETE_EVERY_PROFILE + "=yes where it may");
        assertThat(deleteAll().statusCode()).isEqualTo(200);

        var missing = http.get("/users/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        var ada = """
                {"id":"ada-%s","name":"Ada Lovelace","email":"ada-%s@example.com","born":1815,"interests":["engines","poetry"]}""".formatted(UUID.randomUUID(), UUID.randomUUID());
        var grace = """
                {"id":"grace-%s","name":"Grace Hopper","email":"grace-%s@example.com","rank":"Rear Admiral","navy":true}""".formatted(UUID.randomUUID(), UUID.randomUUID());
        var adaId = id(ada);
        var graceId = id(grace);
        var createdAda = http.sendJson("POST", "/users", ada);
        assertThat(createdAda.statusCode()).as(createdAda.body()).isEqualTo(201);
        assertThat(createdAda.headers().firstValue("Location")).contains("/users/" + adaId);
        assertThat(http.sendJson("POST", "/users", grace).statusCode()).isEqualTo(201);
        assertThat(http.get("/users/" + adaId).body()).isEqualTo(ada);
        assertThat(http.get("/users/" + graceId).body()).isEqualTo(grace);

        var newEmail = "grace.hopper-" + UUID.randomUUID() + "@example.com";
        var replacement = """
                {"name":"Grace Brewster Hopper","email":"%s"}""".formatted(newEmail);
        var replaced = http.sendJson("PUT", "/users/" + graceId, replacement);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        var expected = """
                {"id":"%s","name":"Grace Brewster Hopper","email":"%s"}""".formatted(graceId, newEmail);
        assertThat(replaced.body()).isEqualTo(expected);
        assertThat(http.get("/users/" + graceId).body()).isEqualTo(expected);

        var found = findByEmail(newEmail);
        assertThat(found.body()).isEqualTo("[" + expected + "]");

        var deleted = http.send(http.to("/users/" + adaId).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo(ada);
        assertThat(http.get("/users/" + adaId).statusCode()).isEqualTo(404);

        var all = deleteAll();
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).getAsJsonObject().get("deleted").getAsLong()).isGreaterThanOrEqualTo(1);
        assertThat(json(all).getAsJsonObject().get("more").getAsBoolean()).isFalse();

        var empty = http.get("/users");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEqualTo("[]");
    }

    /** U+FFFD goes in escaped (the raw character is refused) and comes out escaped, so a read-modify-write can send it back. */
    @Test
    void aProfileHoldingTheReplacementCharacterCanBeReadAndWrittenBackAsItIs() {
        var id = "fffd-" + UUID.randomUUID();
        var created = http.sendJson("POST", "/users", """
                {"id":"%s","name":"caf\\ufffd"}""".formatted(id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        var read = http.get("/users/" + id);
        assertThat(read.body()).contains("caf\\ufffd").doesNotContain("\uFFFD");
        var writtenBack = http.send(http.to("/users/" + id).header("Content-Type", "application/json")
                .header("If-Match", read.headers().firstValue("ETag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(read.body())));

        assertThat(writtenBack.statusCode()).as(writtenBack.body()).isEqualTo(200);
        assertThat(json(http.get("/users/" + id)).getAsJsonObject().get("name").getAsString()).isEqualTo("caf\uFFFD");
    }

    /** Over real HTTP, through the emulator: a 304 carries the tag and no body, and a tag since replaced gets the profile. */
    @Test
    void aReadWithTheCurrentEtagInIfNoneMatchIsA304WithoutABody() {
        var id = "unchanged-" + UUID.randomUUID();
        var etag = http.sendJson("POST", "/users", """
                {"id":"%s","name":"v1"}""".formatted(id)).headers().firstValue("ETag").orElseThrow();

        var unchanged = http.send(http.to("/users/" + id).header("If-None-Match", etag).GET());
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(304);
        assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);
        assertThat(unchanged.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(unchanged.body()).isEmpty();

        var replaced = http.send(http.to("/users/" + id).header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name":"v2"}""")));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        var changed = http.send(http.to("/users/" + id).header("If-None-Match", etag).GET());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).getAsJsonObject().get("name").getAsString()).isEqualTo("v2");
    }

    /** {@code DELETE /users/$ID} with an empty id reaches delete-all's route; it must not delete everyone. */
    @Test
    void aDeleteOfAnEmptyIdIsA400AndEveryProfileStays() {
        var id = "stays-" + UUID.randomUUID();
        assertThat(http.sendJson("POST", "/users", """
                {"id":"%s","name":"Stays"}""".formatted(id)).statusCode()).isEqualTo(201);
        var emptyId = "";

        var refused = http.send(http.to("/users/" + emptyId).DELETE());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=utf-8");
        assertThat(json(refused).getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("id");
        assertThat(http.get("/users/" + id).statusCode()).isEqualTo(200);
        assertThat(http.send(http.to("/users/" + id).DELETE()).statusCode()).isEqualTo(200);
    }

    @Test
    void aStaleIfMatchIsA412AndTheCurrentEtagWins() {
        var id = "etag-" + UUID.randomUUID();
        var created = http.sendJson("POST", "/users", """
                {"id":"%s","name":"v1"}""".formatted(id));
        var etag = created.headers().firstValue("ETag").orElseThrow();

        var first = http.send(http.to("/users/" + id).header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name":"v2"}""")));
        var stale = http.send(http.to("/users/" + id).header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name":"lost update"}""")));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(http.get("/users/" + id)).getAsJsonObject().get("name").getAsString()).isEqualTo("v2");
    }

    /** The lost update If-Match exists to prevent: a tag read before a delete must not replace the profile created after it. */
    @Test
    void anEtagOfADeletedProfileDoesNotReplaceTheProfileCreatedAgainUnderItsId() {
        var id = "again-" + UUID.randomUUID();
        var oldEtag = etagOfADeletedProfile(id);

        var put = http.send(http.to("/users/" + id).header("Content-Type", "application/json").header("If-Match", oldEtag)
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name":"lost update"}""")));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(412);
        assertThat(json(http.get("/users/" + id)).getAsJsonObject().get("name").getAsString()).isEqualTo("second");
    }

    /** Each value of {@code If-Match} on a line of its own, ours last: one list, of which ours matches (RFC 9110). */
    @Test
    void anIfMatchSentOnTwoLinesIsOneListInWhichOursMatches() {
        var id = "lines-" + UUID.randomUUID();
        var created = http.sendJson("POST", "/users", """
                {"id":"%s","name":"v1"}""".formatted(id));
        var etag = created.headers().firstValue("ETag").orElseThrow();

        var put = http.send(http.to("/users/" + id).header("Content-Type", "application/json")
                .header("If-Match", "\"foreign\"").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name":"v2"}""")));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(http.get("/users/" + id)).getAsJsonObject().get("name").getAsString()).isEqualTo("v2");
    }

    @Test
    void anEtagOfADeletedProfileDoesNotDeleteTheProfileCreatedAgainUnderItsId() {
        var id = "again-" + UUID.randomUUID();
        var oldEtag = etagOfADeletedProfile(id);

        var delete = http.send(http.to("/users/" + id).header("If-Match", oldEtag).DELETE());

        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(412);
        var current = http.get("/users/" + id);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(http.send(http.to("/users/" + id).header("If-Match", current.headers().firstValue("ETag").orElseThrow()).DELETE())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void listsArePagedWithANextLinkAndBadInputIsAProblemNamingTheField() {
        for (int i = 0; i < 3; i++) {
            http.sendJson("POST", "/users", """
                    {"name":"paged %s"}""".formatted(i));
        }
        var first = http.get("/users?limit=2");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).getAsJsonArray()).hasSize(2);
        var next = first.headers().firstValue("Link").orElseThrow();
        assertThat(next).matches("<\\?.*cursor=.*>; rel=\"next\"");
        var target = next.substring(1, next.indexOf('>'));
        assertThat(http.get("/users" + target).statusCode()).isEqualTo(200);

        var badLimit = http.get("/users?limit=1000");
        var badCursor = http.get("/users?cursor=" + URLEncoder.encode("forged.cursor", StandardCharsets.UTF_8));
        var badBody = http.sendJson("POST", "/users", """
                {"email":"nope"}""");
        var notJson = http.send(http.to("/users").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")));
        var huge = http.sendJson("POST", "/users", """
                {"blob":"%s"}""".formatted("x".repeat(64 * 1024)));
        assertThat(field(badLimit)).isEqualTo("limit");
        assertThat(field(badCursor)).isEqualTo("cursor");
        assertThat(field(badBody)).isEqualTo("email");
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    /**
     * Lambda returns at most 6 MB from an invoke, counted on the JSON of the proxy response, in which the body is
     * escaped once more. 45 profiles near the 64 KiB limit, of a character the answer escapes (U+2028: 3 bytes stored,
     * 7 in the response's envelope), would make a page of 100 about 6.9 MB, which AWS, and the local stack, answer
     * with a 502: the page is shorter, and its Link leads to the rest, each profile once.
     */
    @Test
    void aPageOfLargeProfilesStaysWithinLambdasResponseLimitAndItsLinkLeadsToTheRest() {
        var prefix = "large-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        var pad = "\u2028".repeat(21_700);
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 45; i++) {
            var created = http.sendJson("POST", "/users", """
                    {"id":"%s","pad":"%s"}""".formatted(prefix + i, pad));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(prefix + i);
        }
        try {
            var seen = new java.util.ArrayList<String>();
            var pages = 0;
            for (var target = Optional.of("/users?limit=100"); target.isPresent(); pages++) {
                var page = http.get(target.get());
                assertThat(page.statusCode()).as("page %d: %s", pages + 1, page.body().substring(0, Math.min(300, page.body().length())))
                        .isEqualTo(200);
                for (var profile : json(page).getAsJsonArray()) {
                    var id = profile.getAsJsonObject().get("id").getAsString();
                    if (id.startsWith(prefix)) {
                        seen.add(id);
                    }
                }
                target = page.headers().firstValue("Link").map(link -> "/users" + link.substring(1, link.indexOf('>')));
            }
            assertThat(pages).as("more than one page").isGreaterThan(1);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            ids.forEach(id -> http.send(http.to("/users/" + id).DELETE()));
        }
    }

    @Test
    void unservedMethodsAre405WithAllow() {
        var patch = http.send(http.to("/users").method("PATCH", HttpRequest.BodyPublishers.noBody()));

        assertThat(patch.statusCode()).isEqualTo(405);
        assertThat(patch.headers().firstValue("Allow")).contains("DELETE, GET, OPTIONS, POST");
    }

    @Test
    void aPreflightFromAnAllowedOriginGetsEachCorsHeaderOnceAndEtagIsExposed() {
        assumeFalse(TestStack.againstDeployedStage(), "the deployed stage allows its own configured origins");
        var preflight = http.send(http.to("/users/anyone").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", TestStack.ALLOWED_TEST_ORIGIN).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type, if-match, if-none-match"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().allValues("Access-Control-Allow-Origin")).containsExactly(TestStack.ALLOWED_TEST_ORIGIN);
        assertThat(preflight.headers().allValues("Vary")).containsExactly("Origin");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("DELETE, GET, OPTIONS, PUT");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers).contains("If-Match", "If-None-Match", "Content-Type"));
        var read = http.send(http.to("/users/anyone").header("Origin", TestStack.ALLOWED_TEST_ORIGIN).GET());
        assertThat(read.headers().allValues("Access-Control-Allow-Origin")).containsExactly(TestStack.ALLOWED_TEST_ORIGIN);
        assertThat(read.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).contains("ETag", "Location", "Link", "Retry-After"));
    }

    /** Creates the profile, reads its ETag, deletes it and creates it again; answers the ETag read from the first. */
    private String etagOfADeletedProfile(String id) {
        assertThat(http.sendJson("POST", "/users", """
                {"id":"%s","name":"first"}""".formatted(id)).statusCode()).isEqualTo(201);
        var etag = http.get("/users/" + id).headers().firstValue("ETag").orElseThrow();
        assertThat(http.send(http.to("/users/" + id).DELETE()).statusCode()).isEqualTo(200);
        var again = http.sendJson("POST", "/users", """
                {"id":"%s","name":"second"}""".formatted(id));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        return etag;
    }

    private HttpResponse<String> deleteAll() {
        var request = http.to("/users").DELETE();
        Optional.ofNullable(System.getenv("API_KEY")).filter(key -> !key.isBlank()).ifPresent(key -> request.header("x-api-key", key));
        return http.send(request);
    }

    /** The email index catches up with the table within moments on AWS; locally at once. */
    private HttpResponse<String> findByEmail(String email) {
        var deadline = Instant.now().plus(INDEX_CATCH_UP);
        while (true) {
            var found = http.get("/users?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
            assertThat(found.statusCode()).isEqualTo(200);
            if (!found.body().equals("[]") || Instant.now().isAfter(deadline)) {
                return found;
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String id(String profile) {
        return com.google.gson.JsonParser.parseString(profile).getAsJsonObject().get("id").getAsString();
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString();
    }
}
