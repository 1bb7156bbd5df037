package dev.serverlessapis.lambdas.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.observability.ColdStart;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

class SnapStartPrimingTest {
    @Test
    void primingRunsTheHttpLayerAndOneSdkReadWithoutTheNetwork() {
        var priming = new SnapStartPriming(new RouteTable(Map.of("/counters/{name}", List.of("GET", "OPTIONS", "POST"))),
                Cors.allowing(""), Region.EU_WEST_1, new ColdStart());

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertThat(priming.sdkCalls()).as("the read went to the in-memory client, not to DynamoDB").isEqualTo(1);
    }

    @Test
    void primingIsNoRequestAndTheFirstRequestAfterARestoreIsAColdStartAgain() {
        var coldStart = new ColdStart();
        var priming = new SnapStartPriming(new RouteTable(Map.of("/counters/{name}", List.of("GET", "OPTIONS", "POST"))),
                Cors.allowing(""), Region.EU_WEST_1, coldStart);
        var out = System.out;
        var written = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(written, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            priming.beforeCheckpoint(null);
        } finally {
            System.setOut(out);
        }
        assertThat(written.toString(java.nio.charset.StandardCharsets.UTF_8)).as("priming logs and counts nothing").isEmpty();
        assertThat(coldStart.take()).as("the priming did not take the cold start").isTrue();

        priming.afterRestore(null);

        assertThat(coldStart.take()).as("restored: the next request is a cold start").isTrue();
        assertThat(coldStart.take()).isFalse();
    }

    @Test
    void onlyAFunctionInitializedForASnapshotRegistersItsPriming() {
        System.setProperty(Configuration.AWS_REGION, "eu-west-1");
        try {
            var before = SnapStartPriming.registered();
            HttpModule.cors(new Configuration(), RouteTable.fromClasspath(), new ColdStart());
            assertThat(SnapStartPriming.registered()).as("on-demand: nothing registered").isEqualTo(before);

            System.setProperty(Configuration.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START);
            HttpModule.cors(new Configuration(), RouteTable.fromClasspath(), new ColdStart());
            assertThat(SnapStartPriming.registered()).as("snap-start: registered").isEqualTo(before + 1);
        } finally {
            System.clearProperty(Configuration.INITIALIZATION_TYPE);
            System.clearProperty(Configuration.AWS_REGION);
        }
    }

    @Test
    void theRolesCredentialsAreResolvedWhenAskedForNotWhenTheClientIsBuilt() {
        var credentials = AwsModule.lambdaRole();

        // Neither environment variables nor a container endpoint exist in a test JVM: nothing was resolved or cached
        // at construction, and asking fails now rather than handing out something captured earlier.
        assertThatThrownBy(credentials::resolveCredentials).isInstanceOf(SdkClientException.class);
    }
}
