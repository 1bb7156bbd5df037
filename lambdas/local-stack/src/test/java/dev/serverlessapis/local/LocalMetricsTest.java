package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.adapters.observability.Event;
import dev.serverlessapis.adapters.observability.RequestLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The page aggregates the very documents {@link EmfMetrics} writes, and the emulator serves them over real HTTP on loopback. */
class LocalMetricsTest {
    private final LocalMetrics metrics = new LocalMetrics();
    private final EmfMetrics emf = new EmfMetrics("local", metrics, Clock.systemUTC());
    private final ApiGatewayEmulator emulator = ApiGatewayEmulator.start(new ApiSpec(List.of(), List.of(), List.of()), 0,
            new StaticPage(), metrics, null);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        emulator.close();
        http.close();
    }

    private static RequestLog request(String function, int status, long latency, boolean cold) {
        return new RequestLog(function, "/chirp", "POST", status, latency, "api-id", "lambda-id", Optional.empty(), cold, Optional.empty());
    }

    private void hundredChirpRequests() {
        LongStream.rangeClosed(1, 100).forEach(latency ->
                emf.request(request("chirp_save_chirp", latency == 100 ? 500 : latency > 90 ? 400 : 201, latency, latency == 1)));
        emf.request(request("getHitCount", 200, 7, true));
        emf.count(Event.CHIRP_POSTED, 90);
        emf.count(Event.DYNAMODB_RETRY);
        emf.count(Event.DYNAMODB_RETRY, 2);
    }

    @Test
    void requestsOutcomesPercentilesColdStartsAndEventsComeFromTheEmfDocuments() {
        hundredChirpRequests();
        metrics.accept("POST /chirp 201 3ms");
        metrics.accept("{\"not\":\"emf\"}");

        var snapshot = metrics.snapshot();
        assertThat(snapshot.functions()).extracting(LocalMetrics.FunctionFigures::function).containsExactly("chirp_save_chirp", "getHitCount");
        var chirps = snapshot.functions().getFirst();
        assertThat(chirps.requests()).isEqualTo(100);
        assertThat(chirps.byOutcome()).isEqualTo(Map.of("2xx", 90L, "4xx", 9L, "5xx", 1L));
        assertThat(chirps.p50Millis()).isEqualTo(50);
        assertThat(chirps.p99Millis()).isEqualTo(99);
        assertThat(chirps.coldStarts()).isEqualTo(1);
        assertThat(snapshot.functions().get(1).p99Millis()).isEqualTo(7);
        assertThat(snapshot.events()).isEqualTo(Map.of("ChirpPosted", 90L, "DynamoDbRetry", 3L));
    }

    @Test
    void percentilesAreNearestRank() {
        assertThat(LocalMetrics.percentile(new long[0], 99)).isZero();
        assertThat(LocalMetrics.percentile(new long[] {5}, 50)).isEqualTo(5);
        assertThat(LocalMetrics.percentile(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(LocalMetrics.percentile(new long[] {1, 2, 3, 4}, 99)).isEqualTo(4);
    }

    @Test
    void servesJsonToWhoAsksForItAndAPageToABrowser() throws Exception {
        hundredChirpRequests();

        var json = get("?format=json", "*/*");
        assertThat(json.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        var document = JsonParser.parseString(json.body()).getAsJsonObject();
        var chirps = document.getAsJsonArray("functions").get(0).getAsJsonObject();
        assertThat(chirps.toString()).isEqualTo("{\"function\":\"chirp_save_chirp\",\"requests\":100,\"2xx\":90,\"4xx\":9,\"5xx\":1,"
                + "\"coldStarts\":1,\"latencyMs\":" + chirps.getAsJsonObject("latencyMs") + "}");
        assertThat(chirps.getAsJsonObject("latencyMs").get("p99").getAsLong()).isEqualTo(99);
        assertThat(document.getAsJsonObject("events").get("ChirpPosted").getAsLong()).isEqualTo(90);
        assertThat(get("", "application/json").headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");

        var page = get("", "text/html,application/xhtml+xml,application/json;q=0.9");
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<tr><td>chirp_save_chirp</td><td>100</td><td>90</td><td>9</td><td>1</td><td>50</td><td>99</td><td>1</td></tr>")
                .contains("<tr><td>ChirpPosted</td><td>90</td></tr>")
                .contains("<tr><td>DynamoDbRetry</td><td>3</td></tr>");
    }

    @Test
    void anEmptyStackSaysSoAndOnlyReadsAreAllowed() throws Exception {
        assertThat(get("", "text/html").body()).contains("No requests yet.").contains("No events yet.");
        var post = http.send(HttpRequest.newBuilder(uri("")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    private HttpResponse<String> get(String query, String accept) throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri(query)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private URI uri(String query) {
        return URI.create(emulator.baseUrl() + LocalMetricsPage.PATH + query);
    }
}
