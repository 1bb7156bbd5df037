package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The end-to-end suite writes to the stage it tests, so it refuses production's before sending anything. */
class DeployedStageGuardTest {
    @Test
    void prodsInvokeUrlIsRefusedNamingWhatTheSuiteWrites() {
        var prod = URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/prod");

        assertThatThrownBy(() -> TestStack.refusingProduction(prod)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prod stage").hasMessageContaining("chirps (which no route deletes)");
    }

    @Test
    void anotherStageIsTested() {
        for (var stage : new String[] {"https://abc123.execute-api.eu-west-1.amazonaws.com/dev",
                "https://abc123.execute-api.eu-west-1.amazonaws.com/production-copy", "https://api.example.com"}) {
            var endpoint = URI.create(stage);
            assertThat(TestStack.refusingProduction(endpoint)).isEqualTo(endpoint);
        }
    }
}
