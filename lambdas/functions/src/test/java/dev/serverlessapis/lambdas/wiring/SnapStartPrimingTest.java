package dev.serverlessapis.lambdas.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.observability.ColdStart;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class SnapStartPrimingTest {
    private static final RouteTable COUNTERS = new RouteTable(Map.of("/counters/{name}", List.of("GET", "OPTIONS", "POST")));

    @BeforeEach
    void region() {
        System.setProperty(Configuration.AWS_REGION, "eu-west-1");
    }

    @AfterEach
    void clear() {
        System.clearProperty(Configuration.AWS_REGION);
        System.clearProperty(Configuration.INITIALIZATION_TYPE);
    }

    private static SnapStartPriming priming(ColdStart coldStart) {
        return new SnapStartPriming(new Configuration(), COUNTERS, Cors.allowing(""), coldStart, Clock.systemUTC());
    }

    @Test
    void primingCallsEveryOperationThroughTheFunctionsHttpClientAndInterceptorsOnLoopbackOnly() {
        var primed = priming(new ColdStart()).prime();

        assertThat(primed.operations()).as("each operation reached the canned endpoint over HTTP")
                .containsExactlyInAnyOrderElementsOf(PrimedDynamoDbOperations.NAMES);
        assertThat(primed.subsegments()).as("the tracing interceptor sent one subsegment per call, to the loopback daemon")
                .isEqualTo(PrimedDynamoDbOperations.NAMES.size());
        assertThat(Thread.getAllStackTraces().keySet()).as("nothing of the canned endpoint is left for the snapshot")
                .noneMatch(thread -> thread.getName().equals("snapstart-priming-dynamodb"));
    }

    @Test
    void everyDynamoDbActionOfApiJsonIsAnOperationThePrimingCalls() throws Exception {
        try (var reader = new InputStreamReader(SnapStartPrimingTest.class.getResourceAsStream("/api.json"), StandardCharsets.UTF_8)) {
            var actions = new TreeSet<String>();
            for (var function : JsonParser.parseReader(reader).getAsJsonObject().getAsJsonArray("functions")) {
                for (var kind : List.of("tableActions", "indexActions")) {
                    function.getAsJsonObject().getAsJsonArray(kind).forEach(action -> actions.add(action.getAsString()));
                }
            }
            assertThat(actions).isNotEmpty();
            // IAM names a transaction's condition check by its own action; the operation that carries it is TransactWriteItems.
            assertThat(actions).allSatisfy(action -> assertThat(PrimedDynamoDbOperations.NAMES)
                    .as("a function allowed %s runs that operation after a restore", action)
                    .contains(action.equals("dynamodb:ConditionCheckItem") ? "TransactWriteItems" : action.replace("dynamodb:", "")));
        }
    }

    @Test
    void primingIsNoRequestAndTheFirstRequestAfterARestoreIsAColdStartAgain() {
        var coldStart = new ColdStart();
        var priming = priming(coldStart);
        var out = System.out;
        var written = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            priming.beforeCheckpoint(null);
        } finally {
            System.setOut(out);
        }
        assertThat(written.toString(StandardCharsets.UTF_8)).as("priming logs and counts nothing").isEmpty();
        assertThat(coldStart.take()).as("the priming did not take the cold start").isTrue();

        priming.afterRestore(null);

        assertThat(coldStart.take()).as("restored: the next request is a cold start").isTrue();
        assertThat(coldStart.take()).isFalse();
    }

    @Test
    void onlyAFunctionInitializedForASnapshotRegistersItsPriming() {
        var before = SnapStartPriming.registered();
        priming(new ColdStart()).registerWhereSnapshotted();
        assertThat(SnapStartPriming.registered()).as("on-demand: nothing registered").isEqualTo(before);

        System.setProperty(Configuration.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START);
        priming(new ColdStart()).registerWhereSnapshotted();
        assertThat(SnapStartPriming.registered()).as("snap-start: registered").isEqualTo(before + 1);
    }

    @Test
    void theRolesCredentialsAreResolvedWhenAskedForNotWhenTheClientIsBuilt() {
        var credentials = AwsModule.lambdaRole();

        // Neither environment variables nor a container endpoint exist in a test JVM: nothing was resolved or cached
        // at construction, and asking fails now rather than handing out something captured earlier.
        assertThatThrownBy(credentials::resolveCredentials).isInstanceOf(SdkClientException.class);
    }
}
