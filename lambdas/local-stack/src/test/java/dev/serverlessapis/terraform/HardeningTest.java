package dev.serverlessapis.terraform;

import static dev.serverlessapis.terraform.Terraform.environments;
import static dev.serverlessapis.terraform.Terraform.locals;
import static dev.serverlessapis.terraform.Terraform.module;
import static dev.serverlessapis.terraform.Terraform.named;
import static dev.serverlessapis.terraform.Terraform.resource;
import static dev.serverlessapis.terraform.Terraform.resources;
import static dev.serverlessapis.terraform.Terraform.tfvars;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.serverlessapis.lambdas.wiring.Configuration;
import dev.serverlessapis.local.ApiSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hardening rules, each read from the Terraform itself. Method names carry the rule id: Checkov's where one exists
 * (CKV_...), else this project's own (SA_...), listed in the README.
 */
class HardeningTest {
    private static final Path TABLE = module("table");
    private static final Path FUNCTION = module("function");
    private static final Path APPLICATION = module("application");
    private static final Path SITE = module("site");
    private static final List<String> VIEWER_CERTIFICATE = List.of("cloudfront_default_certificate", "acm_certificate_arn",
            "ssl_support_method", "minimum_protocol_version");
    private static final ApiSpec SPEC = ApiSpec.load();
    /** Tested with email-index, a global secondary index with a hash key only, which 6.29 to 6.34 at least reject. */
    private static final String PINNED_AWS_PROVIDER = "6.25.0";

    @TempDir
    Path work;

    @Test
    void CKV_AWS_28_tablesHavePointInTimeRecovery() {
        var table = resource(TABLE, "aws_dynamodb_table", "this");
        assertThat(table.block("point_in_time_recovery").attribute("enabled")).contains("true");
    }

    @Test
    void SA_TABLE_1_tablesAreEncryptedAtRestAndOnDemand() {
        var table = resource(TABLE, "aws_dynamodb_table", "this");
        assertThat(table.block("server_side_encryption").attribute("enabled")).contains("true");
        assertThat(table.attribute("billing_mode")).contains("\"PAY_PER_REQUEST\"");
    }

    @Test
    void SA_TABLE_2_tablesAreDeletionProtectedInProd() {
        assertThat(resource(TABLE, "aws_dynamodb_table", "this").attribute("deletion_protection_enabled")).contains("var.deletion_protection");
        assertThat(named(APPLICATION, "module", "table").attribute("deletion_protection")).contains("var.deletion_protection");
        for (var environment : environments()) {
            assertThat(named(environment, "module", "application").attribute("deletion_protection")).contains("var.deletion_protection");
        }
        assertThat(tfvars(Terraform.environment("prod")).attribute("deletion_protection")).contains("true");
    }

    @Test
    void CKV_AWS_50_functionsTraceWithXRay() {
        var function = resource(FUNCTION, "aws_lambda_function", "this");
        assertThat(function.block("tracing_config").attribute("mode")).contains("\"Active\"");
        assertThat(Terraform.data(FUNCTION, "aws_iam_policy_document", "permissions").blocks("statement"))
                .anyMatch(statement -> statement.body().attribute("actions").equals(java.util.Optional.of("[\"xray:PutTraceSegments\", \"xray:PutTelemetryRecords\"]")));
    }

    @Test
    void CKV_AWS_115_prodReservesConcurrencyWhileDevLeavesItUnreservedForANewAccountsLimitOfTen() {
        assertThat(resource(FUNCTION, "aws_lambda_function", "this").attribute("reserved_concurrent_executions"))
                .as("null becomes -1, the provider's value for no reservation").contains("coalesce(var.reserved_concurrency, -1)");
        for (var folder : java.util.List.of(FUNCTION, APPLICATION, Terraform.environment("dev"), Terraform.environment("prod"))) {
            assertThat(named(folder, "variable", "reserved_concurrency").attribute("default")).as(folder.toString()).contains("null");
        }
        assertThat(named(FUNCTION, "variable", "reserved_concurrency").block("validation").attribute("condition"))
                .contains("var.reserved_concurrency == null ? true : var.reserved_concurrency >= 1");
        assertThat(tfvars(Terraform.environment("dev")).attribute("reserved_concurrency"))
                .as("a new account (limit 10) refuses any reservation").isEmpty();
        assertThat(number(tfvars(Terraform.environment("prod")), "reserved_concurrency")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void SA_FUNCTION_1_timeoutsStayUnderApiGatewaysTwentyNineSeconds() {
        assertThat(resource(FUNCTION, "aws_lambda_function", "this").attribute("timeout")).contains("var.timeout");
        assertThat(named(FUNCTION, "variable", "timeout").block("validation").attribute("condition").orElseThrow())
                .contains("var.timeout < 29");
        assertThat(number(named(APPLICATION, "variable", "function_timeout"), "default")).isLessThan(29);
        for (var environment : environments()) {
            assertThat(number(named(environment, "variable", "function_timeout"), "default")).isLessThan(29);
            tfvars(environment).attribute("function_timeout").ifPresent(timeout -> assertThat(Integer.parseInt(timeout)).isLessThan(29));
        }
    }

    @Test
    void SA_FUNCTION_2_snapStartOnPublishedVersionsServedThroughTheAlias() {
        var function = resource(FUNCTION, "aws_lambda_function", "this");
        assertThat(function.block("snap_start").attribute("apply_on")).contains("\"PublishedVersions\"");
        assertThat(function.attribute("publish")).contains("true");
        assertThat(function.attribute("runtime")).contains("\"java21\"");
        assertThat(function.block("timeouts").attribute("create")).as("a wait for ten snapshots").contains("\"20m\"");
        assertThat(function.block("timeouts").attribute("update")).contains("\"20m\"");
        assertThat(resource(FUNCTION, "aws_lambda_alias", "live").attribute("function_version")).contains("aws_lambda_function.this.version");
        assertThat(locals(APPLICATION).attribute("alias_invoke_arns").orElseThrow()).contains(":${var.alias_name}/invocations");
        assertThat(resource(APPLICATION, "aws_lambda_permission", "api").attribute("qualifier"))
                .contains("module.function[each.value.function].alias_name");
    }

    @Test
    void SA_FUNCTION_3_memoryIsSetPerEnvironment() {
        assertThat(resource(FUNCTION, "aws_lambda_function", "this").attribute("memory_size")).contains("var.memory_size");
        for (var environment : environments()) {
            assertThat(number(tfvars(environment), "memory_size")).as(environment.toString()).isBetween(512, 10240);
        }
    }

    @Test
    void CKV_AWS_76_apiStageWritesJsonAccessLogs() {
        var stage = resource(APPLICATION, "aws_api_gateway_stage", "this");
        var logs = stage.block("access_log_settings");
        assertThat(logs.attribute("destination_arn")).contains("aws_cloudwatch_log_group.api_access.arn");
        assertThat(logs.attribute("format").orElseThrow()).startsWith("jsonencode(").contains("$context.requestId");
    }

    /** A Lambda throttle and a failing function both reach clients as INTEGRATION_FAILURE; only the log tells them apart. */
    @Test
    void apiStageAccessLogsLambdasOwnAnswerToTheInvoke() {
        var format = resource(APPLICATION, "aws_api_gateway_stage", "this").block("access_log_settings").attribute("format").orElseThrow();
        assertThat(format).containsPattern("lambdaStatus\\s*=\\s*\"\\$context\\.integration\\.integrationStatus\"")
                .containsPattern("integrationError\\s*=\\s*\"\\$context\\.integration\\.error\"");
    }

    /**
     * Requests the stage's throttling limits shed are 429s inside 4XXError, which no alarm can tell from a client's
     * mistakes: the access log's gateway response type (THROTTLED) is counted by a metric filter instead, and alarmed.
     * The filter reads the field the access log writes the response type into.
     */
    @Test
    void requestsTheStageThrottlesAreCountedFromTheAccessLogAndAlarmed() {
        var format = resource(APPLICATION, "aws_api_gateway_stage", "this").block("access_log_settings").attribute("format").orElseThrow();
        var field = Pattern.compile("(\\w+)\\s*=\\s*\"\\$context\\.error\\.responseType\"").matcher(format);
        assertThat(field.find()).as("the access log writes the gateway response type").isTrue();
        var filter = resource(APPLICATION, "aws_cloudwatch_log_metric_filter", "api_throttled");
        assertThat(filter.attribute("count")).contains("var.alarms_enabled ? 1 : 0");
        assertThat(filter.attribute("log_group_name")).contains("aws_cloudwatch_log_group.api_access.name");
        assertThat(filter.attribute("pattern")).contains("\"{ $." + field.group(1) + " = \\\"THROTTLED\\\" }\"");
        var counted = filter.block("metric_transformation");
        var alarm = resource(APPLICATION, "aws_cloudwatch_metric_alarm", "api_throttled");
        assertThat(alarm.attribute("count")).contains("var.alarms_enabled ? 1 : 0");
        assertThat(counted.attribute("namespace")).isPresent();
        assertThat(alarm.attribute("namespace")).as("the filter's own metric").contains("aws_cloudwatch_log_metric_filter.api_throttled[0].metric_transformation[0].namespace");
        assertThat(alarm.attribute("metric_name")).contains("aws_cloudwatch_log_metric_filter.api_throttled[0].metric_transformation[0].name");
        assertThat(counted.attribute("name")).as("a filter takes no constant dimension: the environment is in the name").contains("\"${local.prefix}-ApiThrottled\"");
        assertThat(counted.attribute("value")).contains("\"1\"");
        assertThat(alarm.attribute("statistic")).contains("\"Sum\"");
        assertThat(alarm.attribute("alarm_actions")).contains("aws_sns_topic.alarms[*].arn");
        assertThat(Terraform.named(APPLICATION, "module", "observability").attribute("other_alarm_arns").orElseThrow())
                .as("on the dashboard's alarm widget").contains("aws_cloudwatch_metric_alarm.api_throttled[*].arn");
    }

    /** As the local stack serves them: each load revalidates, so a deploy never mixes old and new page modules. */
    @Test
    void thePagesFilesAreRevalidatedOnEveryLoad() {
        for (var object : java.util.List.of("page", "config")) {
            assertThat(resource(module("site"), "aws_s3_object", object).attribute("cache_control")).as(object).contains("\"no-cache\"");
        }
    }

    /**
     * One definition of the page's security headers for CloudFront and the local stack, whose browser tests then run
     * the page under them: the response-headers policy takes each from security-headers.json.
     */
    @Test
    void SA_SITE_1_thePagesSecurityHeadersAreTheOnesTheLocalStackSends() {
        var site = module("site");
        assertThat(locals(site).attribute("security_headers")).contains("jsondecode(file(\"${path.module}/security-headers.json\"))");
        assertThat(locals(site).attribute("content_security_policy").orElseThrow())
                .contains("coalesce(var.content_security_policy, local.security_headers.contentSecurityPolicy)");
        assertThat(named(site, "variable", "content_security_policy").attribute("default")).contains("null");
        var headers = resource(site, "aws_cloudfront_response_headers_policy", "this").block("security_headers_config");
        assertThat(headers.block("frame_options").attribute("frame_option")).contains("local.security_headers.frameOptions");
        assertThat(headers.block("referrer_policy").attribute("referrer_policy")).contains("local.security_headers.referrerPolicy");
        assertThat(headers.block("content_security_policy").attribute("content_security_policy")).contains("local.content_security_policy");
        var hsts = headers.block("strict_transport_security");
        assertThat(hsts.attribute("include_subdomains")).as("a site name at a zone's apex would make the whole zone HTTPS-only")
                .contains("false");
        assertThat(hsts.attribute("preload")).contains("false");
    }

    /** Nothing inline or evaluated, no plugins, no framing, no base or form target elsewhere; connect_sources extend connect-src. */
    @Test
    void SA_SITE_2_thePagesContentSecurityPolicyAllowsOnlyItsOwnOrigin() throws IOException {
        var definition = JsonParser.parseString(Files.readString(module("site").resolve("security-headers.json"))).getAsJsonObject();
        var directives = Arrays.stream(definition.get("contentSecurityPolicy").getAsString().split(";"))
                .map(String::strip).toList();
        assertThat(directives).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");
        assertThat(String.join(";", directives)).doesNotContain("unsafe-", "*", "http:", "https:");
        assertThat(definition.get("frameOptions").getAsString()).isEqualTo("DENY");
    }

    @Test
    void CKV_AWS_73_apiStageTracesWithXRay() {
        assertThat(resource(APPLICATION, "aws_api_gateway_stage", "this").attribute("xray_tracing_enabled")).contains("true");
    }

    @Test
    void CKV2_AWS_4_and_CKV_AWS_276_everyMethodLogsErrorsIsThrottledAndNeverTracesData() {
        var settings = resource(APPLICATION, "aws_api_gateway_method_settings", "all");
        assertThat(settings.attribute("method_path")).contains("\"*/*\"");
        var values = settings.block("settings");
        assertThat(values.attribute("data_trace_enabled")).contains("false");
        assertThat(values.attribute("logging_level")).contains("\"ERROR\"");
        assertThat(values.attribute("metrics_enabled")).contains("true");
        assertThat(values.attribute("throttling_rate_limit")).contains("var.throttling_rate_limit");
        assertThat(values.attribute("throttling_burst_limit")).contains("var.throttling_burst_limit");
        for (var environment : environments()) {
            assertThat(number(tfvars(environment), "throttling_rate_limit")).isPositive();
            assertThat(number(tfvars(environment), "throttling_burst_limit")).isPositive();
        }
    }

    @Test
    void SA_API_1_requestsAreValidated() {
        var openapi = locals(APPLICATION).attribute("openapi").orElseThrow();
        assertThat(openapi).contains("\"x-amazon-apigateway-request-validator\" = \"parameters\"")
                .contains("validateRequestParameters = true");
    }

    @Test
    void SA_API_2_signedInRoutesNeedTheCognitoAuthorizerThatAcceptsOnlyThePageClientsTokensAndNoApiKeyIsLeft() {
        var openapi = locals(APPLICATION).attribute("openapi").orElseThrow();
        assertThat(openapi).contains("\"x-amazon-apigateway-authtype\" = \"cognito_user_pools\"")
                .contains("type                         = \"cognito_user_pools\"")
                .contains("providerARNs                 = [var.user_pool_arn]")
                .contains("identityValidationExpression = \"^${var.page_client_id}$\"")
                .contains("name                           = \"Authorization\"")
                .contains("contains(local.signed_in_routes, \"${route.method} ${route.path}\")")
                .contains("\"security\" => [{ cognito = [] }]")
                .doesNotContain("api_key");
        assertThat(locals(APPLICATION).attribute("signed_in_routes")).contains(
                "[for route in local.api.routes : \"${route.method} ${route.path}\" if route.caller == \"signed-in\"]");
        assertThat(resources(APPLICATION, "aws_api_gateway_api_key")).as("admins replaced the API key").isEmpty();
        assertThat(resources(APPLICATION, "aws_api_gateway_usage_plan")).isEmpty();
        for (var folder : Terraform.configurationFolders()) {
            for (var output : Terraform.all(folder, "output")) {
                assertThat(output.body().attribute("value").orElseThrow()).as(folder + " output " + output.label(0))
                        .doesNotContain("random_password");
            }
        }
    }

    /** The body needs the page client's id, whose callback URL is the site's, whose origin is the API: put separately. */
    @Test
    void SA_API_5_theRoutesArePutIntoTheApiSeparatelySoTheApiSiteAndAppClientFormNoCycle() {
        var api = resource(APPLICATION, "aws_api_gateway_rest_api", "this");
        assertThat(api.attribute("body")).isEmpty();
        var put = resource(APPLICATION, "aws_api_gateway_rest_api_put", "this");
        assertThat(put.attribute("body")).contains("jsonencode(local.openapi)");
        assertThat(put.attribute("fail_on_warnings")).contains("true");
        assertThat(resource(APPLICATION, "aws_api_gateway_deployment", "this").attribute("triggers").orElseThrow())
                .contains("aws_api_gateway_rest_api_put.this.triggers.redeployment");
    }

    @Test
    void CKV_AWS_66_and_CKV_AWS_338_everyLogGroupHasTheEnvironmentsRetentionAYearInProd() {
        for (var folder : java.util.List.of(FUNCTION, APPLICATION)) {
            for (var group : resources(folder, "aws_cloudwatch_log_group")) {
                assertThat(group.body().attribute("retention_in_days")).as(folder + " " + group.label(1))
                        .contains("var.log_retention_days");
            }
        }
        for (var environment : environments()) {
            assertThat(number(tfvars(environment), "log_retention_days")).isPositive();
        }
        assertThat(number(tfvars(Terraform.environment("prod")), "log_retention_days")).isGreaterThanOrEqualTo(365);
    }

    @Test
    void SA_LOGS_1_eachFunctionWritesOnlyToItsOwnLogGroup() {
        var function = resource(FUNCTION, "aws_lambda_function", "this");
        assertThat(function.block("logging_config").attribute("log_group")).contains("aws_cloudwatch_log_group.logs.name");
        assertThat(resource(FUNCTION, "aws_cloudwatch_log_group", "logs").attribute("name")).contains("\"/aws/lambda/${var.name}\"");
        var statements = Terraform.data(FUNCTION, "aws_iam_policy_document", "permissions").blocks("statement");
        var logs = statements.stream().filter(statement -> statement.body().attribute("sid").equals(java.util.Optional.of("\"OwnLogGroup\""))).toList();
        assertThat(logs).singleElement().satisfies(statement -> {
            assertThat(statement.body().attribute("actions")).contains("[\"logs:CreateLogStream\", \"logs:PutLogEvents\"]");
            assertThat(statement.body().attribute("resources")).contains("[\"${aws_cloudwatch_log_group.logs.arn}:*\"]");
        });
        for (var statement : statements) {
            assertThat(statement.body().attribute("actions").orElseThrow()).doesNotContain("logs:CreateLogGroup");
            assertThat(statement.body().attribute("resources").orElseThrow()).doesNotContain("arn:aws:logs");
        }
    }

    @Test
    void SA_LOGS_2_functionsLogJsonFromTheEnvironmentsApplicationLevelAndLambdasOwnLinesFromInfo() {
        var logging = resource(FUNCTION, "aws_lambda_function", "this").block("logging_config");
        assertThat(logging.attribute("log_format")).as("Logs Insights reads every field of a JSON line").contains("\"JSON\"");
        assertThat(logging.attribute("application_log_level")).contains("var.application_log_level");
        // platform.report (memory used, billed and restore duration, a timeout's status) is INFO: WARN drops it.
        assertThat(logging.attribute("system_log_level")).contains("\"INFO\"");
        assertThat(named(APPLICATION, "module", "function").attribute("application_log_level")).contains("var.application_log_level");
        for (var environment : environments()) {
            assertThat(named(environment, "module", "application").attribute("application_log_level")).contains("var.application_log_level");
            assertThat(named(environment, "variable", "application_log_level").attribute("default")).as("chosen per environment").isEmpty();
            assertThat(tfvars(environment).attribute("application_log_level").orElseThrow()).matches("\"(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\"");
        }
        assertThat(tfvars(Terraform.environment("prod")).attribute("application_log_level"))
                .as("prod keeps every request's line, which is INFO").contains("\"INFO\"");
    }

    @Test
    void SA_ALARMS_4_everyEnvironmentHasTheDashboardOverWhatItsFunctionsPublishAndItsAlarmsNotifyTheAlarmTopic() {
        var observability = named(APPLICATION, "module", "observability");
        assertThat(observability.attribute("source")).contains("\"../observability\"");
        assertThat(observability.attribute("service")).contains("local.prefix");
        assertThat(observability.attribute("functions")).contains("keys(local.functions)");
        assertThat(observability.attribute("log_group_names")).contains("[for function in module.function : function.log_group_name]");
        assertThat(observability.attribute("alarms_enabled")).contains("var.alarms_enabled");
        assertThat(observability.attribute("alarm_topic_arn")).as("the topic the application's other alarms notify")
                .contains("one(aws_sns_topic.alarms[*].arn)");
        assertThat(resource(APPLICATION, "aws_cloudwatch_metric_alarm", "api_5xx_rate").attribute("alarm_actions"))
                .contains("aws_sns_topic.alarms[*].arn");
        // The map's first key is computed, (local.tables[...].nameVariable), which the reader does not parse: read its line.
        assertThat(named(APPLICATION, "module", "function").attribute("environment").orElseThrow())
                .as("the functions publish under the dashboard's Service")
                .containsPattern("(?m)^\\s*" + Configuration.METRICS_SERVICE + "\\s*=\\s*local\\.prefix\\s*$");
    }

    @Test
    void CKV_AWS_364_lambdaPermissionsAreScopedToTheApiStageMethodAndRoute() {
        var permission = resource(APPLICATION, "aws_lambda_permission", "api");
        assertThat(permission.attribute("principal")).contains("\"apigateway.amazonaws.com\"");
        assertThat(permission.attribute("source_arn")).contains(
                "\"${aws_api_gateway_rest_api.this.execution_arn}/${aws_api_gateway_stage.this.stage_name}/${each.value.method}/"
                        + "${replace(trimprefix(each.value.path, \"/\"), \"/\\\\{[^}]+\\\\}/\", \"*\")}\"");
    }

    @Test
    void SA_ALARMS_1_prodAlarmsOnFunctionErrorsThrottlesAndTheApis5xxRate() {
        assertThat(tfvars(Terraform.environment("prod")).attribute("alarms_enabled")).contains("true");
        var functionAlarms = Terraform.locals(FUNCTION).attribute("alarms").orElseThrow();
        assertThat(functionAlarms).startsWith("var.alarms_enabled ?").contains("metric = \"Errors\"").contains("metric = \"Throttles\"");
        assertThat(resource(FUNCTION, "aws_cloudwatch_metric_alarm", "this").attribute("for_each")).contains("local.alarms");
        var api = resource(APPLICATION, "aws_cloudwatch_metric_alarm", "api_5xx_rate");
        assertThat(api.attribute("count")).contains("var.alarms_enabled ? 1 : 0");
        // 5XXError is 1 or 0 per request: its Sum counts the 5xx answers, its SampleCount the requests.
        var queries = new LinkedHashMap<String, Hcl.Body>();
        for (var query : api.blocks("metric_query")) {
            queries.put(query.body().attribute("id").orElseThrow(), query.body());
        }
        assertThat(queries).containsOnlyKeys("\"rate\"", "\"errors\"", "\"requests\"");
        for (var stat : Map.of("\"errors\"", "\"Sum\"", "\"requests\"", "\"SampleCount\"").entrySet()) {
            var metric = queries.get(stat.getKey()).block("metric");
            assertThat(metric.attribute("metric_name")).contains("\"5XXError\"");
            assertThat(metric.attribute("namespace")).contains("\"AWS/ApiGateway\"");
            assertThat(metric.attribute("stat")).as(stat.getKey()).contains(stat.getValue());
            assertThat(queries.get(stat.getKey()).attribute("return_data")).contains("false");
        }
        // What the expression makes of a period's requests and 5xx answers, evaluated: ApiErrorRateAlarmTest.
        assertThat(named(APPLICATION, "variable", "api_5xx_quiet_errors").attribute("default")).contains("5");
        assertThat(queries.get("\"rate\"").attribute("return_data")).contains("true");
        assertThat(api.attribute("metric_name")).as("a metric_query alarm names no metric of its own").isEmpty();
    }

    /**
     * CloudFront publishes its metrics in us-east-1 alone, and an alarm may notify only a topic of its own region: the
     * site's alarm is in us-east-1 and, outside it, so are its topic (under a key of its own, as the other topic) and
     * the same addresses' subscriptions; in us-east-1 it notifies the application's topic.
     */
    @Test
    void SA_ALARMS_5_theSites5xxShareAlarmsInUsEast1OnATopicOfThatRegion(@TempDir Path work) throws Exception {
        assertThat(locals(APPLICATION).attribute("cloudfront_metrics_region")).contains("\"us-east-1\"");
        var alarm = resource(APPLICATION, "aws_cloudwatch_metric_alarm", "site_5xx_rate");
        assertThat(alarm.attribute("count")).contains("local.site_alarm ? 1 : 0");
        assertThat(alarm.attribute("ok_actions")).isEqualTo(alarm.attribute("alarm_actions"));
        assertThat(alarm.attribute("treat_missing_data")).contains("\"notBreaching\"");
        for (var regional : List.of(alarm, resource(APPLICATION, "aws_kms_key", "site_alarms"), resource(APPLICATION, "aws_kms_alias", "site_alarms"),
                resource(APPLICATION, "aws_sns_topic", "site_alarms"), resource(APPLICATION, "aws_sns_topic_subscription", "site_alarm_emails"))) {
            assertThat(regional.attribute("region")).contains("local.cloudfront_metrics_region");
        }
        var queries = new LinkedHashMap<String, Hcl.Body>();
        for (var query : alarm.blocks("metric_query")) {
            queries.put(query.body().attribute("id").orElseThrow(), query.body());
        }
        assertThat(queries).containsOnlyKeys("\"rate\"", "\"percent\"", "\"requests\"");
        // Each CloudFront metric takes one statistic: Average for a rate, Sum for Requests (CloudFront's developer guide).
        for (var metric : Map.of("\"percent\"", List.of("\"5xxErrorRate\"", "\"Average\""), "\"requests\"", List.of("\"Requests\"", "\"Sum\"")).entrySet()) {
            var read = queries.get(metric.getKey()).block("metric");
            assertThat(read.attribute("namespace")).contains("\"AWS/CloudFront\"");
            assertThat(read.attribute("metric_name")).contains(metric.getValue().get(0));
            assertThat(read.attribute("stat")).contains(metric.getValue().get(1));
            assertThat(read.attribute("dimensions")).contains("{ DistributionId = module.site.distribution_id, Region = \"Global\" }");
        }
        assertThat(queries.get("\"rate\"").attribute("expression")).contains("\"IF(requests >= ${var.api_5xx_rate_min_requests}, percent / 100, "
                + "IF(requests * percent / 100 >= ${var.api_5xx_quiet_errors}, 1, 0))\"");
        assertThat(resource(APPLICATION, "aws_sns_topic", "site_alarms").attribute("kms_master_key_id")).contains("aws_kms_key.site_alarms[0].arn");
        var key = resource(APPLICATION, "aws_kms_key", "site_alarms");
        assertThat(key.attribute("policy")).as("the policy that lets CloudWatch publish").contains("data.aws_iam_policy_document.alarm_key.json");
        assertThat(key.attribute("enable_key_rotation")).contains("true");
        assertThat(resource(APPLICATION, "aws_sns_topic_subscription", "site_alarm_emails").attribute("for_each"))
                .contains("local.site_alarm_topic_of_its_own ? toset(var.alarm_emails) : toset([])");
        for (var environment : environments()) {
            assertThat(named(environment, "module", "application").attribute("site_alarms_enabled")).contains("var.site_alarms_enabled");
        }

        TerraformCli.assumeInstalled("which topic the site's alarm notifies in each region is not evaluated here");
        var expression = "{ alarm = local.site_alarm, own_topic = local.site_alarm_topic_of_its_own, actions = "
                + alarm.attribute("alarm_actions").orElseThrow() + " }";
        assertThat(siteAlarm(work, "eu-west-1", "true", "true", expression)).isEqualTo(JsonParser.parseString(
                "{\"alarm\": true, \"own_topic\": true, \"actions\": [\"arn:aws:sns:us-east-1:123456789012:site\"]}"));
        assertThat(siteAlarm(work, "us-east-1", "true", "true", expression)).isEqualTo(JsonParser.parseString(
                "{\"alarm\": true, \"own_topic\": false, \"actions\": [\"arn:aws:sns:us-east-1:123456789012:application\"]}"));
        assertThat(siteAlarm(work, "eu-west-1", "true", "false", expression).getAsJsonObject().get("alarm").getAsBoolean()).isFalse();
        assertThat(siteAlarm(work, "eu-west-1", "true", "false", expression).getAsJsonObject().get("own_topic").getAsBoolean()).isFalse();
        assertThat(siteAlarm(work, "eu-west-1", "false", "true", expression).getAsJsonObject().get("alarm").getAsBoolean()).isFalse();
    }

    /** The expression over the application's locals, in this home region, the topics' arns stubbed as the apply would give them. */
    private static JsonElement siteAlarm(Path work, String region, String alarmsEnabled, String siteAlarmsEnabled, String expression)
            throws IOException, InterruptedException {
        var stubs = new LinkedHashMap<String, String>();
        stubs.put("aws_sns_topic.site_alarms[*].arn", "(local.site_alarm_topic_of_its_own ? [\"arn:aws:sns:us-east-1:123456789012:site\"] : [])");
        stubs.put("aws_sns_topic.alarms[*].arn", "(var.alarms_enabled ? [\"arn:aws:sns:" + region + ":123456789012:application\"] : [])");
        stubs.put("data.aws_region.current.region", "\"" + region + "\"");
        stubs.put("data.aws_partition.current.partition", "\"aws\"");
        stubs.put("data.aws_caller_identity.current.account_id", "\"123456789012\"");
        stubs.put("${path.module}", APPLICATION.toString());
        var variables = new LinkedHashMap<>(TerraformCli.APPLICATION_REQUIRED);
        variables.put("alarms_enabled", alarmsEnabled);
        variables.put("site_alarms_enabled", siteAlarmsEnabled);
        variables.put("alarm_emails", "[\"ops@example.com\"]");
        return TerraformCli.evaluate(work, APPLICATION, stubs, variables, expression);
    }

    @Test
    void SA_ALARMS_2_theAlarmTopicIsEncryptedWithAKeyWhosePolicyLetsCloudWatchPublish() {
        assertThat(resource(APPLICATION, "aws_sns_topic", "alarms").attribute("kms_master_key_id"))
                .as("alias/aws/sns does not let CloudWatch use it, so alarms would never arrive").contains("aws_kms_key.alarms[0].arn");
        var key = resource(APPLICATION, "aws_kms_key", "alarms");
        assertThat(key.attribute("policy")).contains("data.aws_iam_policy_document.alarm_key.json");
        assertThat(key.attribute("enable_key_rotation")).contains("true");
        assertThat(key.attribute("count")).contains("var.alarms_enabled ? 1 : 0");
        var cloudWatch = Terraform.data(APPLICATION, "aws_iam_policy_document", "alarm_key").blocks("statement").stream()
                .filter(statement -> statement.body().blocks("principals").stream()
                        .anyMatch(principal -> principal.body().attribute("identifiers").orElseThrow().equals("[\"cloudwatch.amazonaws.com\"]")))
                .toList();
        assertThat(cloudWatch).singleElement().satisfies(statement -> {
            assertThat(statement.body().attribute("actions")).contains("[\"kms:Decrypt\", \"kms:GenerateDataKey*\"]");
            assertThat(statement.body().attribute("effect")).as("Allow, the default").isEmpty();
        });
        for (var folder : Terraform.configurationFolders()) {
            for (var topic : resources(folder, "aws_sns_topic")) {
                assertThat(topic.body().attribute("kms_master_key_id").orElse("")).as(folder + " " + topic.label(1)).doesNotContain("alias/aws/");
            }
        }
    }

    @Test
    void SA_ALARMS_3_alarmsCannotBeTurnedOnWithoutAnAddressToNotify() {
        var conditions = named(APPLICATION, "variable", "alarm_emails").blocks("validation").stream()
                .map(validation -> validation.body().attribute("condition").orElseThrow()).toList();
        assertThat(conditions).contains("!var.alarms_enabled || length(var.alarm_emails) > 0");
        assertThat(resource(APPLICATION, "aws_sns_topic_subscription", "alarm_emails").attribute("protocol")).contains("\"email\"");
        // VariableValidationTest has terraform itself refuse alarms_enabled = true with no address.
    }

    @Test
    void SA_ACCOUNT_1_accountWideSettingsLiveInTheirOwnRootSoDestroyingAnEnvironmentKeepsThem() {
        for (var folder : Terraform.configurationFolders()) {
            if (!folder.equals(Terraform.account())) {
                assertThat(resources(folder, "aws_api_gateway_account")).as(folder.toString()).isEmpty();
                assertThat(Terraform.all(folder, "variable")).as(folder.toString())
                        .noneMatch(variable -> variable.label(0).equals("manage_api_gateway_account"));
            }
        }
        assertThat(resource(Terraform.account(), "aws_api_gateway_account", "this").attribute("cloudwatch_role_arn"))
                .contains("aws_iam_role.api_gateway_logs.arn");
        assertThat(resource(Terraform.account(), "aws_iam_role_policy_attachment", "api_gateway_logs").attribute("policy_arn").orElseThrow())
                .endsWith(":iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs\"");
        // A state that still holds them from before forgets them rather than destroying (and so resetting) them.
        var forgotten = Terraform.all(APPLICATION, "removed").stream()
                .filter(removed -> removed.body().block("lifecycle").attribute("destroy").equals(java.util.Optional.of("false")))
                .map(removed -> removed.body().attribute("from").orElseThrow()).toList();
        assertThat(forgotten).containsExactlyInAnyOrder("aws_api_gateway_account.this", "aws_iam_role.api_gateway_logs",
                "aws_iam_role_policy_attachment.api_gateway_logs");
    }

    @Test
    void SA_API_3_apiGatewaysOwnErrorsCarryCorsHeadersSoAnAllowedPageCanReadThem() {
        var headers = locals(APPLICATION).attribute("gateway_response_headers").orElseThrow();
        // The rendered body is checked value by value where a terraform binary is (OpenApiBodyTest); this holds without one.
        assertThat(headers).containsPattern("\"gatewayresponse.header.Access-Control-Allow-Origin\"\\s+= \"method.request.header.Origin\"")
                .containsPattern("\"gatewayresponse.header.Vary\"\\s+= \"'Origin'\"")
                .containsPattern("\"gatewayresponse.header.Content-Type\"\\s+= \"'application/problem\\+json'\"")
                .containsPattern("\"gatewayresponse.header.X-Content-Type-Options\"\\s+= \"'nosniff'\"")
                .doesNotContain("Access-Control-Allow-Credentials");
        var openapi = locals(APPLICATION).attribute("openapi").orElseThrow();
        var gatewayResponses = openapi.substring(openapi.indexOf("\"x-amazon-apigateway-gateway-responses\""), openapi.indexOf("components = {"));
        assertThat(gatewayResponses.split("responseParameters").length - 1).as("both groups of gateway responses").isEqualTo(2);
        assertThat(gatewayResponses).contains("responseParameters = merge(local.gateway_response_headers, response.headers)")
                .contains("responseParameters = local.gateway_response_headers");
        assertThat(gatewayResponses).contains("for type in [\"DEFAULT_4XX\", \"DEFAULT_5XX\"]");
        var specific = locals(APPLICATION).attribute("gateway_responses").orElseThrow();
        var types = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)\\s*=\\s*\\{").matcher(specific).results().map(type -> type.group(1)).toList();
        assertThat(types).containsExactlyInAnyOrder("MISSING_AUTHENTICATION_TOKEN", "RESOURCE_NOT_FOUND", "UNAUTHORIZED", "ACCESS_DENIED", "THROTTLED",
                "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "UNSUPPORTED_MEDIA_TYPE", "WAF_FILTERED");
        assertThat(types).as("API Gateway's developer guide (known issues): the 413 REQUEST_TOO_LARGE default gateway response cannot be"
                + " customised; API Gateway accepts the setting and ignores it, so configuring it would promise a body and CORS headers"
                + " that a request over 10 MB never gets").doesNotContain("REQUEST_TOO_LARGE");
        assertThat(specific).containsPattern("UNAUTHORIZED\\s+= \\{ status = 401")
                .contains("headers = { \"gatewayresponse.header.WWW-Authenticate\" = \"'Bearer'\" }")
                .containsPattern("ACCESS_DENIED\\s+= \\{ status = 403");
    }

    @Test
    void SA_API_4_theStageStaysReachableOnItsExecuteApiHostWhichIsCloudFrontsOrigin() {
        assertThat(resource(APPLICATION, "aws_api_gateway_rest_api", "this").attribute("disable_execute_api_endpoint"))
                .as("CloudFront forwards the API paths to the execute-api host; README, 'Hardening', says why it stays open").isEmpty();
        assertThat(named(APPLICATION, "module", "site").attribute("api_domain_name").orElseThrow())
                .startsWith("\"${aws_api_gateway_rest_api.this.id}.execute-api.");
    }

    @Test
    void SA_TLS_1_onItsOwnDomainNamesAndTheirCertificateThePageNeedsTls12() throws Exception {
        TerraformCli.assumeInstalled("the site's viewer certificate is not evaluated here");
        var distribution = resource(SITE, "aws_cloudfront_distribution", "this");
        assertThat(distribution.attribute("aliases")).contains("var.domain_names");
        var certificate = distribution.block("viewer_certificate");
        assertThat(certificate.attributes().keySet()).containsExactlyInAnyOrderElementsOf(VIEWER_CERTIFICATE);
        for (var argument : VIEWER_CERTIFICATE) {
            assertThat(certificate.attribute(argument)).as(argument).contains("local.viewer_certificate." + argument);
        }
        var arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";
        var own = viewerCertificate(Map.of("domain_names", "[\"chirps.example.com\"]", "certificate_arn", "\"" + arn + "\""));
        assertThat(own.get("minimum_protocol_version").getAsString()).isEqualTo("TLSv1.2_2021");
        assertThat(own.get("ssl_support_method").getAsString()).isEqualTo("sni-only");
        assertThat(own.get("acm_certificate_arn").getAsString()).isEqualTo(arn);
        assertThat(own.get("cloudfront_default_certificate").getAsBoolean()).isFalse();
        // Without them, CloudFront's default certificate, which takes TLSv1 alone (any other value would be a
        // difference at every plan): the module's README says so, and how to leave it.
        var fallback = viewerCertificate(Map.of());
        assertThat(fallback.get("cloudfront_default_certificate").getAsBoolean()).isTrue();
        assertThat(fallback.get("minimum_protocol_version").getAsString()).isEqualTo("TLSv1");
        assertThat(fallback.get("acm_certificate_arn").isJsonNull()).isTrue();
        assertThat(fallback.get("ssl_support_method").isJsonNull()).isTrue();
    }

    @Test
    void SA_TLS_2_theApisCustomDomainIsRegionalOnItsRegionsCertificateAndHasTheSecurityPolicyTls12() {
        var domain = resource(APPLICATION, "aws_api_gateway_domain_name", "this");
        assertThat(domain.attribute("count")).contains("var.api_custom_domain_name == null ? 0 : 1");
        assertThat(domain.attribute("security_policy")).contains("\"TLS_1_2\"");
        assertThat(domain.block("endpoint_configuration").attribute("types")).contains("[\"REGIONAL\"]");
        assertThat(domain.attribute("regional_certificate_arn")).contains("var.api_certificate_arn");
        assertThat(domain.attributes()).as("an edge certificate, or mutual TLS's ownership certificate, would be another setup")
                .doesNotContainKeys("certificate_arn", "ownership_verification_certificate_arn");
        assertThat(domain.block("lifecycle").block("precondition").attribute("condition"))
                .contains("split(\":\", var.api_certificate_arn)[3] == local.region");
        var mapping = resource(APPLICATION, "aws_api_gateway_base_path_mapping", "this");
        assertThat(mapping.attribute("count")).contains("length(aws_api_gateway_domain_name.this)");
        assertThat(mapping.attribute("domain_name")).contains("aws_api_gateway_domain_name.this[0].domain_name");
        assertThat(mapping.attribute("stage_name")).as("read from the stage, so the mapping waits for it").contains("aws_api_gateway_stage.this.stage_name");
        assertThat(mapping.attribute("base_path")).as("the stage at the domain's root").isEmpty();
    }

    /** A regional custom domain takes its certificate from its own region: plan stops on any other, before AWS does. */
    @Test
    void SA_TLS_2_theApisCustomDomainRefusesACertificateOfAnotherRegion() throws Exception {
        TerraformCli.assumeInstalled("the API certificate's region precondition is not evaluated here");
        var precondition = resource(APPLICATION, "aws_api_gateway_domain_name", "this").block("lifecycle").block("precondition");
        var condition = precondition.attribute("condition").orElseThrow();
        // The API in eu-west-1: the data sources the application's locals read, stood in for.
        var stubs = Map.of("data.aws_region.current.region", "\"eu-west-1\"", "data.aws_partition.current.partition", "\"aws\"",
                "data.aws_caller_identity.current.account_id", "\"123456789012\"", "${path.module}", APPLICATION.toString());
        for (var region : List.of("eu-west-1", "us-east-1", "eu-central-1")) {
            var variables = new LinkedHashMap<>(TerraformCli.APPLICATION_REQUIRED);
            variables.put("api_custom_domain_name", "\"api.example.com\"");
            variables.put("api_certificate_arn", "\"arn:aws:acm:" + region + ":123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666\"");
            var holds = TerraformCli.evaluate(work, APPLICATION, stubs, variables, condition).getAsBoolean();
            assertThat(holds).as("a certificate of " + region + " for the API in eu-west-1").isEqualTo(region.equals("eu-west-1"));
        }
        assertThat(precondition.attribute("error_message")).as("the refusal names the region to use")
                .contains("\"api_certificate_arn must be a certificate of the API's own region, ${local.region}: a regional custom domain takes its certificate from no other.\"");
    }

    @Test
    void SA_NAMES_1_everyNameBuiltFromProjectAndEnvironmentFitsItsAwsLimit() {
        var prefixLimit = Pattern.compile("length\\(\"\\$\\{var.project}-\\$\\{var.environment}\"\\) <= (\\d+)");
        var limit = named(APPLICATION, "variable", "environment").blocks("validation").stream()
                .map(validation -> prefixLimit.matcher(validation.body().attribute("condition").orElseThrow()))
                .filter(java.util.regex.Matcher::matches).map(matcher -> Integer.parseInt(matcher.group(1)))
                .findFirst().orElseThrow(() -> new AssertionError("environment has no validation of the prefix's length"));
        // S3 bucket_prefix takes at most 37 characters (Terraform appends 26 of its own up to the 63 of a bucket name).
        assertThat(limit + "-site-".length()).as("the site's bucket prefix").isLessThanOrEqualTo(37);
        var siteName = named(module("site"), "variable", "name").block("validation").attribute("condition").orElseThrow();
        assertThat(siteName).as("the site accepts every prefix the application allows").contains("{0," + (limit - 1) + "}");
        var longestFunction = SPEC.functions().stream().mapToInt(function -> function.name().length()).max().orElseThrow();
        assertThat(limit + 1 + longestFunction).as("function and role names (64 at most)").isLessThanOrEqualTo(64);
        var longestTable = SPEC.tables().stream().mapToInt(table -> table.name().length()).max().orElseThrow();
        assertThat(limit + 1 + longestTable).as("table names (255 at most)").isLessThanOrEqualTo(255);
    }

    @Test
    void SA_PARTITION_1_hostNamesTakeTheirSuffixFromThePartitionNotAHardCodedAmazonawsCom() throws Exception {
        var builtHost = Pattern.compile("\"[^\"]*\\$\\{[^\"]*\\.amazonaws\\.com[^\"]*\"");
        for (var folder : Terraform.configurationFolders()) {
            try (var files = java.nio.file.Files.list(folder)) {
                for (var file : files.filter(file -> file.toString().endsWith(".tf")).toList()) {
                    assertThat(builtHost.matcher(Terraform.read(file)).find()).as(file + " builds a host name on a fixed amazonaws.com").isFalse();
                }
            }
        }
        assertThat(named(APPLICATION, "module", "site").attribute("api_domain_name").orElseThrow())
                .contains("${data.aws_partition.current.dns_suffix}");
    }

    @Test
    void SA_STYLE_3_policiesAreWrittenOneWayAsPolicyDocumentsAndEachModulesSingleRoleIsNamedThis() {
        for (var folder : Terraform.configurationFolders()) {
            for (var block : Terraform.blocks(folder)) {
                for (var attribute : java.util.List.of("policy", "assume_role_policy")) {
                    block.body().attribute(attribute).ifPresent(value -> assertThat(value).as(folder + " " + block.labels() + " " + attribute)
                            .matches("data\\.aws_iam_policy_document\\.[a-z_]+\\.json"));
                }
            }
            var roles = resources(folder, "aws_iam_role");
            if (roles.size() == 1 && folder.getParent().getFileName().toString().equals("modules")) {
                assertThat(roles.getFirst().label(1)).as(folder.toString()).isEqualTo("this");
            }
        }
        assertThat(resource(FUNCTION, "aws_iam_role", "this").attribute("assume_role_policy")).contains("data.aws_iam_policy_document.assume_role.json");
    }

    @Test
    void SA_STYLE_4_everyModuleHasAReadmeWithAUsageExampleAndARowPerInputAndOutput() {
        for (var module : java.util.List.of("table", "function", "site", "application")) {
            var folder = module(module);
            var readme = Terraform.read(folder.resolve("README.md"));
            assertThat(readme).as(module).startsWith("# " + module + "\n").contains("## Usage").contains("module \"" + module + "\" {")
                    .contains("## Inputs").contains("## Outputs");
            var rows = readme.lines().filter(line -> line.startsWith("| `")).toList();
            for (var variable : Terraform.all(folder, "variable")) {
                var name = variable.label(0);
                var row = rows.stream().filter(line -> line.startsWith("| `" + name + "` |")).findFirst();
                assertThat(row).as(module + " README input " + name).isPresent();
                assertThat(row.orElseThrow().endsWith("| required |")).as(module + " README: is " + name + " required?")
                        .isEqualTo(variable.body().attribute("default").isEmpty());
            }
            for (var output : Terraform.all(folder, "output")) {
                assertThat(rows).as(module + " README output " + output.label(0)).anyMatch(line -> line.startsWith("| `" + output.label(0) + "` |"));
            }
            var documented = Terraform.all(folder, "variable").size() + Terraform.all(folder, "output").size();
            assertThat(rows).as(module + ": no row for an input or output that is gone").hasSize(documented);
        }
    }

    @Test
    void SA_STATE_1_eachRootHasItsOwnLockedStateAndPinnedVersions() {
        for (var root : Terraform.roots()) {
            var terraform = Terraform.all(root, "terraform").getFirst().body();
            var backend = terraform.blocks("backend").getFirst();
            assertThat(backend.label(0)).isEqualTo("s3");
            assertThat(backend.body().attribute("use_lockfile")).contains("true");
            assertThat(backend.body().attribute("key")).contains("\"serverless-apis/" + root.getFileName() + "/terraform.tfstate\"");
            assertThat(terraform.attribute("required_version")).contains("\">= 1.10\"");
        }
    }

    @Test
    void SA_STATE_2_everyRootPinsTheExactAwsProviderThatTfchecksSchemaDescribes() {
        for (var root : Terraform.roots()) {
            var providers = Terraform.all(root, "terraform").getFirst().body().block("required_providers");
            assertThat(providers.attribute("aws").orElseThrow()).as(root.toString())
                    .contains("\"hashicorp/aws\"").contains("version = \"" + PINNED_AWS_PROVIDER + "\"");
            providers.attributes().forEach((provider, requirement) -> assertThat(requirement).as(root + " " + provider)
                    .containsPattern("version = \"\\d+\\.\\d+\\.\\d+\""));
        }
        // The modules accept the pinned version: a floor within the same major version.
        for (var module : java.util.List.of(TABLE, FUNCTION, APPLICATION)) {
            assertThat(Terraform.all(module, "terraform").getFirst().body().block("required_providers").attribute("aws").orElseThrow())
                    .as(module.toString()).contains("\"~> 6.25\"");
        }
        var schema = Terraform.ROOT.getParent().getParent().resolve("shared/tools/tfcheck/aws-provider.schema.json");
        if (java.nio.file.Files.exists(schema)) {
            assertThat(Terraform.read(schema)).as("tfcheck checks against the provider the roots pin")
                    .contains("\"version\":\"" + PINNED_AWS_PROVIDER + "\"");
        }
    }

    @Test
    void SA_STYLE_1_everyVariableIsTypedAndDescribedEveryOutputDescribedAndTfvarsOnlyInRoots() throws Exception {
        for (var folder : Terraform.configurationFolders()) {
            for (var file : java.util.List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
                assertThat(folder.resolve(file)).as("HashiCorp layout").exists();
            }
            for (var variable : Terraform.all(folder, "variable")) {
                assertThat(variable.body().attributes()).as(folder + " variable " + variable.label(0)).containsKeys("type", "description");
            }
            for (var output : Terraform.all(folder, "output")) {
                assertThat(output.body().attributes()).as(folder + " output " + output.label(0)).containsKey("description");
            }
            assertThat(folder.resolve("terraform.tfvars").toFile().exists()).as(folder.toString())
                    .isEqualTo(Terraform.roots().contains(folder));
        }
    }

    @Test
    void SA_STYLE_2_environmentsDifferByVariablesOnly() {
        var first = environments().getFirst();
        for (var environment : environments()) {
            for (var file : java.util.List.of("main.tf", "variables.tf", "outputs.tf")) {
                assertThat(Terraform.read(environment.resolve(file))).as(environment + "/" + file).isEqualTo(Terraform.read(first.resolve(file)));
            }
            assertThat(tfvars(environment).attribute("environment")).contains("\"" + environment.getFileName() + "\"");
        }
    }

    /** The distribution's viewer certificate as terraform evaluates it, for these site variables. */
    private JsonObject viewerCertificate(Map<String, String> variables) throws Exception {
        var all = new LinkedHashMap<>(TerraformCli.SITE_REQUIRED);
        all.putAll(variables);
        return TerraformCli.evaluate(work, SITE, Map.of("aws_cloudfront_distribution.this.domain_name", "\"d111111abcdef8.cloudfront.net\""),
                all, "local.viewer_certificate").getAsJsonObject();
    }

    private static int number(Hcl.Body body, String attribute) {
        var value = body.attribute(attribute).orElseThrow(() -> new AssertionError("no " + attribute));
        if (!Pattern.matches("\\d+", value)) {
            throw new AssertionError(attribute + " is not a number: " + value);
        }
        return Integer.parseInt(value);
    }
}
