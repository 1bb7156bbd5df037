package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A profile replaced between delete-all's scan and its delete, against DynamoDB Local: the call leaves it, as its
 * condition says, and answers that there is more, so the client's loop on {@code more} deletes it next time round.
 */
@ExtendWith(WithDynamoDbLocal.class)
class DeleteAllMeetingAChangeTest {
    private static final String TABLE = "user-profiles";
    private static final ProfileOwner OWNER = new ProfileOwner("ada");

    private final LocalDynamoDb local;
    private final DynamoDbUserProfiles profiles;

    DeleteAllMeetingAChangeTest(LocalDynamoDb local) {
        this.local = local;
        var dynamoDb = local.client();
        this.profiles = new DynamoDbUserProfiles(dynamoDb, TABLE, new SignedCursors("test-cursor-signing-key"));
    }

    @Test
    void aProfileReplacedAfterTheScanIsLeftAndTheCallSaysThereIsMore() {
        var id = new UserId(UUID.randomUUID().toString());
        var created = (UserProfiles.Created) profiles.create(UserProfile.of(Map.of("id", id.value())), OWNER);
        var sweeping = new DynamoDbUserProfiles(replacingBeforeTheFirstDelete(created), TABLE, new SignedCursors("test-cursor-signing-key"));

        var first = sweeping.deleteAll(aMinute());

        assertThat(profiles.find(id)).as("replaced after the scan, so left").isPresent();
        assertThat(first.more()).isTrue();
        var next = sweeping.deleteAll(aMinute());
        assertThat(profiles.find(id)).isEmpty();
        assertThat(next.deleted()).isGreaterThanOrEqualTo(1);
    }

    private DynamoDbClient replacingBeforeTheFirstDelete(UserProfiles.Created created) {
        var replace = new ExecutionInterceptor() {
            private boolean replaced;

            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest && !replaced) {
                    replaced = true;
                    profiles.replace(created.stored(), UserProfile.of(Map.of("id", created.stored().profile().id().value(), "name", "changed")));
                }
            }
        };
        return local.clientWith(replace);
    }

    private static Deadline aMinute() {
        return Deadline.in(Duration.ofMinutes(1), Clock.systemUTC());
    }
}
