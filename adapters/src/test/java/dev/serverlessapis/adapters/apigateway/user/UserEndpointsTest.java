package dev.serverlessapis.adapters.apigateway.user;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.json;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.signedIn;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeaderLines;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.HttpLayer;
import dev.serverlessapis.adapters.apigateway.ProxyEvents;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.domain.user.CreateUserProfile;
import dev.serverlessapis.domain.user.DeleteAllUserProfiles;
import dev.serverlessapis.domain.user.DeleteUserProfile;
import dev.serverlessapis.domain.user.InMemoryUserProfiles;
import dev.serverlessapis.domain.user.Incarnation;
import dev.serverlessapis.domain.user.ListUserProfiles;
import dev.serverlessapis.domain.user.ReadUserProfile;
import dev.serverlessapis.domain.user.ReplaceUserProfile;
import dev.serverlessapis.domain.user.Version;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserEndpointsTest {
    private static final String ADA = """
            {"id": "ada", "name": "Ada Lovelace", "email": "ada@example.com"}""";

    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles();
    private final UserEndpoints endpoints = new UserEndpoints(new CreateUserProfile(profiles, event -> { }), new ListUserProfiles(profiles),
            new ReadUserProfile(profiles), new ReplaceUserProfile(profiles, event -> { }), new DeleteUserProfile(profiles),
            new DeleteAllUserProfiles(profiles, Clock.systemUTC(), Duration.ofSeconds(5)));
    private final HttpFunction function = HttpLayer.function(Map.of(
            Route.of("POST", UserEndpoints.COLLECTION), endpoints::create,
            Route.of("GET", UserEndpoints.COLLECTION), endpoints::list,
            Route.of("DELETE", UserEndpoints.COLLECTION), endpoints::deleteAll,
            Route.of("GET", UserEndpoints.ITEM), endpoints::read,
            Route.of("PUT", UserEndpoints.ITEM), endpoints::replace,
            Route.of("DELETE", UserEndpoints.ITEM), endpoints::delete));

    @Test
    void aCreatedProfileIsA201WithItsLocationAndVersionTag() {
        var created = create(ADA);

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(header(created, "Location")).hasValue("/users/ada");
        assertThat(header(created, "ETag")).as("a strong tag: entity-tag characters between quotes").hasValueSatisfying(
                tag -> assertThat(tag).matches("\"[\\x21\\x23-\\x7e]+\""));
        assertThat(json(created).getAsJsonObject().get("email").getAsString()).isEqualTo("ada@example.com");
    }

    @Test
    void aReplaceWithAStaleIfMatchIsA412AndOneWithTheCurrentTagIsApplied() {
        var tag = header(create(ADA), "ETag").orElseThrow();
        var body = """
                {"id": "ada", "name": "Countess of Lovelace"}""";

        var stale = function.handle(withHeader(replace(body), "If-Match", "\"7\""), HttpLayer.LAMBDA_REQUEST_ID);
        var current = function.handle(withHeader(replace(body), "If-Match", tag), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(current.getStatusCode()).as(current.getBody()).isEqualTo(200);
        assertThat(header(current, "ETag")).isPresent().isNotEqualTo(Optional.of(tag));
        assertThat(header(current, "ETag")).isEqualTo(header(read("ada"), "ETag"));
        assertThat(json(read("ada")).getAsJsonObject().get("name").getAsString()).isEqualTo("Countess of Lovelace");
    }

    /** The tag's format itself: the quoted name of one of our versions, alone or in a list, or {@code *}. */
    @Test
    void ifMatchTakesStrongTagsOfOurVersionsAndStarAndNothingElse() {
        var version = Version.first(Incarnation.named("c6af9ac6-7b61-11e6-9a41-93e812345678#1"));
        var tag = "\"" + version.name() + "\"";

        assertThat(UserEndpoints.ifMatch(tag).matches(version)).isTrue();
        assertThat(UserEndpoints.ifMatch(" \"foreign\" ,W/\"1\", " + tag + " ").matches(version)).isTrue();
        assertThat(UserEndpoints.ifMatch("\"a,b\", " + tag).matches(version)).as("after a foreign tag holding a comma").isTrue();
        assertThat(UserEndpoints.ifMatch("\"a," + version.name() + "\"").matches(version)).as("ours inside a foreign tag").isFalse();
        assertThat(UserEndpoints.ifMatch(" * ").matches(version)).isTrue();
        assertThat(UserEndpoints.ifMatch("W/" + tag).matches(version)).as("weak").isFalse();
        assertThat(UserEndpoints.ifMatch(version.name()).matches(version)).as("unquoted").isFalse();
        assertThat(UserEndpoints.ifMatch("\"" + version.next().name() + "\"").matches(version)).as("another version").isFalse();
        assertThat(UserEndpoints.ifMatch("\"1\"").matches(version)).as("the count alone").isFalse();
        assertThat(UserEndpoints.ifMatch("\"1\"").matches(Version.first(Incarnation.UNNAMED))).as("a tag older code gave").isTrue();
    }

    /**
     * RFC 9110 reads a header on several lines as one comma-separated list. API Gateway passes every line in
     * {@code multiValueHeaders} and only the last in {@code headers}; ours comes second here, so neither the first line
     * alone nor (for the stale request) the last alone decides.
     */
    @Test
    void anIfMatchSentOnSeveralLinesIsOneListOfWhichAnyTagMatches() {
        var tag = header(create(ADA), "ETag").orElseThrow();
        var body = """
                {"id": "ada", "name": "Countess of Lovelace"}""";

        var stale = function.handle(withHeaderLines(replace(body), "If-Match", "\"7\"", "W/" + tag), HttpLayer.LAMBDA_REQUEST_ID);
        var current = function.handle(withHeaderLines(replace(body), "If-Match", "\"foreign\", \"8\"", tag), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(current.getStatusCode()).as(current.getBody()).isEqualTo(200);
        assertThat(json(read("ada")).getAsJsonObject().get("name").getAsString()).isEqualTo("Countess of Lovelace");
    }

    /**
     * A client that holds the profile asks again with its tag in {@code If-None-Match}: unchanged, the answer is a 304
     * with the tag and no body (RFC 9110, 13.1.2: weak comparison, so {@code W/} is ignored; {@code *} for any
     * profile); changed, the profile. Several lines are one list.
     */
    @Test
    void aReadWhoseIfNoneMatchNamesTheCurrentTagIsA304WithItAndNoBody() {
        var tag = header(create(ADA), "ETag").orElseThrow();

        for (var unchanged : List.of(tag, "W/" + tag, "*", " \"foreign\" ,  " + tag)) {
            var answer = function.handle(withHeader(readRequest("ada"), "If-None-Match", unchanged), HttpLayer.LAMBDA_REQUEST_ID);
            assertThat(answer.getStatusCode()).as(unchanged).isEqualTo(304);
            assertThat(header(answer, "ETag")).as(unchanged).hasValue(tag);
            assertThat(answer.getBody()).as(unchanged).isNull();
            assertThat(header(answer, "Content-Type")).as(unchanged).isEmpty();
        }
        var onTwoLines = function.handle(withHeaderLines(readRequest("ada"), "If-None-Match", "\"7\"", tag), HttpLayer.LAMBDA_REQUEST_ID);
        assertThat(onTwoLines.getStatusCode()).isEqualTo(304);

        assertThat(function.handle(replace("""
                {"id": "ada", "name": "Countess of Lovelace"}"""), HttpLayer.LAMBDA_REQUEST_ID).getStatusCode()).isEqualTo(200);
        for (var changed : List.of(tag, "W/" + tag, "\"" + tag.substring(1, tag.length() - 1) + "x\"", tag.substring(1, tag.length() - 1))) {
            var answer = function.handle(withHeader(readRequest("ada"), "If-None-Match", changed), HttpLayer.LAMBDA_REQUEST_ID);
            assertThat(answer.getStatusCode()).as(changed).isEqualTo(200);
            assertThat(json(answer).getAsJsonObject().get("name").getAsString()).isEqualTo("Countess of Lovelace");
            assertThat(header(answer, "ETag")).isPresent().isNotEqualTo(Optional.of(tag));
        }
    }

    /** Whether a profile exists is told only to who may read it: to anyone else {@code If-None-Match: *} is a 404 too. */
    @Test
    void toAnotherPersonAnIfNoneMatchReadIsStillA404() {
        create(ADA);

        var other = function.handle(withHeader(signedIn(request("GET", UserEndpoints.ITEM, Map.of("id", "ada")), "bob"), "If-None-Match", "*"),
                HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(other.getStatusCode()).isEqualTo(404);
    }

    @Test
    void aSecondProfileWithTheSameEmailIsA409() {
        create(ADA);

        var taken = create("""
                {"id": "imposter", "name": "Not Ada", "email": "ada@example.com"}""");

        assertThat(taken.getStatusCode()).isEqualTo(409);
        assertThat(read("imposter").getStatusCode()).isEqualTo(404);
    }

    @Test
    void aDeletedProfileIsAnsweredOnceAndThenNotFound() {
        create(ADA);

        var deleted = function.handle(signedIn(request("DELETE", UserEndpoints.ITEM, Map.of("id", "ada")), "ada"), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(deleted.getStatusCode()).isEqualTo(200);
        assertThat(json(deleted).getAsJsonObject().get("id").getAsString()).isEqualTo("ada");
        assertThat(read("ada").getStatusCode()).isEqualTo(404);
    }

    @Test
    void theRecordedCognitoClaimsNameTheOwnerWhoReadsTheProfileExactlyAsStored() {
        var created = create(ADA);

        var withRecordedClaims = function.handle(ProxyEvents.event("cognito-authorizer"), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(withRecordedClaims.getStatusCode()).as(withRecordedClaims.getBody()).isEqualTo(200);
        assertThat(withRecordedClaims.getBody()).isEqualTo(created.getBody());
        assertThat(header(withRecordedClaims, "ETag")).isEqualTo(header(created, "ETag"));
    }

    @Test
    void toAnotherPersonTheProfileDoesNotExistAndToNobodySignedInItIsA401() {
        create(ADA);

        var other = function.handle(signedIn(request("GET", UserEndpoints.ITEM, Map.of("id", "ada")), "bob"), HttpLayer.LAMBDA_REQUEST_ID);
        var otherStale = function.handle(withHeader(signedIn(request("DELETE", UserEndpoints.ITEM, Map.of("id", "ada")), "bob"),
                "If-Match", "\"7\""), HttpLayer.LAMBDA_REQUEST_ID);
        var anonymous = function.handle(request("GET", UserEndpoints.ITEM, Map.of("id", "ada")), HttpLayer.LAMBDA_REQUEST_ID);
        var admin = function.handle(ProxyEvents.asAdmin(request("GET", UserEndpoints.ITEM, Map.of("id", "ada"))), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(other.getStatusCode()).isEqualTo(404);
        assertThat(otherStale.getStatusCode()).isEqualTo(404);
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(header(anonymous, "WWW-Authenticate")).hasValue("Bearer");
        assertThat(admin.getStatusCode()).isEqualTo(200);
        assertThat(read("ada").getStatusCode()).isEqualTo(200);
    }

    @Test
    void listingAndDeletingAllAreForAdminsOnly() {
        create(ADA);

        var list = request("GET", UserEndpoints.COLLECTION, Map.of());
        assertThat(function.handle(signedIn(list, "ada"), HttpLayer.LAMBDA_REQUEST_ID).getStatusCode()).isEqualTo(403);
        assertThat(function.handle(signedIn(request("DELETE", UserEndpoints.COLLECTION, Map.of()), "ada"), HttpLayer.LAMBDA_REQUEST_ID).getStatusCode()).isEqualTo(403);
        var asAdmin = function.handle(ProxyEvents.asAdmin(request("GET", UserEndpoints.COLLECTION, Map.of())), HttpLayer.LAMBDA_REQUEST_ID);
        assertThat(asAdmin.getStatusCode()).isEqualTo(200);
        assertThat(json(asAdmin).getAsJsonArray()).as("each profile's members").containsExactly(JsonParser.parseString(ADA));
    }

    /**
     * Delete-all takes no query parameter: an admin who adds a filter ({@code ?email=}, which {@code GET /users} reads)
     * means to delete less than everything, so the request is refused, naming it, and nothing is deleted.
     */
    @Test
    void aDeleteAllGivenAQueryParameterIsA400NamingItAndDeletesNothing() {
        var error = refusedDeleteAll(Map.of("email", "ada@example.com"));

        assertThat(error.get("field").getAsString()).isEqualTo("email");
    }

    /** {@code DELETE /users?=1} sends a parameter without a name: the problem says so rather than naming an empty field. */
    @Test
    void aDeleteAllGivenAParameterWithoutANameIsA400ThatSaysSo() {
        var error = refusedDeleteAll(Map.of("", "1"));

        assertThat(error.get("field").getAsString()).isEqualTo("query");
        assertThat(error.get("message").getAsString()).startsWith("holds a parameter without a name");
    }

    /** An admin's delete-all with this query, beside a profile: a 400 that deleted nothing; its first error. */
    private JsonObject refusedDeleteAll(Map<String, String> query) {
        create(ADA);

        var refused = function.handle(ProxyEvents.asAdmin(withQuery(request("DELETE", UserEndpoints.COLLECTION, Map.of()), query)),
                HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(read("ada").getStatusCode()).isEqualTo(200);
        return json(refused).getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject();
    }

    /**
     * {@code DELETE /users/} is routed as delete-all (a trailing slash is ignored), and it is what
     * {@code DELETE /users/$ID} becomes when a script's id is empty: refused, and nothing is deleted.
     */
    @Test
    void aDeleteAllWithATrailingSlashAsAnEmptyIdWouldSendIsA400OnTheIdAndDeletesNothing() {
        create(ADA);
        var event = request("DELETE", UserEndpoints.COLLECTION, Map.of());
        event.setPath(UserEndpoints.COLLECTION + "/");

        var emptyId = function.handle(ProxyEvents.asAdmin(event), HttpLayer.LAMBDA_REQUEST_ID);

        assertThat(emptyId.getStatusCode()).isEqualTo(400);
        var error = json(emptyId).getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("field").getAsString()).isEqualTo("id");
        assertThat(error.get("message").getAsString()).contains("DELETE /users/{id} deletes one profile");
        assertThat(read("ada").getStatusCode()).isEqualTo(200);
    }

    private APIGatewayProxyResponseEvent create(String json) {
        return function.handle(signedIn(withJsonBody(request("POST", UserEndpoints.COLLECTION, Map.of()), json), "ada"), HttpLayer.LAMBDA_REQUEST_ID);
    }

    private APIGatewayProxyRequestEvent replace(String json) {
        return signedIn(withJsonBody(request("PUT", UserEndpoints.ITEM, Map.of("id", "ada")), json), "ada");
    }

    private APIGatewayProxyResponseEvent read(String id) {
        return function.handle(readRequest(id), HttpLayer.LAMBDA_REQUEST_ID);
    }

    private static APIGatewayProxyRequestEvent readRequest(String id) {
        return signedIn(request("GET", UserEndpoints.ITEM, Map.of("id", id)), "ada");
    }
}
