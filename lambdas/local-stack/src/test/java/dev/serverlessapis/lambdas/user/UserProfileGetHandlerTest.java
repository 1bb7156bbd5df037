package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.lambdas.user.UserApi.assertProblem;
import static dev.serverlessapis.lambdas.user.UserApi.create;
import static dev.serverlessapis.lambdas.user.UserApi.get;
import static dev.serverlessapis.lambdas.user.UserApi.send;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueId;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("handler")
@ExtendWith(WithTestStack.class)
class UserProfileGetHandlerTest {
    /** Taking the stack makes sure DynamoDB Local and the functions' settings are up before a handler loads. */
    UserProfileGetHandlerTest(TestStack stack) {
    }


    @Test
    void readsTheProfileWithItsVersionAsEtag() {
        var id = uniqueId();
        var sent = """
                {"id":"%s","name":"Grace","langs":["COBOL"]}""".formatted(id);
        var created = create(sent);

        var response = get(id);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(sent);
        assertThat(header(response, "ETag")).isPresent().isEqualTo(header(created, "ETag"));
        assertThat(header(response, "Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void aMissingUserIsA404Problem() {
        assertProblem(get(uniqueId()), 404);
    }

    @Test
    void anIdThatCannotBeAUsersIsA400NamingIt() {
        assertProblem(get("x".repeat(257)), 400, "id");
        assertProblem(get("email#someone@example.com"), 400, "id");
    }

    @Test
    void unservedMethodsAre405WithAllowAndPreflightIs204() {
        var patch = send(request("PATCH", UserApi.ITEM, Map.of("id", "x")));
        var post = send(request("POST", UserApi.ITEM, Map.of("id", "x")));
        var options = send(request("OPTIONS", UserApi.ITEM, Map.of("id", "x")));
        var collectionPatch = send(request("PATCH", UserApi.COLLECTION, Map.of()));

        assertProblem(patch, 405);
        assertThat(header(patch, "Allow")).contains("DELETE, GET, OPTIONS, PUT");
        assertProblem(post, 405);
        assertThat(options.getStatusCode()).isEqualTo(204);
        assertProblem(collectionPatch, 405);
        assertThat(header(collectionPatch, "Allow")).contains("DELETE, GET, OPTIONS, POST");
    }
}
