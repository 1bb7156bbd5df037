package dev.serverlessapis.terraform;

import static dev.serverlessapis.terraform.TerraformCli.APPLICATION_REQUIRED;
import static dev.serverlessapis.terraform.TerraformCli.SITE_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variables' validation blocks, evaluated by terraform itself: each module's variables.tf alone (it declares no
 * resource, so no provider is needed) planned with the values a user could set. Skipped where no terraform binary
 * is on the PATH; `make validate` and tfcheck do not evaluate validations.
 */
class VariableValidationTest {
    private static final Map<String, String> FUNCTION_REQUIRED = Map.of(
            "name", "\"serverless-apis-dev-getHitCount\"", "handler", "\"a.B::handleRequest\"", "package_file", "\"functions.jar\"",
            "environment", "{}", "memory_size", "1024", "timeout", "10", "log_retention_days", "14",
            "table_arn", "\"arn:aws:dynamodb:eu-west-1:123456789012:table/t\"", "table_actions", "[\"dynamodb:GetItem\"]",
            "alarms_enabled", "false");

    @TempDir
    Path work;

    @Test
    void alarmsOnWithoutAnyAddressAreRefused() throws Exception {
        var refused = plan("application", APPLICATION_REQUIRED, Map.of("alarms_enabled", "true"));
        assertThat(refused.status()).isNotZero();
        assertThat(refused.output()).contains("alarms_enabled is true but alarm_emails is empty");
        assertThat(plan("application", APPLICATION_REQUIRED, Map.of("alarms_enabled", "true", "alarm_emails", "[\"ops@example.org\"]")).status()).isZero();
        assertThat(plan("application", APPLICATION_REQUIRED, Map.of("alarm_emails", "[\"not an address\"]")).output())
                .contains("Every entry of alarm_emails must be an email address");
    }

    @Test
    void aProjectAndEnvironmentTooLongForTheSitesBucketAreRefusedBeforeAnythingIsCreated() throws Exception {
        var longest = plan("application", APPLICATION_REQUIRED, Map.of("project", "\"" + "p".repeat(20) + "\"", "environment", "\"e" + "0".repeat(9) + "\""));
        assertThat(longest.status()).as("20 + 1 + 10 = 31 characters fit").isZero();
        var over = plan("application", APPLICATION_REQUIRED, Map.of("project", "\"" + "p".repeat(21) + "\"", "environment", "\"e" + "0".repeat(9) + "\""));
        assertThat(over.status()).as("21 + 1 + 10 = 32 characters do not").isNotZero();
        assertThat(over.output()).contains("must be at most 31 characters");
    }

    @Test
    void theApis5xxRateFloorIsAWholeNumberOfRequests() throws Exception {
        assertThat(plan("application", APPLICATION_REQUIRED, Map.of("api_5xx_rate_min_requests", "1")).status()).isZero();
        for (var refused : java.util.List.of("0", "2.5", "-20")) {
            var run = plan("application", APPLICATION_REQUIRED, Map.of("api_5xx_rate_min_requests", refused));
            assertThat(run.status()).as(refused).isNotZero();
            assertThat(run.output()).contains("A whole number of requests, at least 1.");
        }
    }

    /** Cognito refuses ID tokens that outlive the refresh token: a longer ID token lifetime needs a longer refresh one. */
    @Test
    void idTokensMayNotOutliveTheRefreshToken() throws Exception {
        var identity = Map.of("name", "\"serverless-apis-dev\"", "domain_prefix", "\"serverless-apis-dev-123456789012\"",
                "deletion_protection", "false", "mfa_required", "false", "callback_urls", "[\"https://x.example/\"]",
                "logout_urls", "[\"https://x.example/\"]");
        assertThat(plan("identity", identity, Map.of()).status()).as("the defaults, 60 and 60").isZero();
        assertThat(plan("identity", identity, Map.of("id_token_validity_minutes", "120", "refresh_token_validity_minutes", "120")).status()).isZero();
        var longer = plan("identity", identity, Map.of("id_token_validity_minutes", "120"));
        assertThat(longer.status()).isNotZero();
        assertThat(longer.output()).contains("refresh_token_validity_minutes must be at least id_token_validity_minutes");
    }

    /** A quiet-stage count the floor never lets be reached would switch that alarm off without a word. */
    @Test
    void theQuietStagesCountOf5xxIsFewerThanTheRequestFloor() throws Exception {
        assertThat(plan("application", APPLICATION_REQUIRED, Map.of("api_5xx_rate_min_requests", "20", "api_5xx_quiet_errors", "19")).status()).isZero();
        var never = plan("application", APPLICATION_REQUIRED, Map.of("api_5xx_rate_min_requests", "20", "api_5xx_quiet_errors", "20"));
        assertThat(never.status()).isNotZero();
        assertThat(never.output()).contains("api_5xx_quiet_errors must be fewer than api_5xx_rate_min_requests");
        for (var refused : java.util.List.of("0", "2.5")) {
            var run = plan("application", APPLICATION_REQUIRED, Map.of("api_5xx_quiet_errors", refused));
            assertThat(run.status()).as(refused).isNotZero();
            assertThat(run.output()).contains("A whole number of 5xx answers, at least 1.");
        }
    }

    @Test
    void theApisLatencyAllowanceIsAWholeNumberOfMilliseconds() throws Exception {
        for (var accepted : java.util.List.of("0", "1500")) {
            assertThat(plan("application", APPLICATION_REQUIRED, Map.of("api_latency_allowance_ms", accepted)).status()).as(accepted).isZero();
        }
        for (var refused : java.util.List.of("-1", "0.5")) {
            var run = plan("application", APPLICATION_REQUIRED, Map.of("api_latency_allowance_ms", refused));
            assertThat(run.status()).as(refused).isNotZero();
            assertThat(run.output()).contains("A whole number of milliseconds, 0 or more.");
        }
    }

    @Test
    void onlyCounterNamesTheApiCanAddressAreProvisionedEachOnce() throws Exception {
        assertThat(plan("application", APPLICATION_REQUIRED, Map.of("counters", "[\"cloud-resume\", \"a_b.C-9\", \"" + "x".repeat(64) + "\"]")).status()).isZero();
        for (var refused : java.util.List.of("\"cloud resume\"", "\"\"", "\"" + "x".repeat(65) + "\"", "\"caf\u00e9\"")) {
            var run = plan("application", APPLICATION_REQUIRED, Map.of("counters", "[" + refused + "]"));
            assertThat(run.status()).as(refused).isNotZero();
            assertThat(run.output()).contains("Every counter name is 1 to 64 characters");
        }
        assertThat(plan("application", APPLICATION_REQUIRED, Map.of("counters", "[\"a\", \"a\"]")).output()).contains("Each counter is listed once.");
    }

    @Test
    void reservedConcurrencyIsOptionalButNeverZero() throws Exception {
        assertThat(plan("function", FUNCTION_REQUIRED, Map.of()).status()).as("null: unreserved").isZero();
        assertThat(plan("function", FUNCTION_REQUIRED, Map.of("reserved_concurrency", "5")).status()).isZero();
        var zero = plan("function", FUNCTION_REQUIRED, Map.of("reserved_concurrency", "0"));
        assertThat(zero.status()).isNotZero();
        assertThat(zero.output()).contains("0 would disable the function");
        assertThat(plan("application", APPLICATION_REQUIRED, Map.of()).status()).as("the application passes null on").isZero();
    }

    @Test
    void theApplicationLogLevelKeepsInfoLinesSinceLambdaFilesTheLevelLessEmfMetricsAsInfo() throws Exception {
        for (var module : java.util.List.of("function", "application")) {
            var required = module.equals("function") ? FUNCTION_REQUIRED : APPLICATION_REQUIRED;
            assertThat(plan(module, required, Map.of()).status()).as(module + ": INFO by default").isZero();
            assertThat(plan(module, required, Map.of("application_log_level", "\"DEBUG\"")).status()).as(module).isZero();
            for (var level : java.util.List.of("\"VERBOSE\"", "\"WARN\"", "\"ERROR\"")) {
                var refused = plan(module, required, Map.of("application_log_level", level));
                assertThat(refused.status()).as(module + " " + level).isNotZero();
                assertThat(refused.output()).contains("application_log_level is TRACE, DEBUG or INFO");
            }
        }
    }

    @Test
    void allowedOriginsAreOriginsAsBrowsersSendThemSinceTheyAreComparedExactly() throws Exception {
        assertThat(plan("application", APPLICATION_REQUIRED, Map.of("allowed_origins",
                "[\"http://localhost:3000\", \"https://app.example.org\", \"http://127.0.0.1:3000\"]")).status()).isZero();
        for (var origin : java.util.List.of("\"https://app.example.org/\"", "\"https://app.example.org/page\"", "\"https://App.example.org\"",
                "\"app.example.org\"", "\"*\"")) {
            var refused = plan("application", APPLICATION_REQUIRED, Map.of("allowed_origins", "[" + origin + "]"));
            assertThat(refused.status()).as(origin).isNotZero();
            assertThat(refused.output()).as(origin).contains("Each of allowed_origins is an origin as a browser sends it");
        }
    }

    /** The sign-in's token endpoint is added to connect-src 'self': a policy without it would silently keep the page from signing in. */
    @Test
    void aContentSecurityPolicyOfOurOwnKeepsConnectSrcSelfForTheSignIn() throws Exception {
        var kept = plan("site", SITE_REQUIRED, Map.of("content_security_policy", "\"default-src 'self'; connect-src 'self'\""));
        assertThat(kept.status()).as(kept.output()).isZero();
        var refused = plan("site", SITE_REQUIRED, Map.of("content_security_policy", "\"default-src 'self'\""));
        assertThat(refused.status()).isNotZero();
        assertThat(refused.output()).contains("content_security_policy must hold connect-src 'self'");
    }

    /** CloudFront reads viewer certificates from us-east-1 alone, whatever region the rest is in. */
    @Test
    void theSitesCertificateIsRefusedOutsideUsEast1AndWithoutTheDomainNamesItIsFor() throws Exception {
        var names = "[\"chirps.example.com\", \"www.example.com\"]";
        assertThat(plan("site", SITE_REQUIRED, Map.of()).status()).as("neither: CloudFront's default certificate").isZero();
        assertThat(plan("site", SITE_REQUIRED, Map.of("domain_names", names, "certificate_arn", certificate("us-east-1"))).status()).isZero();
        for (var region : java.util.List.of("eu-west-1", "us-east-2", "us-west-2")) {
            var refused = plan("site", SITE_REQUIRED, Map.of("domain_names", names, "certificate_arn", certificate(region)));
            assertThat(refused.status()).as(region).isNotZero();
            assertThat(refused.output()).as(region).contains("site_certificate_arn (the site module's certificate_arn) is an ACM certificate in us-east-1");
        }
        for (var half : java.util.List.of(Map.of("domain_names", names), Map.of("certificate_arn", certificate("us-east-1")))) {
            var refused = plan("site", SITE_REQUIRED, half);
            assertThat(refused.status()).as(half.toString()).isNotZero();
            assertThat(refused.output()).as(half.toString()).contains("Set site_domain_names and site_certificate_arn (the site module's domain_names and certificate_arn) together");
        }
        for (var name : java.util.List.of("\"Chirps.example.com\"", "\"https://chirps.example.com\"", "\"*.example.com\"", "\"chirps.example.com.\"")) {
            var refused = plan("site", SITE_REQUIRED, Map.of("domain_names", "[" + name + "]", "certificate_arn", certificate("us-east-1")));
            assertThat(refused.status()).as(name).isNotZero();
            assertThat(refused.output()).as(name).contains("Each of site_domain_names (the site module's domain_names) is a lower-case host name");
        }
        var twice = plan("site", SITE_REQUIRED, Map.of("domain_names", "[\"chirps.example.com\", \"chirps.example.com\"]", "certificate_arn", certificate("us-east-1")));
        assertThat(twice.status()).isNotZero();
        assertThat(twice.output()).as("the names a user sets, and the module's").contains("Each of site_domain_names (the site module's domain_names) is listed once.");
    }

    @Test
    void theApisCustomDomainComesWithItsCertificateAndIsNoneOfTheSitesNames() throws Exception {
        var domain = Map.of("api_custom_domain_name", "\"api.example.com\"", "api_certificate_arn", certificate("eu-west-1"));
        assertThat(plan("application", APPLICATION_REQUIRED, domain).status()).isZero();
        for (var half : java.util.List.of(Map.of("api_custom_domain_name", "\"api.example.com\""), Map.of("api_certificate_arn", certificate("eu-west-1")))) {
            var refused = plan("application", APPLICATION_REQUIRED, half);
            assertThat(refused.status()).as(half.toString()).isNotZero();
            assertThat(refused.output()).as(half.toString()).contains("Set api_custom_domain_name and api_certificate_arn together");
        }
        var upperCase = plan("application", APPLICATION_REQUIRED, Map.of("api_custom_domain_name", "\"API.example.com\"", "api_certificate_arn", certificate("eu-west-1")));
        assertThat(upperCase.output()).contains("api_custom_domain_name is a lower-case host name");
        var notAcm = plan("application", APPLICATION_REQUIRED, Map.of("api_custom_domain_name", "\"api.example.com\"",
                "api_certificate_arn", "\"arn:aws:iam::123456789012:server-certificate/api\""));
        assertThat(notAcm.output()).contains("api_certificate_arn is an ACM certificate's ARN");
        var shared = new LinkedHashMap<>(domain);
        shared.put("site_domain_names", "[\"api.example.com\"]");
        shared.put("site_certificate_arn", certificate("us-east-1"));
        assertThat(plan("application", APPLICATION_REQUIRED, shared).output()).contains("api_custom_domain_name is one of site_domain_names");
    }

    private static String certificate(String region) {
        return "\"arn:aws:acm:" + region + ":123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666\"";
    }

    record Plan(int status, String output) {
    }

    /** terraform plan of the module's variables.tf alone, with these values (HCL expressions) for its variables. */
    private Plan plan(String module, Map<String, String> required, Map<String, String> values) throws IOException, InterruptedException {
        TerraformCli.assumeInstalled("validations are not evaluated here");
        var folder = Files.createTempDirectory(work, module);
        Files.copy(Terraform.module(module).resolve("variables.tf"), folder.resolve("variables.tf"));
        var all = new LinkedHashMap<>(required);
        all.putAll(values);
        TerraformCli.writeVariables(folder, all);
        TerraformCli.init(folder);
        var plan = TerraformCli.run(folder, null, "plan", "-input=false", "-no-color", "-refresh=false");
        // terraform wraps its messages at 80 columns: compare them as one line.
        return new Plan(plan.status(), plan.output().replaceAll("\\s+", " "));
    }
}
