package dev.serverlessapis.endtoend;

import static dev.serverlessapis.endtoend.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonObject;
import dev.serverlessapis.local.LocalMetricsPage;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local stack's metrics page counts what its functions' EMF documents say, as the dashboard would. */
@Tag("end-to-end")
@ExtendWith(WithTestStack.class)
class LocalMetricsEndToEndTest {
    private final Http http;

    LocalMetricsEndToEndTest(TestStack stack) {
        this.http = new Http(stack.apiEndpoint());
    }

    @Test
    void aVisitAndANotFoundShowOnTheMetricsPageByFunctionOutcomeAndEvent() {
        assumeFalse(TestStack.againstDeployedStage(), "the metrics page is the local stack's");
        var before = counter();

        http.send(http.to("/counters/cloud-resume").POST(HttpRequest.BodyPublishers.noBody()));
        http.get("/counters/no-such-counter");

        var after = counter();
        assertThat(after.get("requests").getAsLong()).isEqualTo(before.get("requests").getAsLong() + 2);
        assertThat(after.get("2xx").getAsLong()).isEqualTo(before.get("2xx").getAsLong() + 1);
        assertThat(after.get("4xx").getAsLong()).isEqualTo(before.get("4xx").getAsLong() + 1);
        assertThat(after.getAsJsonObject("latencyMs").has("p99")).isTrue();
        var page = http.get(LocalMetricsPage.PATH);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<td>getHitCount</td>").contains("<td>CounterIncremented</td>");
    }

    /** The getHitCount row of the page's JSON form; zeros before the function's first request. */
    private JsonObject counter() {
        var functions = json(http.get(LocalMetricsPage.PATH + "?format=json")).getAsJsonObject().getAsJsonArray("functions");
        for (var function : functions) {
            if (function.getAsJsonObject().get("function").getAsString().equals("getHitCount")) {
                return function.getAsJsonObject();
            }
        }
        var none = new JsonObject();
        for (var name : new String[] {"requests", "2xx", "4xx"}) {
            none.addProperty(name, 0);
        }
        return none;
    }
}
