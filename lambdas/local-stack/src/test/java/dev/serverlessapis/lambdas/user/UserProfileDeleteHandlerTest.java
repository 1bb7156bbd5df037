package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.lambdas.user.UserApi.assertProblem;
import static dev.serverlessapis.lambdas.user.UserApi.create;
import static dev.serverlessapis.lambdas.user.UserApi.delete;
import static dev.serverlessapis.lambdas.user.UserApi.get;
import static dev.serverlessapis.lambdas.user.UserApi.ids;
import static dev.serverlessapis.lambdas.user.UserApi.list;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueEmail;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueId;
import static dev.serverlessapis.lambdas.user.UserProfilePostHandlerTest.simultaneously;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Tag("handler")
@ExtendWith(WithTestStack.class)
class UserProfileDeleteHandlerTest {
    private final TestStack stack;

    UserProfileDeleteHandlerTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void answersTheDeletedProfileAndFreesItsEmail() {
        var id = uniqueId();
        var email = uniqueEmail();
        var sent = """
                {"id":"%s","email":"%s","n":10.0}""".formatted(id, email);
        create(sent);

        var response = delete(id);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(sent);
        assertProblem(get(id), 404);
        assertThat(ids(list(Map.of("email", email)))).isEmpty();
        assertThat(stack.dynamoDb().getItem(read -> read.tableName("user-profiles")
                .key(Map.of("id", AttributeValue.fromS("email#" + email)))).hasItem()).isFalse();
        assertThat(create("""
                {"id":"%s","email":"%s"}""".formatted(uniqueId(), email)).getStatusCode()).isEqualTo(201);
    }

    @Test
    void aStaleIfMatchIsA412AndDeletesNothingWhileTheCurrentTagDeletes() {
        var id = uniqueId();
        var first = UserApi.etag(create("{\"id\":\"" + id + "\",\"email\":\"" + uniqueEmail() + "\"}"));
        var second = UserApi.etag(UserApi.replace(id, "{\"name\":\"second\"}"));

        assertProblem(delete(id, first), 412);
        assertProblem(delete(id, "W/" + second), 412);
        assertThat(get(id).getStatusCode()).isEqualTo(200);

        assertThat(delete(id, second).getStatusCode()).isEqualTo(200);
        assertProblem(get(id), 404);
        assertProblem(delete(id, "*"), 404);
    }

    @Test
    void aMissingUserIsA404AndSoIsASecondDelete() {
        var id = uniqueId();
        create("""
                {"id":"%s"}""".formatted(id));

        assertThat(delete(id).getStatusCode()).isEqualTo(200);
        assertProblem(delete(id), 404);
        assertProblem(delete(uniqueId()), 404);
        assertProblem(delete("x".repeat(300)), 400, "id");
    }

    @Test
    void ofTenSimultaneousDeletesExactlyOneAnswersTheProfile() throws Exception {
        var id = uniqueId();
        create("""
                {"id":"%s","email":"%s"}""".formatted(id, uniqueEmail()));

        var statuses = simultaneously(10, i -> delete(id));

        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 404)).hasSize(9);
    }
}
