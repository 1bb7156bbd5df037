package dev.serverlessapis.terraform;

import static dev.serverlessapis.terraform.Terraform.locals;
import static dev.serverlessapis.terraform.Terraform.module;
import static dev.serverlessapis.terraform.Terraform.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.adapters.observability.Dimension;
import dev.serverlessapis.adapters.observability.Event;
import dev.serverlessapis.adapters.observability.Metric;
import dev.serverlessapis.adapters.observability.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and alarms of {@code terraform/modules/observability} read only metrics the code publishes (the
 * {@link Metric} catalogue, by name and dimension set) and show every one of them, with the closed dimensions' values
 * the code's enums define. The check is a function of the module's folder, so it is also shown to catch drift.
 */
class ObservabilityTerraformTest {
    private static final Path OBSERVABILITY = module("observability");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern METRIC_REFERENCE = Pattern.compile("local\\.metrics\\.([a-z_]+)|metric = \"([a-z_]+)\"");
    private static final Pattern CLOSED_VALUE = Pattern.compile("\\b(Outcome|Event)\\s*=\\s*\"([^\"]*)\"");

    /** One entry of the module's {@code local.metrics}: a metric name and the dimension names it is read under. */
    record Entry(String name, List<String> dimensions) {
    }

    @Test
    void theDashboardAndAlarmsReadExactlyTheMetricsTheCodeEmits() {
        assertThat(problems(OBSERVABILITY)).isEmpty();
    }

    @Test
    void theModulesCatalogueIsTheCodesByNameAndDimensions() {
        var expected = new LinkedHashMap<String, Entry>();
        expected.put("requests", new Entry("Requests", List.of("Service", "Function")));
        expected.put("requests_by_outcome", new Entry("Requests", List.of("Service", "Function", "Outcome")));
        expected.put("latency", new Entry("Latency", List.of("Service", "Function")));
        expected.put("cold_starts", new Entry("ColdStarts", List.of("Service", "Function")));
        expected.put("events", new Entry("Events", List.of("Service", "Event")));
        assertThat(entries(OBSERVABILITY)).isEqualTo(expected);
    }

    @Test
    void driftIsCaught(@TempDir Path copies) throws IOException {
        var drifts = Map.of(
                "a renamed metric", List.of("name       = \"Latency\"", "name       = \"LatencyMs\""),
                "a dimension the code does not publish the metric under", List.of("dimensions = [\"Service\", \"Event\"]", "dimensions = [\"Event\"]"),
                "an event the code emits missing from the dashboard", List.of("\"ProfileCreated\", ", ""),
                "an event value the code does not emit", List.of("Event = \"DynamoDbThrottle\"", "Event = \"Throttled\""),
                "an outcome value the code does not emit", List.of("Outcome = \"4xx\"", "Outcome = \"4XX\""),
                "a metric the catalogue of the module does not have", List.of("local.metrics.latency.name", "local.metrics.duration.name"),
                "a metric written around the catalogue", List.of("metric_name         = local.metrics.events.name", "metric_name         = \"Events\"\n  namespace2 = \"ServerlessApis\""));
        for (var drift : drifts.entrySet()) {
            var copy = Files.createDirectories(copies.resolve(drift.getKey().replace(' ', '-')));
            var changed = false;
            try (Stream<Path> files = Files.list(OBSERVABILITY)) {
                for (var file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
                    var text = Files.readString(file);
                    var mutated = text.replace(drift.getValue().get(0), drift.getValue().get(1));
                    changed |= !mutated.equals(text);
                    Files.writeString(copy.resolve(file.getFileName()), mutated);
                }
            }
            assertThat(changed).as("the drift '%s' applies to the module", drift.getKey()).isTrue();
            assertThat(problems(copy)).as(drift.getKey()).isNotEmpty();
        }
    }

    @Test
    void thereAreAlarmsForFunctions5xxSlowP99AndDynamoDbThrottlesOnTheAlarmTopic() {
        for (var name : List.of("function_5xx", "latency_p99", "dynamodb_throttles")) {
            var alarm = resource(OBSERVABILITY, "aws_cloudwatch_metric_alarm", name);
            assertThat(alarm.attribute("alarm_actions")).as(name).contains("local.alarm_actions");
            assertThat(alarm.attribute("ok_actions")).as(name).contains("local.alarm_actions");
            assertThat(alarm.attribute("treat_missing_data")).as(name).contains("\"notBreaching\"");
            assertThat(alarm.attribute("count").or(() -> alarm.attribute("for_each")).orElseThrow()).as(name).startsWith("var.alarms_enabled ?");
        }
        assertThat(locals(OBSERVABILITY).attribute("alarm_actions")).contains("var.alarm_topic_arn == null ? [] : [var.alarm_topic_arn]");
        var p99 = resource(OBSERVABILITY, "aws_cloudwatch_metric_alarm", "latency_p99");
        assertThat(p99.attribute("extended_statistic")).contains("\"p99\"");
        assertThat(p99.attribute("evaluate_low_sample_count_percentiles")).as("a quiet night never pages").contains("\"ignore\"");
        assertThat(resource(OBSERVABILITY, "aws_cloudwatch_metric_alarm", "function_5xx").attribute("dimensions").orElseThrow())
                .contains("Outcome = \"5xx\"");
    }

    @Test
    void savedQueriesFindOneRequestByEitherIdAndTheSlowestRequests() {
        var byId = resource(OBSERVABILITY, "aws_cloudwatch_query_definition", "request_by_id");
        assertThat(byId.attribute("name")).contains("\"${var.service}/one-request-by-id\"");
        assertThat(byId.attribute("log_group_names")).contains("var.log_group_names");
        assertThat(byId.attribute("query_string").orElseThrow()).contains("filter apiRequestId = ").contains(" or requestId = ");
        var slowest = resource(OBSERVABILITY, "aws_cloudwatch_query_definition", "slowest_requests");
        assertThat(slowest.attribute("query_string").orElseThrow()).contains("sort latencyMs desc").contains("limit 50");
    }

    /** Everything that does not agree between the module in {@code folder} and the code's catalogue. */
    static List<String> problems(Path folder) {
        var problems = new ArrayList<String>();
        var locals = locals(folder);
        var text = source(folder);
        if (!locals.attribute("namespace").orElse("").equals("\"" + Metric.NAMESPACE + "\"")) {
            problems.add("local.namespace is not " + Metric.NAMESPACE);
        }
        var occurrences = text.split(Pattern.quote("\"" + Metric.NAMESPACE + "\""), -1).length - 1;
        if (occurrences != 1) {
            problems.add("the namespace is written " + occurrences + " times: every metric must come from local.namespace and local.metrics");
        }

        var emitted = new HashSet<Entry>();
        for (var metric : Metric.values()) {
            for (var set : metric.dimensionSets()) {
                emitted.add(new Entry(metric.cloudWatchName(), set.stream().map(Dimension::cloudWatchName).toList()));
            }
        }
        var entries = entries(folder);
        entries.forEach((key, entry) -> {
            if (!emitted.contains(entry)) {
                problems.add("local.metrics." + key + " " + entry + " is not published by the code");
            }
        });
        emitted.stream().filter(entry -> !entries.containsValue(entry))
                .forEach(entry -> problems.add("the code publishes " + entry + ", which the dashboard does not read"));
        var referenced = METRIC_REFERENCE.matcher(text).results()
                .map(match -> match.group(1) != null ? match.group(1) : match.group(2)).distinct().toList();
        referenced.stream().filter(key -> !entries.containsKey(key))
                .forEach(key -> problems.add("local.metrics." + key + " is read but not in the module's catalogue"));
        entries.keySet().stream().filter(key -> !referenced.contains(key))
                .forEach(key -> problems.add("local.metrics." + key + " is on no widget or alarm"));

        var outcomes = Arrays.stream(Outcome.values()).map(Outcome::value).toList();
        var events = Arrays.stream(Event.values()).map(Event::value).toList();
        if (!strings(locals.attribute("outcomes").orElse("")).equals(outcomes)) {
            problems.add("local.outcomes is not " + outcomes);
        }
        var shown = new ArrayList<>(strings(locals.attribute("domain_events").orElse("")));
        shown.addAll(strings(locals.attribute("dynamodb_events").orElse("")));
        if (!Set.copyOf(shown).equals(Set.copyOf(events)) || shown.size() != events.size()) {
            problems.add("the dashboard's events " + shown + " are not the code's " + events);
        }
        CLOSED_VALUE.matcher(text).results().forEach(match -> {
            var allowed = match.group(1).equals("Outcome") ? outcomes : events;
            if (!allowed.contains(match.group(2))) {
                problems.add(match.group(1) + " = \"" + match.group(2) + "\" is not a value the code emits");
            }
        });

        for (var alarm : Terraform.resources(folder, "aws_cloudwatch_metric_alarm")) {
            var body = alarm.body();
            var metricName = body.attribute("metric_name").orElse("");
            var key = Pattern.compile("local\\.metrics\\.([a-z_]+)\\.name").matcher(metricName);
            if (!body.attribute("namespace").orElse("").equals("local.namespace") || !key.matches()) {
                problems.add("alarm " + alarm.label(1) + " does not read a metric of local.metrics in local.namespace");
            } else if (!body.attribute("dimensions").orElse("").contains("for dimension in local.metrics." + key.group(1) + ".dimensions")) {
                problems.add("alarm " + alarm.label(1) + " does not take its dimensions from local.metrics." + key.group(1));
            }
        }
        return problems;
    }

    /** {@code local.metrics}, parsed: each entry's {@code name} and {@code dimensions}. */
    static Map<String, Entry> entries(Path folder) {
        var result = new LinkedHashMap<String, Entry>();
        var metrics = Hcl.parse(inside(locals(folder).attribute("metrics").orElse("{}")));
        metrics.attributes().forEach((key, value) -> {
            var entry = Hcl.parse(inside(value));
            result.put(key, new Entry(strings(entry.attribute("name").orElse("")).stream().findFirst().orElse(""),
                    strings(entry.attribute("dimensions").orElse(""))));
        });
        return result;
    }

    private static String inside(String braced) {
        var text = braced.trim();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new AssertionError("expected an object: " + text);
        }
        return text.substring(1, text.length() - 1);
    }

    private static List<String> strings(String expression) {
        return STRING.matcher(expression).results().map(match -> match.group(1)).toList();
    }

    private static String source(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            var text = new StringBuilder();
            files.filter(file -> file.toString().endsWith(".tf")).sorted().forEach(file -> text.append(Terraform.read(file)).append('\n'));
            return text.toString();
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
