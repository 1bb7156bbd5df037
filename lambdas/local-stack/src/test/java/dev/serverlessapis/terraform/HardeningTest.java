package dev.serverlessapis.terraform;

import static dev.serverlessapis.terraform.Terraform.environments;
import static dev.serverlessapis.terraform.Terraform.locals;
import static dev.serverlessapis.terraform.Terraform.module;
import static dev.serverlessapis.terraform.Terraform.named;
import static dev.serverlessapis.terraform.Terraform.resource;
import static dev.serverlessapis.terraform.Terraform.resources;
import static dev.serverlessapis.terraform.Terraform.tfvars;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hardening rules, each read from the Terraform itself. Method names carry the rule id: Checkov's where one exists
 * (CKV_...), else this project's own (SA_...), listed in the README.
 */
class HardeningTest {
    private static final Path TABLE = module("table");
    private static final Path FUNCTION = module("function");
    private static final Path APPLICATION = module("application");

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
        assertThat(Terraform.read(FUNCTION.resolve("main.tf"))).contains("\"xray:PutTraceSegments\", \"xray:PutTelemetryRecords\"");
    }

    @Test
    void CKV_AWS_115_functionsHaveReservedConcurrency() {
        assertThat(resource(FUNCTION, "aws_lambda_function", "this").attribute("reserved_concurrent_executions"))
                .contains("var.reserved_concurrency");
        assertThat(named(FUNCTION, "variable", "reserved_concurrency").block("validation").attribute("condition"))
                .contains("var.reserved_concurrency >= 1");
        for (var environment : environments()) {
            assertThat(number(tfvars(environment), "reserved_concurrency")).as(environment.toString()).isGreaterThanOrEqualTo(1);
        }
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
    void SA_API_2_deleteAllUsersNeedsTheStagesApiKeyWhoseValueStaysOutOfTheRepoAndOutputs() {
        assertThat(locals(APPLICATION).attribute("api_key_routes")).contains("""
                ["DELETE /users"]""");
        assertThat(locals(APPLICATION).attribute("openapi").orElseThrow())
                .contains("\"x-amazon-apigateway-api-key-source\" = \"HEADER\"")
                .contains("contains(local.api_key_routes, \"${route.method} ${route.path}\")")
                .contains("\"security\" => [{ api_key = [] }]");
        var key = resource(APPLICATION, "aws_api_gateway_api_key", "admin");
        assertThat(key.attribute("value")).as("the key's value is generated by AWS, never written in the repo").isEmpty();
        assertThat(resource(APPLICATION, "aws_api_gateway_usage_plan_key", "admin").attribute("key_id")).contains("aws_api_gateway_api_key.admin.id");
        assertThat(resource(APPLICATION, "aws_api_gateway_usage_plan", "admin").block("api_stages").attribute("stage"))
                .contains("aws_api_gateway_stage.this.stage_name");
        for (var folder : Terraform.configurationFolders()) {
            for (var output : Terraform.all(folder, "output")) {
                assertThat(output.body().attribute("value").orElseThrow()).as(folder + " output " + output.label(0))
                        .doesNotContain("aws_api_gateway_api_key.admin.value").doesNotContain("random_password");
            }
        }
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
        var policy = resource(FUNCTION, "aws_iam_role_policy", "permissions").attribute("policy").orElseThrow();
        assertThat(policy).contains("Action   = [\"logs:CreateLogStream\", \"logs:PutLogEvents\"]")
                .contains("Resource = [\"${aws_cloudwatch_log_group.logs.arn}:*\"]")
                .doesNotContain("logs:CreateLogGroup")
                .doesNotContain("arn:aws:logs");
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
        assertThat(api.attribute("metric_name")).contains("\"5XXError\"");
        assertThat(api.attribute("statistic")).as("the average of 5XXError is the share of 5xx answers").contains("\"Average\"");
        assertThat(api.attribute("count")).contains("var.alarms_enabled ? 1 : 0");
    }

    @Test
    void SA_STATE_1_eachEnvironmentHasItsOwnLockedStateAndPinnedVersions() {
        for (var environment : environments()) {
            var terraform = Terraform.all(environment, "terraform").getFirst().body();
            var backend = terraform.blocks("backend").getFirst();
            assertThat(backend.label(0)).isEqualTo("s3");
            assertThat(backend.body().attribute("use_lockfile")).contains("true");
            assertThat(backend.body().attribute("key")).contains("\"serverless-apis/" + environment.getFileName() + "/terraform.tfstate\"");
            assertThat(terraform.attribute("required_version")).contains("\">= 1.10\"");
            assertThat(terraform.block("required_providers").attribute("aws").orElseThrow()).contains("\"hashicorp/aws\"").contains("\"~> 6.25\"");
        }
    }

    @Test
    void SA_STYLE_1_everyVariableIsTypedAndDescribedEveryOutputDescribedAndTfvarsOnlyInEnvironments() throws Exception {
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
                    .isEqualTo(folder.getParent().getFileName().toString().equals("environments"));
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

    private static int number(Hcl.Body body, String attribute) {
        var value = body.attribute(attribute).orElseThrow(() -> new AssertionError("no " + attribute));
        if (!Pattern.matches("\\d+", value)) {
            throw new AssertionError(attribute + " is not a number: " + value);
        }
        return Integer.parseInt(value);
    }
}
