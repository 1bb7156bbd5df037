package dev.serverlessapis.adapters.observability;

import static dev.serverlessapis.adapters.observability.RequestLoggerTest.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {
    private final List<String> documents = new ArrayList<>();
    private final EmfMetrics metrics = new EmfMetrics("serverless-apis-prod", documents::add, CLOCK);

    @Test
    void aRequestIsOneDocumentWithItsCountByOutcomeItsLatencyAndWhetherItWasAColdStart() {
        metrics.request(RequestLoggerTest.request(201, Optional.of("user-42")));

        assertThat(documents).containsExactly("{\"_aws\":{\"Timestamp\":1796146200123,\"CloudWatchMetrics\":["
                + "{\"Namespace\":\"ServerlessApis\",\"Dimensions\":[[\"Service\",\"Function\"],[\"Service\",\"Function\",\"Outcome\"]],"
                + "\"Metrics\":[{\"Name\":\"Requests\",\"Unit\":\"Count\"}]},"
                + "{\"Namespace\":\"ServerlessApis\",\"Dimensions\":[[\"Service\",\"Function\"]],"
                + "\"Metrics\":[{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"},{\"Name\":\"ColdStarts\",\"Unit\":\"Count\"}]}]},"
                + "\"Service\":\"serverless-apis-prod\",\"Function\":\"chirp_save_chirp\",\"Outcome\":\"2xx\","
                + "\"Requests\":1,\"Latency\":12,\"ColdStarts\":1,\"requestId\":\"" + RequestLoggerTest.LAMBDA_REQUEST_ID + "\"}");
    }

    @Test
    void theRequestDocumentCarriesNoCallerTraceRouteOrApiRequestId() {
        metrics.request(RequestLoggerTest.request(503, Optional.of("user-42")));

        var document = JsonParser.parseString(documents.getFirst()).getAsJsonObject();
        assertThat(document.keySet()).containsExactly("_aws", "Service", "Function", "Outcome", "Requests", "Latency", "ColdStarts", "requestId");
        assertThat(document.get("Outcome").getAsString()).isEqualTo("5xx");
        assertThat(documents.getFirst()).doesNotContain("user-42").doesNotContain(RequestLoggerTest.TRACE_ID)
                .doesNotContain(RequestLoggerTest.API_REQUEST_ID).doesNotContain("/chirp");
    }

    @Test
    void statusesFallIntoThreeOutcomes() {
        assertThat(List.of(200, 204, 304, 400, 404, 412, 429, 500, 503)).map(Outcome::of).map(Outcome::value)
                .containsExactly("2xx", "2xx", "2xx", "4xx", "4xx", "4xx", "4xx", "5xx", "5xx");
    }

    @Test
    void anEventIsOneDocumentByServiceAndEvent() {
        metrics.count(Event.INCREMENT_REPLAYED);
        metrics.count(Event.DYNAMODB_RETRY, 3);
        metrics.count(Event.DYNAMODB_RETRY, 0);

        assertThat(documents).containsExactly(
                "{\"_aws\":{\"Timestamp\":1796146200123,\"CloudWatchMetrics\":[{\"Namespace\":\"ServerlessApis\","
                        + "\"Dimensions\":[[\"Service\",\"Event\"]],\"Metrics\":[{\"Name\":\"Events\",\"Unit\":\"Count\"}]}]},"
                        + "\"Service\":\"serverless-apis-prod\",\"Event\":\"IncrementReplayed\",\"Events\":1}",
                "{\"_aws\":{\"Timestamp\":1796146200123,\"CloudWatchMetrics\":[{\"Namespace\":\"ServerlessApis\","
                        + "\"Dimensions\":[[\"Service\",\"Event\"]],\"Metrics\":[{\"Name\":\"Events\",\"Unit\":\"Count\"}]}]},"
                        + "\"Service\":\"serverless-apis-prod\",\"Event\":\"DynamoDbRetry\",\"Events\":3}");
    }

    @Test
    void everyDocumentFollowsTheEmfSpecification() {
        metrics.request(RequestLoggerTest.request(404, Optional.empty()));
        Arrays.stream(Event.values()).forEach(metrics::count);

        for (var text : documents) {
            var document = JsonParser.parseString(text).getAsJsonObject();
            var aws = document.getAsJsonObject("_aws");
            assertThat(aws.get("Timestamp").getAsLong()).isEqualTo(CLOCK.millis());
            for (var element : aws.getAsJsonArray("CloudWatchMetrics")) {
                var directive = element.getAsJsonObject();
                assertThat(directive.get("Namespace").getAsString()).isEqualTo(Metric.NAMESPACE);
                assertThat(directive.getAsJsonArray("Dimensions")).isNotEmpty().allSatisfy(set -> {
                    assertThat(set.getAsJsonArray()).hasSizeLessThanOrEqualTo(30);
                    set.getAsJsonArray().forEach(name -> assertThat(document.get(name.getAsString()).getAsString()).isNotBlank());
                });
                assertThat(directive.getAsJsonArray("Metrics")).hasSizeLessThanOrEqualTo(100).allSatisfy(metric ->
                        assertThat(document.get(metric.getAsJsonObject().get("Name").getAsString()).getAsJsonPrimitive().isNumber()).isTrue());
            }
            assertThat(declared(document)).as("each metric is published under exactly its catalogue's dimension sets")
                    .allSatisfy(pair -> assertThat(Metric.valueOf(pair.metric()).dimensionSets().stream()
                            .map(set -> set.stream().map(Dimension::cloudWatchName).toList()).toList()).isEqualTo(pair.sets()));
        }
    }

    @Test
    void theServiceIsAShortName() {
        assertThatThrownBy(() -> new EmfMetrics("prod environment", documents::add, CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }

    private record Declared(String metric, List<List<String>> sets) {
    }

    private static List<Declared> declared(JsonObject document) {
        var result = new ArrayList<Declared>();
        for (var element : document.getAsJsonObject("_aws").getAsJsonArray("CloudWatchMetrics")) {
            var directive = element.getAsJsonObject();
            var sets = directive.getAsJsonArray("Dimensions").asList().stream()
                    .map(set -> set.getAsJsonArray().asList().stream().map(name -> name.getAsString()).toList()).toList();
            for (var metric : directive.getAsJsonArray("Metrics")) {
                var name = metric.getAsJsonObject().get("Name").getAsString();
                var constant = Arrays.stream(Metric.values()).filter(m -> m.cloudWatchName().equals(name)).findFirst().orElseThrow();
                assertThat(metric.getAsJsonObject().get("Unit").getAsString()).isEqualTo(constant.unit().cloudWatchName());
                result.add(new Declared(constant.name(), sets));
            }
        }
        return result;
    }
}
