package dev.serverlessapis.lambdas.wiring;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.Endpoint;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.observability.RequestObserver;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request is bounded as a whole by the invocation's remaining time, not only call by call: against DynamoDB Local
 * behind a proxy that makes it slow but still answering (every call well inside the SDK's own 2 s attempt and 5 s call
 * timeouts), a request given little time answers 503 with {@code Retry-After} instead of running on past it.
 */
@Tag("handler")
@ExtendWith(WithTestStack.class)
class RequestDeadlineTest {
    /** The invocation's remaining time in these tests: 500 ms of it to work, the rest kept to answer. */
    private static final Duration REMAINING = Duration.ofMillis(1_000);

    RequestDeadlineTest(TestStack stack) {
        // The stack provisions the tables and points the functions' settings at DynamoDB Local.
    }

    @Test
    void oneCallSlowerThanTheTimeLeftIsCutShortWithA503() throws Exception {
        try (var slow = new SlowStore(Duration.ofMillis(700))) {
            var profiles = slow.profiles();
            var response = serve(profiles, request -> {
                profiles.find(new UserId("ada"));
                return HttpResponse.empty(200);
            });

            assertUnavailable(response);
            assertThat(slow.connections()).as("the call reached the store").isPositive();
        }
    }

    @Test
    void manyCallsThatEachFitTheirTimeoutButNotTogetherEndWithA503() throws Exception {
        try (var slow = new SlowStore(Duration.ofMillis(150))) {
            var profiles = slow.profiles();
            var response = serve(profiles, request -> {
                for (int i = 0; i < 10; i++) {
                    profiles.find(new UserId("ada-" + i));
                }
                return HttpResponse.empty(200);
            });

            assertUnavailable(response);
        }
    }

    private static APIGatewayProxyResponseEvent serve(UserProfiles profiles, Endpoint endpoint) {
        var http = new HttpFunction(Map.of(Route.of("GET", "/users"), endpoint), new RouteTable(Map.of("/users", List.of("GET"))),
                Cors.allowing(""), RequestObserver.standalone("test", "test", line -> { }));
        return http.handle(request("GET", "/users", Map.of()), "test-invocation", REMAINING);
    }

    private static void assertUnavailable(APIGatewayProxyResponseEvent response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
        assertThat(response.getMultiValueHeaders().get("Retry-After")).containsExactly("1");
    }
}
