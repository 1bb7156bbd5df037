package dev.serverlessapis.lambdas.wiring;

import static dev.serverlessapis.adapters.apigateway.ProxyEvents.asAdmin;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.apigateway.user.UserEndpoints;
import dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles;
import dev.serverlessapis.adapters.dynamodb.SignedCursors;
import dev.serverlessapis.adapters.observability.RequestObserver;
import dev.serverlessapis.domain.user.CreateUserProfile;
import dev.serverlessapis.domain.user.DeleteAllUserProfiles;
import dev.serverlessapis.domain.user.DeleteUserProfile;
import dev.serverlessapis.domain.user.ListUserProfiles;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.ReadUserProfile;
import dev.serverlessapis.domain.user.ReplaceUserProfile;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.lambdas.user.ProfileClaimInvariant;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delete-all given less time by its invocation than its own 4 s budget (a short function timeout, a slow store): it
 * stops in time and says how many it deleted and that more remain, instead of a 503 that hides the deletions it made.
 * Against DynamoDB Local behind a proxy that slows every call, with 1.5 s remaining per invocation (1 s of it to work).
 */
@Tag("handler")
@ExtendWith(WithTestStack.class)
class DeleteAllWithinRequestDeadlineTest {
    private static final Duration REMAINING = Duration.ofMillis(1_500);
    private static final int PROFILES = 600;
    private static final int MOST_CALLS = 200;
    /** The sweep deletes up to 25 profiles (with their claims) in one transaction (docs/api-decisions.md). */
    private static final int PROFILES_PER_TRANSACTION = 25;

    private final TestStack stack;

    DeleteAllWithinRequestDeadlineTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void withLessTimeLeftThanItsBudgetEachCallAnswersWhatItDeletedAndCallingAgainEmptiesTheTable() throws Exception {
        var direct = new DynamoDbUserProfiles(stack.dynamoDb(), System.getProperty("USER_PROFILES_TABLE"),
                new SignedCursors(System.getProperty(Configuration.CURSOR_SIGNING_KEY)));
        emptyTable(direct);
        for (int i = 0; i < PROFILES; i++) {
            var id = UUID.randomUUID().toString();
            var members = i % 2 == 0 ? Map.<String, Object>of("id", id, "email", id + "@example.com") : Map.<String, Object>of("id", id);
            assertThat(direct.create(UserProfile.of(members), new ProfileOwner("ada"))).isInstanceOf(UserProfiles.Created.class);
        }

        var answers = new ArrayList<JsonObject>();
        try (var slow = new SlowStore(Duration.ofMillis(20))) {
            var deleteAll = deleteAllFunction(slow.profiles());
            do {
                var response = deleteAll.handle(asAdmin(request("DELETE", UserEndpoints.COLLECTION, Map.of())), "test-invocation", REMAINING);
                assertThat(response.getStatusCode()).as("call %d: %s", answers.size() + 1, response.getBody()).isEqualTo(200);
                answers.add(JsonParser.parseString(response.getBody()).getAsJsonObject());
            } while (answers.getLast().get("more").getAsBoolean() && answers.size() < MOST_CALLS);
        }

        var deleted = answers.stream().mapToLong(answer -> answer.get("deleted").getAsLong()).sum();
        System.out.printf("delete-all with %d ms remaining behind a slow store: %d profiles in %d calls, %s deleted per call%n",
                REMAINING.toMillis(), PROFILES, answers.size(), answers.stream().map(answer -> answer.get("deleted").getAsString()).toList());
        assertThat(answers.getFirst().get("more").getAsBoolean()).as("the first call could not finish in its 1 s").isTrue();
        assertThat(answers.getFirst().get("deleted").getAsLong()).isPositive();
        assertThat(answers.getLast().get("more").getAsBoolean()).isFalse();
        // `deleted` counts what a call saw commit: a transaction that the deadline cut short can commit unseen. That
        // ends its call with "more", so each such call can leave one transaction's profiles uncounted, never more.
        var callsThatStoppedForTime = answers.stream().filter(answer -> answer.get("more").getAsBoolean()).count();
        assertThat(deleted).isBetween(PROFILES - PROFILES_PER_TRANSACTION * callsThatStoppedForTime, (long) PROFILES);
        assertThat(stack.dynamoDb().scan(scan -> scan.tableName("user-profiles").consistentRead(true)).count()).isZero();
        assertThat(ProfileClaimInvariant.violations(stack.dynamoDb())).isEmpty();
    }

    private static HttpFunction deleteAllFunction(UserProfiles profiles) {
        var users = new UserEndpoints(new CreateUserProfile(profiles, event -> { }), new ListUserProfiles(profiles),
                new ReadUserProfile(profiles), new ReplaceUserProfile(profiles, event -> { }), new DeleteUserProfile(profiles),
                new DeleteAllUserProfiles(profiles, Clock.systemUTC(), Duration.ofSeconds(4)));
        return new HttpFunction(Map.of(Route.of("DELETE", UserEndpoints.COLLECTION), users::deleteAll),
                new RouteTable(Map.of(UserEndpoints.COLLECTION, List.of("DELETE"))), Cors.allowing(""),
                RequestObserver.standalone("test", "test", line -> { }));
    }

    private static void emptyTable(UserProfiles profiles) {
        var deadline = dev.serverlessapis.domain.shared.Deadline.in(Duration.ofMinutes(1), Clock.systemUTC());
        while (profiles.deleteAll(deadline).more()) {
            // each call deletes a bounded batch
        }
    }
}
