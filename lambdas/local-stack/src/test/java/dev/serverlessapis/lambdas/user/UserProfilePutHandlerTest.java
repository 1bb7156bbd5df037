package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.lambdas.user.UserApi.assertProblem;
import static dev.serverlessapis.lambdas.user.UserApi.body;
import static dev.serverlessapis.lambdas.user.UserApi.create;
import static dev.serverlessapis.lambdas.user.UserApi.etag;
import static dev.serverlessapis.lambdas.user.UserApi.get;
import static dev.serverlessapis.lambdas.user.UserApi.ids;
import static dev.serverlessapis.lambdas.user.UserApi.list;
import static dev.serverlessapis.lambdas.user.UserApi.replace;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueEmail;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueId;
import static dev.serverlessapis.lambdas.user.UserProfilePostHandlerTest.simultaneously;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("handler")
@ExtendWith(WithTestStack.class)
class UserProfilePutHandlerTest {
    private final String id = uniqueId();
    private final String email = uniqueEmail();
    private final String created;

    /** Taking the stack makes sure DynamoDB Local and the functions' settings are up before a handler loads. */
    UserProfilePutHandlerTest(TestStack stack) {
        created = etag(create("""
                {"id":"%s","email":"%s","name":"before","dropped":true}""".formatted(id, email)));
    }

    @Test
    void replacesTheWholeProfileKeepingThePathsIdAndAnswersTheNextEtag() {
        var response = replace(id, """
                {"name":"after","tags":["a"]}""");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("""
                {"id":"%s","name":"after","tags":["a"]}""".formatted(id));
        assertThat(header(response, "ETag")).isPresent().isNotEqualTo(Optional.of(created));
        var read = get(id);
        assertThat(read.getBody()).isEqualTo(response.getBody());
        assertThat(header(read, "ETag")).isEqualTo(header(response, "ETag"));
    }

    @Test
    void aBodyThatNamesTheIdAfterOtherMembersIsStoredAndAnsweredInItsOwnOrder() {
        var sent = """
                {"name":"after","id":"%s","tags":["a"]}""".formatted(id);

        var response = replace(id, sent);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(sent);
        assertThat(get(id).getBody()).isEqualTo(sent);
    }

    /**
     * The one codec's promise, through the HTTP layer, DynamoDB Local and back: every number keeps its spelling (no
     * double would keep 1e400, -0 or 30 digits), and escaped characters come back as the characters they stand for,
     * escaped only where JSON needs it.
     */
    @Test
    void numbersAndEscapedTextSurviveAReplaceThenARead() {
        var sent = """
                {"id":"%s","one":1.0,"huge":1e400,"negativeZero":-0,"big":123456789012345678901234567890,"small":-4.9E-324,"list":[0.10,2e+3],"escaped":"caf\\u00e9 \\ud83c\\udf0d \\"q\\" \\\\ \\/ \\n \\u0001 \\u003c\\u2028"}"""
                .formatted(id);
        var stored = """
                {"id":"%s","one":1.0,"huge":1e400,"negativeZero":-0,"big":123456789012345678901234567890,"small":-4.9E-324,"list":[0.10,2e+3],"escaped":"café 🌍 \\"q\\" \\\\ / \\n \\u0001 <\\u2028"}"""
                .formatted(id);

        var replaced = replace(id, sent);

        assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
        assertThat(replaced.getBody()).isEqualTo(stored);
        assertThat(get(id).getBody()).isEqualTo(stored);
        assertThat(replace(id, stored).getBody()).as("what is answered is sent back unchanged").isEqualTo(stored);
    }

    @Test
    void anotherIdInTheBodyIsA400AndChangesNothing() {
        assertProblem(replace(id, """
                {"id":"%s","name":"x"}""".formatted(uniqueId())), 400, "id");
        assertProblem(replace(id, """
                {"id":1}"""), 400, "id");
        assertThat(etag(get(id))).isEqualTo(created);
        assertThat(replace(id, """
                {"id":"%s"}""".formatted(id)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aStaleIfMatchIsA412AndAMatchingOneApplies() {
        assertProblem(replace(id, """
                {"name":"x"}""", "\"7\""), 412);
        assertProblem(replace(id, """
                {"name":"x"}""", "W/" + created), 412);

        var second = replace(id, """
                {"name":"x"}""", created);
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertProblem(replace(id, """
                {"name":"lost update"}""", created), 412);
        var third = replace(id, """
                {"name":"y"}""", "\"7\", " + etag(second));
        assertThat(third.getStatusCode()).isEqualTo(200);
        assertThat(replace(id, """
                {"name":"z"}""", "*").getStatusCode()).isEqualTo(200);
        assertProblem(replace(id, """
                {"name":"x"}""", etag(third)), 412);
        assertThat(body(get(id)).get("name").getAsString()).isEqualTo("z");
    }

    @Test
    void aMissingUserIsA404EvenWithIfMatch() {
        assertProblem(replace(uniqueId(), """
                {"name":"x"}"""), 404);
        assertProblem(replace(uniqueId(), """
                {"name":"x"}""", created), 404);
    }

    @Test
    void changingTheEmailFreesTheOldOneAndTakesTheNew() {
        var newEmail = uniqueEmail();

        assertThat(replace(id, """
                {"email":"%s"}""".formatted(newEmail)).getStatusCode()).isEqualTo(200);

        assertThat(ids(list(Map.of("email", newEmail)))).containsExactly(id);
        assertThat(ids(list(Map.of("email", email)))).isEmpty();
        assertThat(create("""
                {"id":"%s","email":"%s"}""".formatted(uniqueId(), email)).getStatusCode()).isEqualTo(201);
        assertProblem(create("""
                {"id":"%s","email":"%s"}""".formatted(uniqueId(), newEmail)), 409);
    }

    @Test
    void droppingTheEmailFreesIt() {
        assertThat(replace(id, """
                {"name":"no email now"}""").getStatusCode()).isEqualTo(200);

        assertThat(create("""
                {"id":"%s","email":"%s"}""".formatted(uniqueId(), email)).getStatusCode()).isEqualTo(201);
    }

    @Test
    void keepingTheEmailInAnotherLetterCaseKeepsItsClaim() {
        assertThat(replace(id, """
                {"email":"%s"}""".formatted(email.toUpperCase())).getStatusCode()).isEqualTo(200);

        assertThat(ids(list(Map.of("email", email)))).containsExactly(id);
        assertProblem(create("""
                {"id":"%s","email":"%s"}""".formatted(uniqueId(), email)), 409);
    }

    @Test
    void anotherUsersEmailIsA409AndChangesNothing() {
        var otherEmail = uniqueEmail();
        create("""
                {"id":"%s","email":"%s"}""".formatted(uniqueId(), otherEmail));

        assertProblem(replace(id, """
                {"email":"%s"}""".formatted(otherEmail.toUpperCase())), 409);
        assertThat(body(get(id)).get("email").getAsString()).isEqualTo(email);
        assertThat(ids(list(Map.of("email", email)))).containsExactly(id);
    }

    @Test
    void invalidBodiesAre400AndChangeNothing() {
        assertProblem(replace(id, """
                {"email":"nope"}"""), 400, "email");
        assertProblem(replace(id, "[]"), 400, "body");
        assertProblem(replace(id, "{"), 400);
        assertThat(etag(get(id))).isEqualTo(created);
    }

    @Test
    void twentySimultaneousReplacesOfOneVersionGiveOne200AndNineteen412() throws Exception {
        var statuses = simultaneously(20, i -> replace(id, """
                {"name":"writer %s"}""".formatted(i), created));

        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 412)).hasSize(19);
        assertThat(etag(get(id))).isNotEqualTo(created);
    }

    @Test
    void twentyUsersSimultaneouslyTakingOneEmailLeaveItWithExactlyOne() throws Exception {
        var contested = uniqueEmail();
        var users = new String[20];
        for (int i = 0; i < users.length; i++) {
            users[i] = uniqueId();
            create("""
                    {"id":"%s","email":"%s"}""".formatted(users[i], uniqueEmail()));
        }

        var statuses = simultaneously(20, i -> replace(users[i], """
                {"email":"%s"}""".formatted(contested)));

        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(19);
        assertThat(ids(list(Map.of("email", contested)))).hasSize(1);
    }
}
