package dev.serverlessapis.terraform;

import static dev.serverlessapis.terraform.Terraform.locals;
import static dev.serverlessapis.terraform.Terraform.module;
import static dev.serverlessapis.terraform.Terraform.named;
import static dev.serverlessapis.terraform.Terraform.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.serverlessapis.adapters.observability.Dimension;
import dev.serverlessapis.adapters.observability.Event;
import dev.serverlessapis.adapters.observability.LogLevel;
import dev.serverlessapis.adapters.observability.Metric;
import dev.serverlessapis.adapters.observability.Outcome;
import dev.serverlessapis.adapters.observability.RequestLog;
import dev.serverlessapis.adapters.observability.RequestLogger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final Path APPLICATION = module("application");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern METRIC_REFERENCE = Pattern.compile("local\\.metrics\\.([a-z_]+)|metric\\s+=\\s+\"([a-z_]+)\"");
    private static final Pattern CLOSED_VALUE = Pattern.compile("\\b(?i)(outcome|event)\\s*=\\s*\"([^\"]*)\"");

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
                "an alarm on an outcome the code does not emit", List.of("outcome             = \"5xx\"", "outcome             = \"500\""),
                "a metric the catalogue of the module does not have", List.of("metric              = \"latency\"", "metric              = \"duration\""),
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
        for (var name : List.of("function", "dynamodb_throttles")) {
            var alarm = resource(OBSERVABILITY, "aws_cloudwatch_metric_alarm", name);
            assertThat(alarm.attribute("alarm_actions")).as(name).contains("local.alarm_actions");
            assertThat(alarm.attribute("ok_actions")).as(name).contains("local.alarm_actions");
            assertThat(alarm.attribute("treat_missing_data")).as(name).contains("\"notBreaching\"");
        }
        assertThat(resource(OBSERVABILITY, "aws_cloudwatch_metric_alarm", "function").attribute("for_each")).contains("local.function_alarms");
        assertThat(resource(OBSERVABILITY, "aws_cloudwatch_metric_alarm", "dynamodb_throttles").attribute("count"))
                .contains("var.alarms_enabled ? 1 : 0");
        var locals = locals(OBSERVABILITY);
        assertThat(locals.attribute("alarm_actions")).contains("var.alarm_topic_arn == null ? [] : [var.alarm_topic_arn]");
        var perFunction = locals.attribute("function_alarms").orElseThrow();
        assertThat(perFunction).startsWith("var.alarms_enabled ? merge([for function in var.functions : {");
        var serverErrors = perFunction.substring(perFunction.indexOf("\"${function}-5xx\" = {"), perFunction.indexOf("\"${function}-latency-p99\" = {"));
        var p99 = perFunction.substring(perFunction.indexOf("\"${function}-latency-p99\" = {"));
        assertThat(attributes(serverErrors)).containsEntry("metric", "\"requests_by_outcome\"").containsEntry("outcome", "\"5xx\"")
                .containsEntry("statistic", "\"Sum\"").containsEntry("comparison_operator", "\"GreaterThanOrEqualToThreshold\"");
        assertThat(attributes(p99)).containsEntry("metric", "\"latency\"").containsEntry("extended_statistic", "\"p99\"")
                .containsEntry("evaluation_periods", "3").containsEntry("statistic", "null");
        // With "ignore", CloudWatch leaves a p99 alarm alone below 10 / (1 - 0.99) = 1,000 samples a period: at the
        // traffic most deployments see, it could never fire. Three periods in a row keep one slow request from paging.
        assertThat(attributes(p99)).as("a quiet deployment's p99 is evaluated").containsEntry("low_sample_count", "\"evaluate\"");
        var resource = resource(OBSERVABILITY, "aws_cloudwatch_metric_alarm", "function");
        assertThat(resource.attribute("extended_statistic")).contains("each.value.extended_statistic");
        assertThat(resource.attribute("evaluate_low_sample_count_percentiles")).contains("each.value.low_sample_count");
        assertThat(resource.attribute("datapoints_to_alarm")).contains("each.value.evaluation_periods");
    }

    /**
     * Every alarm of the module, as terraform itself evaluates its namespace, metric and dimensions from the resource's
     * own expressions (each entry of its for_each standing for {@code each.value}), reads a metric the code publishes
     * under exactly those dimension names, with values the functions give them: the deployment's Service, a function of
     * api.json, an Outcome or an Event the code emits. A dimension map that named the wrong variable or key would pass
     * a comparison of source text.
     */
    @Test
    void everyAlarmAsTerraformEvaluatesItReadsAMetricTheCodePublishes(@TempDir Path work) throws Exception {
        TerraformCli.assumeInstalled("the alarms' dimensions are not evaluated here");
        var functions = dev.serverlessapis.local.ApiSpec.load().functions().stream().map(function -> function.name()).toList();
        var perFunction = resource(OBSERVABILITY, "aws_cloudwatch_metric_alarm", "function");
        var throttles = resource(OBSERVABILITY, "aws_cloudwatch_metric_alarm", "dynamodb_throttles");
        var expression = "concat([for key, alarm in local.function_alarms : " + shape(perFunction).replace("each.value", "alarm") + "], ["
                + shape(throttles) + "])";
        var variables = Map.of("service", "\"serverless-apis-dev\"", "alarms_enabled", "true", "api_name", "\"serverless-apis-dev-api\"",
                "stage_name", "\"dev\"", "log_group_names", "[\"/aws/lambda/x\"]", "access_log_group_name", "\"/aws/apigateway/x\"",
                "functions", functions.stream().map(name -> "\"" + name + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]")));
        var alarms = TerraformCli.evaluate(work, OBSERVABILITY, Map.of("data.aws_region.current.region", "\"eu-west-1\""), variables, expression)
                .getAsJsonArray();

        assertThat(alarms).as("a 5xx and a latency alarm per function, and the throttles'").hasSize(2 * functions.size() + 1);
        var outcomes = Arrays.stream(Outcome.values()).map(Outcome::value).toList();
        var events = Arrays.stream(Event.values()).map(Event::value).toList();
        for (var evaluated : alarms) {
            var alarm = evaluated.getAsJsonObject();
            assertThat(alarm.get("namespace").getAsString()).isEqualTo(Metric.NAMESPACE);
            var dimensions = alarm.getAsJsonObject("dimensions");
            var names = dimensions.keySet();
            assertThat(Arrays.stream(Metric.values()).filter(metric -> metric.cloudWatchName().equals(alarm.get("metric").getAsString()))
                    .flatMap(metric -> metric.dimensionSets().stream())
                    .map(set -> set.stream().map(Dimension::cloudWatchName).collect(java.util.stream.Collectors.toSet())))
                    .as("%s is published under %s", alarm.get("metric"), names).contains(names);
            for (var name : names) {
                var value = dimensions.get(name).getAsString();
                switch (name) {
                    case "Service" -> assertThat(value).isEqualTo("serverless-apis-dev");
                    case "Function" -> assertThat(value).isIn(functions);
                    case "Outcome" -> assertThat(value).isIn(outcomes);
                    case "Event" -> assertThat(value).isIn(events);
                    default -> throw new AssertionError("a dimension the code never publishes: " + name);
                }
            }
        }
    }

    /** An alarm resource's namespace, metric and dimensions, as one object expression over its own attributes. */
    private static String shape(Hcl.Body alarm) {
        return "{ namespace = " + alarm.attribute("namespace").orElseThrow() + ", metric = " + alarm.attribute("metric_name").orElseThrow()
                + ", dimensions = " + alarm.attribute("dimensions").orElseThrow() + " }";
    }

    @Test
    void savedQueriesFindOneRequestByEitherIdAndTheSlowestRequests() {
        var byId = resource(OBSERVABILITY, "aws_cloudwatch_query_definition", "request_by_id");
        assertThat(byId.attribute("name")).contains("\"${var.service}/one-request-by-id\"");
        assertThat(byId.attribute("log_group_names")).contains("concat(var.log_group_names, [var.access_log_group_name])");
        assertThat(byId.attribute("query_string").orElseThrow()).as("the access line's link to the invocation").contains("lambdaRequestId");
        assertThat(named(APPLICATION, "module", "observability").attribute("access_log_group_name"))
                .contains("aws_cloudwatch_log_group.api_access.name");
        assertThat(resource(APPLICATION, "aws_api_gateway_stage", "this").block("access_log_settings").attribute("format").orElseThrow())
                .contains("lambdaRequestId = \"$context.integration.requestId\"");
        assertThat(byId.attribute("query_string").orElseThrow()).contains("filter apiRequestId = ").contains(" or requestId = ")
                .as("Lambda's platform lines and the runtime's own").contains(" or record.requestId = ").contains(" or AWSRequestId = ")
                .as("the access line by Lambda's id").contains(" or lambdaRequestId = ");
        // A client may choose the API's request id (x-amzn-RequestId); the ids no client chooses tell such requests apart.
        assertThat(byId.attribute("query_string").orElseThrow()).containsPattern("fields [^\\n]*, requestId, lambdaRequestId, extendedRequestId,");
        var slowest = resource(OBSERVABILITY, "aws_cloudwatch_query_definition", "slowest_requests");
        assertThat(slowest.attribute("query_string").orElseThrow()).contains("sort latencyMs desc").contains("limit 50");
    }

    /**
     * The failures an alarm counts are not all the functions' own ERROR lines: an error that escapes a handler is the
     * runtime's line (level ERROR, no errorType), a timeout or failed restore only Lambda's platform line, whose
     * record.status is not success, and a 5xx API Gateway made itself (a broken integration or invoke permission, an
     * authorizer that failed) only the stage's access line, which names its gateway response in errorType; a 5xx the
     * function answered has "-" there and its own ERROR line. The saved query and the dashboard's widget show them all,
     * each line's ids under the same two columns.
     */
    @Test
    void theFailuresQueryShowsTheRuntimesErrorLinesLambdasFailedInvocationsAndTheGatewaysOwn5xxToo(@TempDir Path work) throws Exception {
        var saved = resource(OBSERVABILITY, "aws_cloudwatch_query_definition", "recent_failures");
        assertThat(saved.attribute("query_string")).contains("local.failures_query");
        assertThat(saved.attribute("log_group_names")).contains("concat(var.log_group_names, [var.access_log_group_name])");
        var accessLine = resource(APPLICATION, "aws_api_gateway_stage", "this").block("access_log_settings").attribute("format").orElseThrow();
        for (var field : List.of("extendedRequestId", "status", "errorType", "httpMethod", "resourcePath", "requestId", "lambdaRequestId", "errorMessage")) {
            assertThat(accessLine).as("the access line's " + field).containsPattern("(?m)^\\s*" + field + "\\s*=");
        }

        TerraformCli.assumeInstalled("the failures query and the widget's sources are not evaluated here");
        var variables = Map.of("service", "\"serverless-apis-dev\"", "alarms_enabled", "true", "api_name", "\"serverless-apis-dev-api\"",
                "stage_name", "\"dev\"", "log_group_names", "[\"/aws/lambda/a\", \"/aws/lambda/b\"]", "access_log_group_name", "\"/aws/apigateway/x\"",
                "functions", "[\"a\", \"b\"]");
        var evaluated = TerraformCli.evaluate(work, OBSERVABILITY, Map.of("data.aws_region.current.region", "\"eu-west-1\""), variables,
                "{ query = local.failures_query, sources = local.log_sources }").getAsJsonObject();
        assertThat(evaluated.get("sources").getAsString()).isEqualTo("SOURCE '/aws/lambda/a' | SOURCE '/aws/lambda/b' | SOURCE '/aws/apigateway/x'");
        var query = evaluated.get("query").getAsString();
        assertThat(query).containsSubsequence(
                "coalesce(apiRequestId, requestId) as apiId",
                "coalesce(lambdaRequestId, requestId, AWSRequestId, record.requestId) as invocationId",
                "coalesce(errorType, record.errorType, type) as failure");
        assertThat(query).contains("| filter (level = \"ERROR\" and (ispresent(errorType) or not ispresent(latencyMs)))"
                + " or (ispresent(record.status) and record.status != \"success\")"
                + " or (ispresent(extendedRequestId) and status like /^5/ and ispresent(errorType) and errorType != \"-\" and errorType != \"\")\n");
    }

    /**
     * A function's 5xx writes two ERROR lines, its request's and its failure's: the failures query keeps the one with
     * errorType and leaves out the one with latencyMs and none, so each failure is one row. That is how the logger
     * writes them; the runtime's own ERROR lines have neither field and are kept.
     */
    @Test
    void aFunctions5xxIsOneRowOfTheFailuresQueryByTheFieldsItsTwoLinesCarry() {
        var lines = new ArrayList<String>();
        var logger = new RequestLogger(RequestLogger.Format.JSON, LogLevel.INFO, lines::add, Clock.systemUTC());
        var request = new RequestLog("getHitCount", "/counters/{name}", "POST", 500, 12, "api-1", "lambda-1", Optional.empty(), false, Optional.empty());
        logger.request(request);
        logger.failure(request, new IllegalStateException("a defect"));

        assertThat(lines).hasSize(2);
        var requestLine = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        var failureLine = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertThat(requestLine.get("level").getAsString()).isEqualTo("ERROR");
        assertThat(requestLine.has("latencyMs") && !requestLine.has("errorType")).as("the request's line is left out").isTrue();
        assertThat(failureLine.get("level").getAsString()).isEqualTo("ERROR");
        assertThat(failureLine.has("errorType")).as("the failure's line is kept").isTrue();
    }

    /**
     * DELETE /users works for up to its time budget on each call, by design, and is called again until nothing is
     * left: its p99 alarm's threshold is above that budget, or emptying a large table would page.
     */
    @Test
    void deleteAllsLatencyAlarmIsAboveItsTimeBudget() throws Exception {
        var perFunction = locals(OBSERVABILITY).attribute("function_alarms").orElseThrow();
        assertThat(perFunction).contains("threshold           = local.latency_p99_thresholds_ms[function]");
        assertThat(locals(OBSERVABILITY).attribute("latency_p99_thresholds_ms")).contains(
                "{ for function in var.functions : function => lookup(var.latency_p99_threshold_ms_by_function, function, var.latency_p99_threshold_ms) }");
        var given = Terraform.named(module("application"), "module", "observability").attribute("latency_p99_threshold_ms_by_function").orElseThrow();
        var threshold = Pattern.compile("\\{ \"user-profile-delete-all\" = (\\d+) }").matcher(given);
        assertThat(threshold.matches()).as(given).isTrue();
        var budget = dev.serverlessapis.lambdas.user.UserModule.class.getDeclaredField("DEFAULT_DELETE_ALL_BUDGET");
        budget.setAccessible(true);
        assertThat(Long.parseLong(threshold.group(1))).isGreaterThan(((java.time.Duration) budget.get(null)).toMillis());
    }

    /**
     * What a caller waits for is more than a function's own latency: the authorizer, the invoke and a SnapStart restore
     * happen before the function's clock starts. Each route of api.json has a p99 alarm on API Gateway's Latency under
     * the stage's per-method dimensions, as terraform evaluates them from the resource's own expressions, above its
     * function's own threshold (which the observability module gives out), so DELETE /users stays above its budget.
     */
    @Test
    void everyRouteHasAP99AlarmOnWhatItsCallersWaitForAboveItsFunctionsOwn(@TempDir Path work) throws Exception {
        TerraformCli.assumeInstalled("the routes' latency alarms are not evaluated here");
        var application = module("application");
        var spec = dev.serverlessapis.local.ApiSpec.load();
        var functions = spec.functions().stream().map(function -> "\"" + function.name() + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        var byFunction = Terraform.named(application, "module", "observability").attribute("latency_p99_threshold_ms_by_function").orElseThrow();
        var thresholds = TerraformCli.evaluate(work, OBSERVABILITY, Map.of("data.aws_region.current.region", "\"eu-west-1\""), Map.of("service", "\"serverless-apis-dev\"", "alarms_enabled", "true",
                "api_name", "\"serverless-apis-dev-api\"", "stage_name", "\"dev\"", "log_group_names", "[\"/aws/lambda/x\"]", "access_log_group_name", "\"/aws/apigateway/x\"", "functions", functions,
                "latency_p99_threshold_ms_by_function", byFunction),
                Terraform.named(OBSERVABILITY, "output", "latency_p99_thresholds_ms").attribute("value").orElseThrow()).getAsJsonObject();

        var alarm = resource(application, "aws_cloudwatch_metric_alarm", "route_latency_p99");
        var shape = "{ name = " + alarm.attribute("alarm_name").orElseThrow() + ", namespace = " + alarm.attribute("namespace").orElseThrow()
                + ", metric = " + alarm.attribute("metric_name").orElseThrow() + ", dimensions = " + alarm.attribute("dimensions").orElseThrow()
                + ", statistic = " + alarm.attribute("extended_statistic").orElseThrow() + ", threshold = " + alarm.attribute("threshold").orElseThrow()
                + ", low_samples = " + alarm.attribute("evaluate_low_sample_count_percentiles").orElseThrow() + " }";
        var expression = "{ for key, route in " + alarm.attribute("for_each").orElseThrow() + " : key => "
                + shape.replace("each.value", "route").replace("each.key", "key") + " }";
        var stubs = new LinkedHashMap<String, String>();
        stubs.put("module.observability.latency_p99_thresholds_ms", thresholds.toString().replace(":", " = "));
        stubs.put("aws_api_gateway_rest_api.this.name", "\"serverless-apis-dev-api\"");
        stubs.put("aws_api_gateway_stage.this.stage_name", "\"dev\"");
        stubs.put("data.aws_region.current.region", "\"eu-west-1\"");
        stubs.put("data.aws_partition.current.partition", "\"aws\"");
        stubs.put("data.aws_caller_identity.current.account_id", "\"123456789012\"");
        stubs.put("${path.module}", application.toString());
        var variables = new LinkedHashMap<>(TerraformCli.APPLICATION_REQUIRED);
        variables.put("alarms_enabled", "true");
        variables.put("alarm_emails", "[\"ops@example.com\"]");
        var alarms = TerraformCli.evaluate(work, application, stubs, variables, expression).getAsJsonObject();

        assertThat(alarms.keySet()).as("one alarm per route of api.json")
                .containsExactlyInAnyOrderElementsOf(spec.routes().stream().map(route -> route.method() + " " + route.path()).toList());
        var names = new HashSet<String>();
        for (var route : spec.routes()) {
            var evaluated = alarms.getAsJsonObject(route.method() + " " + route.path());
            var name = evaluated.get("name").getAsString();
            assertThat(name).as("an alarm name of its own, in CloudWatch's limit").matches("serverless-apis-dev-api-latency-p99-[A-Za-z0-9-]+").hasSizeLessThanOrEqualTo(255);
            assertThat(names.add(name)).as(name).isTrue();
            assertThat(evaluated.get("namespace").getAsString()).isEqualTo("AWS/ApiGateway");
            assertThat(evaluated.get("metric").getAsString()).isEqualTo("Latency");
            // API Gateway's per-method dimensions: the API's name, its stage, the method and the resource's path.
            assertThat(evaluated.getAsJsonObject("dimensions").entrySet()).extracting(Map.Entry::getKey, entry -> entry.getValue().getAsString())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ApiName", "serverless-apis-dev-api"),
                            org.assertj.core.groups.Tuple.tuple("Stage", "dev"), org.assertj.core.groups.Tuple.tuple("Method", route.method()),
                            org.assertj.core.groups.Tuple.tuple("Resource", route.path()));
            assertThat(evaluated.get("statistic").getAsString()).isEqualTo("p99");
            assertThat(evaluated.get("low_samples").getAsString()).isEqualTo("evaluate");
            assertThat(evaluated.get("threshold").getAsLong()).as(route.method() + " " + route.path() + " above its function's own")
                    .isEqualTo(thresholds.get(route.function()).getAsLong() + 1000);
        }
        var budget = dev.serverlessapis.lambdas.user.UserModule.class.getDeclaredField("DEFAULT_DELETE_ALL_BUDGET");
        budget.setAccessible(true);
        assertThat(alarms.getAsJsonObject("DELETE /users").get("threshold").getAsLong())
                .isGreaterThan(((java.time.Duration) budget.get(null)).toMillis());
        assertThat(alarm.attribute("alarm_actions")).contains("aws_sns_topic.alarms[*].arn");
        assertThat(alarm.attribute("ok_actions")).contains("aws_sns_topic.alarms[*].arn");
        assertThat(Terraform.named(application, "module", "observability").attribute("other_alarm_arns").orElseThrow())
                .as("on the dashboard's alarm widget").contains("values(aws_cloudwatch_metric_alarm.route_latency_p99)[*].arn");
        assertThat(resource(application, "aws_api_gateway_method_settings", "all").block("settings").attribute("metrics_enabled"))
                .as("API Gateway publishes per-method metrics only with detailed metrics on").contains("true");

        variables.put("alarms_enabled", "false");
        variables.put("alarm_emails", "[]");
        assertThat(TerraformCli.evaluate(work, application, stubs, variables, expression).getAsJsonObject().keySet()).as("alarms off").isEmpty();
    }

    /** The dashboard's alarm widget is never green while an alarm of the deployment made elsewhere is red. */
    @Test
    void theAlarmWidgetShowsLambdasAlarmsAndTheApis5xxRateToo() {
        assertThat(resource(OBSERVABILITY, "aws_cloudwatch_dashboard", "this").attribute("dashboard_body").orElseThrow())
                .contains("alarms = concat(values(aws_cloudwatch_metric_alarm.function)[*].arn, aws_cloudwatch_metric_alarm.dynamodb_throttles[*].arn, var.other_alarm_arns)");
        assertThat(Terraform.named(module("application"), "module", "observability").attribute("other_alarm_arns").orElseThrow())
                .startsWith("concat(").contains("flatten([for function in module.function : function.alarm_arns])")
                .contains("aws_cloudwatch_metric_alarm.api_5xx_rate[*].arn");
        assertThat(Terraform.named(module("function"), "output", "alarm_arns").attribute("value"))
                .contains("[for alarm in values(aws_cloudwatch_metric_alarm.this) : alarm.arn]");
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
            var allowed = match.group(1).equalsIgnoreCase("outcome") ? outcomes : events;
            if (!allowed.contains(match.group(2))) {
                problems.add(match.group(1) + " = \"" + match.group(2) + "\" is not a value the code emits");
            }
        });

        var metricOfAlarm = Pattern.compile("local\\.metrics(\\.[a-z_]+|\\[each\\.value\\.metric\\])\\.name");
        for (var alarm : Terraform.resources(folder, "aws_cloudwatch_metric_alarm")) {
            var body = alarm.body();
            var accessor = metricOfAlarm.matcher(body.attribute("metric_name").orElse(""));
            if (!body.attribute("namespace").orElse("").equals("local.namespace") || !accessor.matches()) {
                problems.add("alarm " + alarm.label(1) + " does not read a metric of local.metrics in local.namespace");
            } else if (!body.attribute("dimensions").orElse("").contains("for dimension in local.metrics" + accessor.group(1) + ".dimensions")) {
                problems.add("alarm " + alarm.label(1) + " does not take its dimensions from local.metrics" + accessor.group(1));
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

    /** The {@code name = value} lines of one object's text, values as written. */
    private static Map<String, String> attributes(String objectText) {
        var result = new LinkedHashMap<String, String>();
        Pattern.compile("(?m)^\\s*([a-z_]+)\\s+=\\s+(.+?)\\s*$").matcher(objectText).results()
                .forEach(match -> result.putIfAbsent(match.group(1), match.group(2)));
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
