package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.lambdas.user.UserApi.assertProblem;
import static dev.serverlessapis.lambdas.user.UserApi.body;
import static dev.serverlessapis.lambdas.user.UserApi.create;
import static dev.serverlessapis.lambdas.user.UserApi.get;
import static dev.serverlessapis.lambdas.user.UserApi.send;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueEmail;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueId;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.request;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Tag("handler")
@ExtendWith(WithTestStack.class)
class UserProfilePostHandlerTest {
    private final TestStack stack;

    UserProfilePostHandlerTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void createsTheProfileAndAnswersItExactlyAsSentWithLocationAndEtag() {
        var id = uniqueId();
        var sent = """
                {"id":"%s","name":"Zoë 李","email":"%s","score":1.50,"big":123456789012345678901234567890,"exp":1e3,"nothing":null,"ok":false,"emoji":"🌍","nested":{"list":[1,"two",{"three":[]}],"empty":{}},"html":"<b>&</b>"}""".formatted(id, uniqueEmail());

        var response = create(sent);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getBody()).isEqualTo(sent);
        assertThat(header(response, "Location")).contains("/users/" + id);
        assertThat(header(response, "ETag")).as("RFC 9110's strong entity-tag: etagc (%x21 / %x23-7E) between quotes")
                .hasValueSatisfying(tag -> assertThat(tag).matches("\"[\\x21\\x23-\\x7e]+\""));
        var read = get(id);
        assertThat(read.getBody()).isEqualTo(sent);
        assertThat(header(read, "ETag")).isEqualTo(header(response, "ETag"));
    }

    @Test
    void withoutAnIdAUuidIsGeneratedAndTheLocationNamesIt() {
        var response = create("""
                {"name":"anonymous"}""");

        assertThat(response.getStatusCode()).isEqualTo(201);
        var id = body(response).get("id").getAsString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(header(response, "Location")).contains("/users/" + id);
        assertThat(response.getBody()).isEqualTo("""
                {"id":"%s","name":"anonymous"}""".formatted(id));
    }

    @Test
    void anExistingIdIsA409AndTheStoredProfileIsUntouched() {
        var id = uniqueId();
        create("""
                {"id":"%s","name":"first"}""".formatted(id));

        assertProblem(create("""
                {"id":"%s","name":"second"}""".formatted(id)), 409);
        assertThat(body(get(id)).get("name").getAsString()).isEqualTo("first");
    }

    @Test
    void anEmailTakenInAnotherLetterCaseIsA409AndNothingIsWritten() {
        var email = uniqueEmail();
        create("""
                {"id":"%s","email":"%s"}""".formatted(uniqueId(), email));
        var second = uniqueId();

        assertProblem(create("""
                {"id":"%s","email":"%s"}""".formatted(second, email.toUpperCase())), 409);
        assertThat(get(second).getStatusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            """
                    {"id":42}|id""",
            """
                    {"id":null}|id""",
            """
                    {"id":""}|id""",
            """
                    {"id":"a/b"}|id""",
            """
                    {"id":"email#x@example.com"}|id""",
            """
                    {"email":"not an email"}|email""",
            """
                    {"email":7}|email""",
            """
                    {"name":{"first":"Ada"}}|name""",
            """
                    [{"id":"x"}]|body""",
            "\"just a string\"|body",
            """
                    {"id":false,"email":"bad","name":1}|id,email,name"""})
    void invalidProfilesAre400NamingEachFieldAndWriteNothing(String caseText) {
        var parts = caseText.split("\\|");
        var bodyText = parts[0].replace("""
                "id":"x\"""", """
                "id":"%s\"""".formatted(uniqueId()));

        assertProblem(create(bodyText), 400, parts[1].split(","));
    }

    /** DynamoDB would store each unpaired surrogate as '?', so "\\ud800" and "\\udfff" would become one key. */
    @Test
    void idsAndEmailsThatAreNotValidUnicodeAre400sAndNeverCollide() {
        var lone = uniqueId() + "\\ud800";
        assertProblem(create("{\"id\":\"" + lone + "\"}"), 400, "id");
        assertProblem(create("{\"id\":\"" + uniqueId() + "\",\"email\":\"a\\udfff@example.com\"}"), 400, "email");
        assertProblem(create("{\"id\":\"" + uniqueId() + "\",\"note\":\"\\udc00\"}"), 400, "note");
        assertProblem(get(lone.replace("\\ud800", "?")), 404);
    }

    @Test
    void dotSegmentIdsAndDuplicateMembersAre400s() {
        assertProblem(create("{\"id\":\".\"}"), 400, "id");
        assertProblem(create("{\"id\":\"..\"}"), 400, "id");
        var id = uniqueId();
        assertProblem(create("{\"id\":\"" + id + "\",\"id\":\"" + uniqueId() + "\"}"), 400, "id");
        assertProblem(get(id), 404);
        assertProblem(get("%FF"), 400, "id");
    }

    @Test
    void everyResponseTellsBrowsersNotToSniff() {
        assertThat(header(create("{\"id\":\"" + uniqueId() + "\"}"), "X-Content-Type-Options")).hasValue("nosniff");
        assertThat(header(create("{"), "X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void anIdOver256CharactersIsA400AndAt256ItFitsTheKey() {
        var prefix = UUID.randomUUID().toString();
        var longest = prefix + "é".repeat(256 - prefix.length());

        assertProblem(create("""
                {"id":"%sx"}""".formatted(longest)), 400, "id");
        assertThat(create("""
                {"id":"%s"}""".formatted(longest)).getStatusCode()).isEqualTo(201);
    }

    @Test
    void fiftyMembersAreStoredAndFiftyOneAreA400() {
        var id = uniqueId();
        var fifty = IntStream.range(1, 50).mapToObj(i -> """
                "m%s":%s""".formatted(i, i)).collect(Collectors.joining(","));

        assertProblem(create("""
                {"id":"%s",%s,"m50":50}""".formatted(id, fifty)), 400, "body");
        assertThat(get(id).getStatusCode()).isEqualTo(404);
        assertThat(create("""
                {"id":"%s",%s}""".formatted(id, fifty)).getStatusCode()).isEqualTo(201);
    }

    @Test
    void malformedJsonWrongMediaTypeAndOversizedBodiesAreRefused() {
        var id = uniqueId();
        assertProblem(create("""
                {"id":"%s",""".formatted(id)), 400);
        assertProblem(create("""
                {"id":"%s"} {}""".formatted(id)), 400);
        assertProblem(send(request("POST", UserApi.COLLECTION, Map.of())), 400);
        var textPlain = withHeader(request("POST", UserApi.COLLECTION, Map.of()), "Content-Type", "text/plain")
                .withBody("""
                        {"id":"%s"}""".formatted(id));
        assertProblem(send(textPlain), 415);
        assertProblem(create("""
                {"id":"%s","blob":"%s"}""".formatted(id, "x".repeat(64 * 1024))), 413);
        assertThat(get(id).getStatusCode()).isEqualTo(404);
    }

    @Test
    void noServerAttributeIsStoredInTheProfileAndEmailClaimsAreNotProfiles() {
        var id = uniqueId();
        var email = uniqueEmail();
        create("""
                {"id":"%s","email":"%s"}""".formatted(id, email));

        var item = stack.dynamoDb().getItem(read -> read.tableName("user-profiles").key(Map.of("id", AttributeValue.fromS(id)))).item();
        assertThat(item.get("profile").s()).isEqualTo("""
                {"id":"%s","email":"%s"}""".formatted(id, email));
        assertThat(item.get("email").s()).isEqualTo(email);
        var claim = stack.dynamoDb().getItem(read -> read.tableName("user-profiles")
                .key(Map.of("id", AttributeValue.fromS("email#" + email)))).item();
        assertThat(claim).containsOnlyKeys("id", "owner");
        assertThat(claim.get("owner").s()).isEqualTo(id);
    }

    @Test
    void twentySimultaneousCreatesWithOneEmailGiveOne201AndNineteen409() throws Exception {
        var email = uniqueEmail();
        var statuses = simultaneously(20, i -> create("""
                {"id":"%s","email":"%s"}""".formatted(uniqueId(), (i % 2 == 0 ? email : email.toUpperCase()))));

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(19);
        assertThat(UserApi.ids(UserApi.list(Map.of("email", email)))).hasSize(1);
    }

    @Test
    void twentySimultaneousCreatesWithOneIdGiveOne201AndNineteen409() throws Exception {
        var id = uniqueId();
        var statuses = simultaneously(20, i -> create("""
                {"id":"%s","email":"%s"}""".formatted(id, uniqueEmail())));

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(19);
    }

    interface Request {
        APIGatewayProxyResponseEvent send(int index);
    }

    static ArrayList<Integer> simultaneously(int count, Request request) throws Exception {
        var statuses = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(count)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            var results = new ArrayList<Future<Integer>>();
            for (int i = 0; i < count; i++) {
                var index = i;
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return request.send(index).getStatusCode();
                }));
            }
            start.countDown();
            for (var result : results) {
                statuses.add(result.get());
            }
        }
        return statuses;
    }
}
