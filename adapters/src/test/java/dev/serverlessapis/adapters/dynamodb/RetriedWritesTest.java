package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.adapters.invocation.Invocation;
import dev.serverlessapis.domain.chirp.ChirpText;
import dev.serverlessapis.domain.chirp.UserId;
import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.ReplaceUserProfile;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A conditional write whose first attempt was done but whose answer was lost: the SDK's standard retries send it
 * again. That is the write's own success, not a taken millisecond, a taken id or a changed version, even when another
 * request wrote the item in between; and an attempt that never arrived (dropped or throttled by the proxy) is no
 * success at all. The client is built as the wiring builds it (the URL-connection HTTP client, the standard retries,
 * three attempts) and talks to DynamoDB Local through {@link AnswerLosingProxy}, which loses the first attempt's
 * answer, or the attempt itself.
 */
@ExtendWith(WithDynamoDbLocal.class)
class RetriedWritesTest {
    private static final ProfileOwner OWNER = new ProfileOwner("ada");

    private final LocalDynamoDb local;

    RetriedWritesTest(LocalDynamoDb local) {
        this.local = local;
    }

    @Test
    void aChirpWhoseAnswerWasLostIsStoredOnceAtTheTimestampItAnswers() throws Exception {
        var user = new UserId("retried-" + UUID.randomUUID().toString().substring(0, 8));
        try (var proxy = AnswerLosingProxy.losingTheFirstAnswerTo(local.endpoint(), "PutItem", "ConditionExpression");
             var client = retryingClientOf(proxy)) {
            var chirps = new DynamoDbChirps(client, "chirp", new SignedCursors("a-test-signing-key-of-some-length"));

            var answered = chirps.add(user, new ChirpText("said once"), 7_000);

            assertThat(answered.timestamp()).isEqualTo(7_000);
            var stored = local.client().query(query -> query.tableName("chirp").keyConditionExpression("#userId = :userId")
                    .expressionAttributeNames(Map.of("#userId", DynamoDbChirps.USER_ID))
                    .expressionAttributeValues(Map.of(":userId", AttributeValue.fromS(user.value()))).consistentRead(true)).items();
            assertThat(stored).as("one chirp, at the answered timestamp").hasSize(1);
            assertThat(stored.get(0).get(DynamoDbChirps.TIMESTAMP).n()).isEqualTo("7000");
            assertThat(proxy.chosenRequests()).as("the SDK sent the write again, and no other").isEqualTo(2);
        }
    }

    @Test
    void aProfileCreatedWhoseAnswerWasLostIsCreatedNotTaken() throws Exception {
        var id = UUID.randomUUID().toString();
        var members = new LinkedHashMap<String, Object>();
        members.put("id", id);
        members.put("name", "Ada");
        try (var proxy = AnswerLosingProxy.losingTheFirstAnswerTo(local.endpoint(), AnswerLosingProxy.A_WRITE, "ConditionExpression");
             var client = retryingClientOf(proxy)) {
            var profiles = profilesOn(client);

            var creation = profiles.create(UserProfile.of(members), OWNER);

            assertThat(proxy.chosenRequests()).as("the SDK sent the write again").isEqualTo(2);
            assertThat(creation).isInstanceOf(UserProfiles.Created.class);
            var answered = ((UserProfiles.Created) creation).stored();
            assertThat(answered.profile().members()).isEqualTo(members);
            assertThat(storedProfileText(id)).isEqualTo("{\"id\":\"" + id + "\",\"name\":\"Ada\"}");
            assertThat(profilesOn(local.client()).find(new dev.serverlessapis.domain.user.UserId(id)).orElseThrow().version())
                    .as("the version answered is the one the first attempt stored").isEqualTo(answered.version());
        }
    }

    @Test
    void aProfileReplacedWhoseAnswerWasLostIsReplacedNotChanged() throws Exception {
        var id = UUID.randomUUID().toString();
        var direct = profilesOn(local.client());
        var created = (UserProfiles.Created) direct.create(UserProfile.of(Map.of("id", id, "name", "Ada")), OWNER);
        try (var proxy = AnswerLosingProxy.losingTheFirstAnswerTo(local.endpoint(), AnswerLosingProxy.A_WRITE, "ConditionExpression");
             var client = retryingClientOf(proxy)) {
            var profiles = profilesOn(client);

            var replacement = profiles.replace(created.stored(), UserProfile.of(Map.of("id", id, "name", "Ada Lovelace")));

            assertThat(proxy.chosenRequests()).as("the SDK sent the write again").isEqualTo(2);
            assertThat(replacement).isInstanceOf(UserProfiles.Replaced.class);
            assertThat(((UserProfiles.Replaced) replacement).stored().version()).isEqualTo(created.stored().version().next());
            var stored = direct.find(new dev.serverlessapis.domain.user.UserId(id)).orElseThrow();
            assertThat(stored.version()).isEqualTo(created.stored().version().next());
            assertThat(stored.profile().members()).containsEntry("name", "Ada Lovelace");
        }
    }

    @Test
    void aProfileDeletedWhoseAnswerWasLostIsDeletedNotChanged() throws Exception {
        var id = UUID.randomUUID().toString();
        var direct = profilesOn(local.client());
        var created = (UserProfiles.Created) direct.create(UserProfile.of(Map.of("id", id, "name", "Ada")), OWNER);
        try (var proxy = AnswerLosingProxy.losingTheFirstAnswerTo(local.endpoint(), AnswerLosingProxy.A_WRITE, "ConditionExpression");
             var client = retryingClientOf(proxy)) {
            var profiles = profilesOn(client);

            var deletion = profiles.delete(created.stored());

            assertThat(proxy.chosenRequests()).as("the SDK sent the delete again").isEqualTo(2);
            assertThat(deletion).isInstanceOf(UserProfiles.Deleted.class);
            assertThat(direct.find(new dev.serverlessapis.domain.user.UserId(id))).isEmpty();
        }
    }

    /**
     * A delete whose first attempt DynamoDB throttled (never carried out) while another request deleted the profile:
     * the SDK's second attempt finds no item, and that is another's delete, not this one's. Before, any later attempt
     * finding no item counted as this delete's own, so both requests answered the profile as deleted.
     */
    @Test
    void aDeleteRetriedAfterARefusalWhileAnotherDeletedTheProfileIsChanged() throws Exception {
        var id = UUID.randomUUID().toString();
        var direct = profilesOn(local.client());
        var created = (UserProfiles.Created) direct.create(UserProfile.of(Map.of("id", id, "name", "Ada")), OWNER);
        Runnable anotherDeletes = () -> assertThat(direct.delete(created.stored())).isInstanceOf(UserProfiles.Deleted.class);
        try (var proxy = AnswerLosingProxy.throttlingTheFirst(local.endpoint(), AnswerLosingProxy.A_WRITE, "ConditionExpression", anotherDeletes);
             var client = retryingClientOf(proxy)) {
            var deletion = profilesOn(client).delete(created.stored());

            assertThat(proxy.chosenRequests()).as("the SDK sent the delete again").isEqualTo(2);
            assertThat(deletion).isInstanceOf(UserProfiles.Changed.class);
        }
    }

    /**
     * A create whose answer was lost, and whose profile another request then deleted: the SDK's retry does not create
     * it again. Before, the retry's condition (no such id) held again, and the profile came back after a delete that
     * had answered 200.
     */
    @Test
    void aCreateWhoseAnswerWasLostIsNotDoneAgainAfterAnotherRequestDeletedTheProfile() throws Exception {
        var id = UUID.randomUUID().toString();
        var direct = profilesOn(local.client());
        Runnable anotherDeletes = () -> assertThat(direct.delete(direct.find(new dev.serverlessapis.domain.user.UserId(id)).orElseThrow()))
                .isInstanceOf(UserProfiles.Deleted.class);
        try (var proxy = AnswerLosingProxy.losingTheFirstAnswerAfter(local.endpoint(), AnswerLosingProxy.A_WRITE, id, anotherDeletes);
             var client = retryingClientOf(proxy)) {
            var creation = profilesOn(client).create(UserProfile.of(Map.of("id", id, "name", "Ada")), OWNER);

            assertThat(proxy.chosenRequests()).as("the SDK sent the create again").isEqualTo(2);
            assertThat(creation).isInstanceOf(UserProfiles.Created.class);
            assertThat(direct.find(new dev.serverlessapis.domain.user.UserId(id))).as("deleted after it was created, once").isEmpty();
        }
    }

    /**
     * A replace whose answer was lost, then another replace made on top of it: the SDK's retry of the first neither
     * writes it again over the second nor answers "changed". Before, the retry's condition failed on the second's
     * version, the replace decided again and wrote its body over the second, which had answered 200.
     */
    @Test
    void aReplaceWhoseAnswerWasLostDoesNotUndoALaterReplaceMadeOnTopOfIt() throws Exception {
        var id = UUID.randomUUID().toString();
        var direct = profilesOn(local.client());
        direct.create(UserProfile.of(Map.of("id", id, "name", "Ada")), OWNER);
        Runnable laterReplace = () -> {
            var seen = direct.find(new dev.serverlessapis.domain.user.UserId(id)).orElseThrow();
            assertThat(seen.profile().members()).containsEntry("name", "Ada Lovelace");
            assertThat(direct.replace(seen, UserProfile.of(Map.of("id", id, "name", "Countess")))).isInstanceOf(UserProfiles.Replaced.class);
        };
        try (var proxy = AnswerLosingProxy.losingTheFirstAnswerAfter(local.endpoint(), AnswerLosingProxy.A_WRITE, "Lovelace", laterReplace);
             var client = retryingClientOf(proxy)) {
            var answered = new ReplaceUserProfile(profilesOn(client), event -> { }).replace(ReplaceUserProfile.Command.of(
                    Caller.signedIn("ada", List.of()), id, Map.of("name", "Ada Lovelace"), Optional.empty()));

            var stored = direct.find(new dev.serverlessapis.domain.user.UserId(id)).orElseThrow();
            assertThat(stored.profile().members()).as("the later replace survives").containsEntry("name", "Countess");
            assertThat(answered.version().next()).as("answered the version it wrote").isEqualTo(stored.version());
        }
    }

    /**
     * A delete whose first attempt never reached DynamoDB, while another request deleted the profile: the SDK's retry
     * finds it gone, and that is the other's delete. Before, a later attempt finding no item counted as this delete's
     * own unless every earlier attempt had been answered and refused, so both deletes answered 200.
     */
    @Test
    void aDeleteWhoseFirstAttemptNeverArrivedWhileAnotherDeletedTheProfileIsChanged() throws Exception {
        var id = UUID.randomUUID().toString();
        var direct = profilesOn(local.client());
        var created = (UserProfiles.Created) direct.create(UserProfile.of(Map.of("id", id, "name", "Ada")), OWNER);
        Runnable anotherDeletes = () -> assertThat(direct.delete(created.stored())).isInstanceOf(UserProfiles.Deleted.class);
        try (var proxy = AnswerLosingProxy.droppingTheFirst(local.endpoint(), AnswerLosingProxy.A_WRITE, "ConditionExpression", anotherDeletes);
             var client = retryingClientOf(proxy)) {
            var deletion = profilesOn(client).delete(created.stored());

            assertThat(proxy.chosenRequests()).as("the SDK sent the delete again").isEqualTo(2);
            assertThat(deletion).isInstanceOf(UserProfiles.Changed.class);
        }
    }

    /** Of simultaneous deletes one wins: a delete that finds the profile gone at its first attempt is not the winner. */
    @Test
    void aDeleteOfAProfileAlreadyDeletedOrReplacedIsChanged() {
        var id = UUID.randomUUID().toString();
        var profiles = profilesOn(local.client());
        var created = (UserProfiles.Created) profiles.create(UserProfile.of(Map.of("id", id, "name", "Ada")), OWNER);
        var replaced = (UserProfiles.Replaced) profiles.replace(created.stored(), UserProfile.of(Map.of("id", id, "name", "Ada Lovelace")));

        assertThat(profiles.delete(created.stored())).as("replaced meanwhile").isInstanceOf(UserProfiles.Changed.class);
        assertThat(profiles.delete(replaced.stored())).isInstanceOf(UserProfiles.Deleted.class);
        assertThat(profiles.delete(replaced.stored())).as("deleted meanwhile").isInstanceOf(UserProfiles.Changed.class);
    }

    /** Two writes of one invocation have tokens of their own: the second create of an id is still refused. */
    @Test
    void aConditionFailingOnAnotherWritesItemOfTheSameInvocationIsStillThatWritesAnswer() {
        var id = UUID.randomUUID().toString();
        var profiles = profilesOn(local.client());
        var invocation = Invocation.serving("one-invocation");
        try {
            assertThat(profiles.create(UserProfile.of(Map.of("id", id)), OWNER)).isInstanceOf(UserProfiles.Created.class);
            assertThat(profiles.create(UserProfile.of(Map.of("id", id, "name", "Other")), OWNER)).isInstanceOf(UserProfiles.IdTaken.class);
        } finally {
            invocation.end();
        }
        assertThat(storedProfileText(id)).isEqualTo("{\"id\":\"" + id + "\"}");
    }

    private String storedProfileText(String id) {
        return local.client().getItem(get -> get.tableName("user-profiles").key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true))
                .item().get(DynamoDbUserProfiles.PROFILE).s();
    }

    private static DynamoDbUserProfiles profilesOn(DynamoDbClient client) {
        return new DynamoDbUserProfiles(client, "user-profiles", new SignedCursors("test-cursor-signing-key"));
    }

    /** As the wiring builds it (AwsModule): the URL-connection client, the SDK's standard retries, three attempts. */
    private static DynamoDbClient retryingClientOf(AnswerLosingProxy proxy) {
        return DynamoDbClient.builder()
                .endpointOverride(proxy.endpoint())
                .region(Region.of(LocalDynamoDb.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3).build()))
                .build();
    }
}
