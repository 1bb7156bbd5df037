package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.signedIn;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withJsonBody;
import static dev.serverlessapis.lambdas.user.UserApi.send;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The profile functions with the claims API Gateway's Cognito authorizer passes: whose a profile is decides what they answer. */
@Tag("handler")
@ExtendWith(WithTestStack.class)
class UserProfileAccessHandlerTest {
    private final TestStack stack;

    UserProfileAccessHandlerTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void theCreatorOwnsTheProfileBesideItsBodyAndAnotherPersonFindsNothingToReadReplaceOrDelete() {
        var id = uniqueId();
        var sent = """
                {"id":"%s","name":"Ada"}""".formatted(id);
        var created = send(signedIn(withJsonBody(request("POST", UserApi.COLLECTION, Map.of()), sent), "ada"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getBody()).isEqualTo(sent);
        var item = stack.dynamoDb().getItem(get -> get.tableName("user-profiles").key(Map.of("id", AttributeValue.fromS(id)))).item();
        assertThat(item.get(DynamoDbUserProfiles.CREATED_BY).s()).isEqualTo("ada");

        assertThat(send(signedIn(item(id, "GET"), "bob")).getStatusCode()).isEqualTo(404);
        assertThat(send(withHeader(signedIn(withJsonBody(item(id, "PUT"), sent), "bob"), "If-Match", "\"9\"")).getStatusCode()).isEqualTo(404);
        assertThat(send(signedIn(item(id, "DELETE"), "bob")).getStatusCode()).isEqualTo(404);
        var own = send(signedIn(item(id, "GET"), "ada"));
        assertThat(own.getStatusCode()).isEqualTo(200);
        assertThat(own.getBody()).isEqualTo(sent);
    }

    @Test
    void listingIsForAdminsAndNobodySignedInIsA401() {
        assertThat(send(signedIn(request("GET", UserApi.COLLECTION, Map.of()), "ada")).getStatusCode()).isEqualTo(403);
        assertThat(send(signedIn(request("GET", UserApi.COLLECTION, Map.of()), "root", "admins")).getStatusCode()).isEqualTo(200);
        var nobody = request("GET", UserApi.COLLECTION, Map.of());
        nobody.getRequestContext().setAuthorizer(Map.of());
        assertThat(send(nobody).getStatusCode()).as("an authorizer context without claims is nobody").isEqualTo(401);
    }

    private static APIGatewayProxyRequestEvent item(String id, String method) {
        return request(method, UserApi.ITEM, Map.of("id", id));
    }
}
