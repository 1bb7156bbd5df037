package dev.serverlessapis.lambdas.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

class SnapStartPrimingTest {
    @Test
    void primingRunsTheHttpLayerAndOneSdkReadWithoutTheNetwork() {
        var priming = new SnapStartPriming(new RouteTable(Map.of("/counters/{name}", List.of("GET", "OPTIONS", "POST"))),
                Cors.allowing(""), Region.EU_WEST_1);

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertThat(priming.sdkCalls()).as("the read went to the in-memory client, not to DynamoDB").isEqualTo(1);
    }

    @Test
    void onlyAFunctionInitializedForASnapshotRegistersItsPriming() {
        System.setProperty(Configuration.AWS_REGION, "eu-west-1");
        try {
            var before = SnapStartPriming.registered();
            HttpModule.cors(new Configuration(), RouteTable.fromClasspath());
            assertThat(SnapStartPriming.registered()).as("on-demand: nothing registered").isEqualTo(before);

            System.setProperty(Configuration.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START);
            HttpModule.cors(new Configuration(), RouteTable.fromClasspath());
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
