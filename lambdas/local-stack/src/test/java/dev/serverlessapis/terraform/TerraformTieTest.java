package dev.serverlessapis.terraform;

import static dev.serverlessapis.terraform.Terraform.locals;
import static dev.serverlessapis.terraform.Terraform.module;
import static dev.serverlessapis.terraform.Terraform.named;
import static dev.serverlessapis.terraform.Terraform.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.adapters.dynamodb.DynamoDbChirps;
import dev.serverlessapis.adapters.dynamodb.DynamoDbCustomers;
import dev.serverlessapis.adapters.dynamodb.DynamoDbHitCounters;
import dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles;
import dev.serverlessapis.local.ApiSpec;
import dev.serverlessapis.local.PageSecurityHeaders;
import dev.serverlessapis.local.dynamodb.TableSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code, api.json and the Terraform agree: what Terraform deploys is what the tests ran. */
class TerraformTieTest {
    private static final ApiSpec SPEC = ApiSpec.load();
    private static final java.nio.file.Path APPLICATION = module("application");

    @TempDir
    java.nio.file.Path work;

    @Test
    void everyHandlerApiJsonNamesIsARequestHandlerOfProxyEvents() throws Exception {
        for (var function : SPEC.functions()) {
            var parts = function.handler().split("::");
            assertThat(parts).as(function.name()).hasSize(2);
            var handler = Class.forName(parts[0], false, getClass().getClassLoader());
            assertThat(RequestHandler.class).as(function.name()).isAssignableFrom(handler);
            assertThat(handler.getMethod(parts[1], APIGatewayProxyRequestEvent.class, Context.class)).isNotNull();
        }
    }

    @Test
    void theHitCounterAdapterUsesTheKeysAndTimeToLiveOfItsTableInApiJson() {
        var table = SPEC.table("hit-counters");
        assertThat(table.partitionKey().name()).isEqualTo(DynamoDbHitCounters.NAME);
        assertThat(table.sort()).isEmpty();
        assertThat(table.timeToLive()).contains(DynamoDbHitCounters.EXPIRES_AT);
        assertThat(table.seeding().orElseThrow().attributes()).containsOnlyKeys(DynamoDbHitCounters.VALUE);
    }

    @Test
    void theUserProfileAdapterUsesTheKeyAndEmailIndexOfItsTableInApiJson() {
        var table = SPEC.table("user-profiles");
        assertThat(table.partitionKey().name()).isEqualTo(DynamoDbUserProfiles.ID);
        assertThat(table.sort()).isEmpty();
        assertThat(table.indexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo(DynamoDbUserProfiles.EMAIL_INDEX);
            assertThat(index.partitionKey().name()).isEqualTo(DynamoDbUserProfiles.EMAIL);
        });
    }

    @Test
    void theChirpAdapterUsesTheKeysAndFeedIndexOfItsTableInApiJson() {
        var table = SPEC.table("chirp");
        assertThat(table.partitionKey().name()).isEqualTo(DynamoDbChirps.USER_ID);
        assertThat(table.sort()).map(TableSpec.Key::name).contains(DynamoDbChirps.TIMESTAMP);
        assertThat(table.indexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo(DynamoDbChirps.FEED_INDEX);
            assertThat(index.partitionKey().name()).isEqualTo(DynamoDbChirps.DAY);
            assertThat(index.sort()).map(TableSpec.Key::name).contains(DynamoDbChirps.TIMESTAMP);
        });
    }

    @Test
    void theCustomerAdapterUsesTheKeyOfItsTableInApiJson() {
        var table = SPEC.table("customer_ids");
        assertThat(table.partitionKey().name()).isEqualTo(DynamoDbCustomers.ID);
        assertThat(table.sort()).isEmpty();
        assertThat(table.indexes()).isEmpty();
    }

    @Test
    void everyFunctionsTableAndIndexesExistInApiJson() {
        for (var function : SPEC.functions()) {
            var table = SPEC.table(function.table());
            assertThat(function.tableActions()).as(function.name()).isNotEmpty().allMatch(action -> action.startsWith("dynamodb:"));
            if (!function.indexActions().isEmpty()) {
                assertThat(table.indexes()).as(function.name() + " acts on indexes of a table that has none").isNotEmpty();
            }
        }
        SPEC.routes().forEach(route -> assertThat(SPEC.function(route.function())).isNotNull());
    }

    @Test
    void theCountersTerraformProvisionsByDefaultAreTheOnesTheLocalStackSeeds() {
        var seeded = SPEC.tables().stream().flatMap(table -> table.seeding().stream()).toList();
        assertThat(seeded).isNotEmpty();
        for (var seed : seeded) {
            var expected = terraformList(seed.defaults());
            assertThat(named(APPLICATION, "variable", seed.variable()).attribute("default")).contains(expected);
            for (var environment : Terraform.environments()) {
                assertThat(named(environment, "variable", seed.variable()).attribute("default")).as(environment.toString()).contains(expected);
                assertThat(named(environment, "module", "application").attribute(seed.variable())).contains("var." + seed.variable());
            }
            assertThat(locals(APPLICATION).attribute("seed_variables").orElseThrow())
                    .contains(seed.variable() + " = var." + seed.variable());
        }
    }

    @Test
    void theCountersVariableAcceptsExactlyTheNamesTheDomainsCounterNameAccepts() {
        var conditions = named(APPLICATION, "variable", "counters").blocks("validation").stream()
                .map(validation -> validation.body().attribute("condition").orElseThrow()).toList();
        assertThat(conditions).contains("alltrue([for name in var.counters : can(regex(\"^"
                + dev.serverlessapis.domain.counter.CounterName.PATTERN.pattern() + "$\", name))])");
        // VariableValidationTest has terraform refuse a name outside the pattern.
    }

    @Test
    void theApplicationModuleReadsApiJsonAndBuildsTablesFunctionsRoutesAndPermissionsFromIt() {
        var locals = locals(APPLICATION);
        assertThat(locals.attribute("api")).contains("jsondecode(file(\"${path.module}/api.json\"))");
        assertThat(locals.attribute("tables")).contains("{ for table in local.api.tables : table.name => table }");
        assertThat(locals.attribute("functions")).contains("{ for function in local.api.functions : function.name => function }");
        assertThat(named(APPLICATION, "module", "table").attribute("for_each")).contains("local.tables");
        assertThat(named(APPLICATION, "module", "function").attribute("for_each")).contains("local.functions");
        assertThat(named(APPLICATION, "module", "function").attribute("handler")).contains("each.value.handler");
        assertThat(locals.attribute("paths")).contains("distinct([for route in local.api.routes : route.path])");
        assertThat(locals.attribute("fallback_function"))
                .contains("{ for path in local.paths : path => [for route in local.api.routes : route.function if route.path == path][0] }");
        assertThat(locals.attribute("openapi").orElseThrow())
                .contains("{ for route in local.api.routes : lower(route.method) => merge(")
                .contains("options                          = merge(local.operation[path], { \"x-amazon-apigateway-integration\" = local.integration[local.fallback_function[path]] })")
                .contains("\"x-amazon-apigateway-any-method\" = merge(local.operation[path], { \"x-amazon-apigateway-integration\" = local.integration[local.fallback_function[path]] })");
        // OpenApiBodyTest checks the same on the body terraform renders, where a terraform binary is installed.
        assertThat(locals.attribute("invocations").orElseThrow())
                .contains("{ for route in local.api.routes : \"${route.method} ${route.path}\"")
                .contains("{ for path, function in local.fallback_function : \"ANY ${path}\"");
        assertThat(Terraform.resource(APPLICATION, "aws_lambda_permission", "api").attribute("for_each")).contains("local.invocations");
        assertThat(Terraform.resource(APPLICATION, "aws_api_gateway_rest_api_put", "this").attribute("body")).contains("jsonencode(local.openapi)");
    }

    @Test
    void functionNamesAreProjectEnvironmentFunction() {
        assertThat(locals(APPLICATION).attribute("prefix")).contains("\"${var.project}-${var.environment}\"");
        assertThat(locals(APPLICATION).attribute("function_names"))
                .contains("{ for name, function in local.functions : name => \"${local.prefix}-${name}\" }");
        assertThat(named(APPLICATION, "module", "table").attribute("name")).contains("\"${local.prefix}-${each.key}\"");
    }

    @Test
    void eachFunctionIsToldItsTableByTheVariableApiJsonNamesAndGetsTheSettingsTheWiringReads() {
        var environment = named(APPLICATION, "module", "function").attribute("environment").orElseThrow();
        assertThat(environment)
                .contains("(local.tables[each.value.table].nameVariable) = module.table[each.value.table].name")
                .contains(dev.serverlessapis.lambdas.wiring.Configuration.ALLOWED_ORIGINS + " ")
                .contains(dev.serverlessapis.lambdas.wiring.Configuration.CURSOR_SIGNING_KEY + " ");
        var names = SPEC.tables().stream().map(TableSpec::nameVariable).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(name -> Pattern.matches("[A-Z][A-Z0-9_]*", name));
    }

    /**
     * The JVM announces each of these on standard error ("Picked up JAVA_TOOL_OPTIONS: ...") whenever it starts (a
     * version's snapshot init under SnapStart, an on-demand start), where the functions print nothing else, and the
     * java21 runtime already runs C1 only, which is what this setting used to ask. The function module passes the
     * application's map through as it is, so that map is all the functions get.
     */
    @Test
    void noFunctionIsGivenAnOptionsVariableTheJvmAnnouncesOnStandardError() {
        var environment = named(APPLICATION, "module", "function").attribute("environment").orElseThrow();
        var names = Pattern.compile("(?m)^\\s*\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*[=:]").matcher(environment).results()
                .map(match -> match.group(1)).toList();

        assertThat(names).contains(dev.serverlessapis.lambdas.wiring.Configuration.ALLOWED_ORIGINS, "METRICS_SERVICE")
                .doesNotContain("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
        assertThat(environment).doesNotContain("merge(");
        var lambda = resource(module("function"), "aws_lambda_function", "this");
        assertThat(lambda.blocks("environment")).singleElement()
                .satisfies(block -> assertThat(block.body().attribute("variables")).contains("var.environment"));
    }

    /** Who may call each route, as issue 11's table says; the domain decides admins, API Gateway only signed in or not. */
    @Test
    void apiJsonSaysEachRoutesCallerAndOnlyTheTablesRoutesNeedASignIn() {
        var signedIn = SPEC.routes().stream().filter(ApiSpec.Route::needsSignIn).map(route -> route.method() + " " + route.path()).toList();
        assertThat(signedIn).containsExactlyInAnyOrder("POST /chirp", "POST /users", "GET /users", "DELETE /users",
                "GET /users/{id}", "PUT /users/{id}", "DELETE /users/{id}", "PUT /customers");
    }

    @Test
    void eachEnvironmentCallsTheIdentityModuleAndHandsItsPoolAndPageClientToTheApplication() {
        for (var environment : Terraform.environments()) {
            var identity = named(environment, "module", "identity");
            assertThat(identity.attribute("source")).contains("\"../../modules/identity\"");
            assertThat(identity.attribute("deletion_protection")).contains("var.deletion_protection");
            // The page's redirect_uri is the root of whichever of its origins it was opened on: each is a callback.
            assertThat(identity.attribute("callback_urls"))
                    .contains("concat([for origin in module.application.site_origins : \"${origin}/\"], var.local_sign_in_urls)");
            assertThat(identity.attribute("logout_urls")).isEqualTo(identity.attribute("callback_urls"));
            var application = named(environment, "module", "application");
            assertThat(application.attribute("user_pool_arn")).contains("module.identity.user_pool_arn");
            assertThat(application.attribute("page_client_id")).contains("module.identity.page_client_id");
        }
        assertThat(Terraform.tfvars(Terraform.environment("dev")).attribute("local_sign_in_urls")).contains("[\"http://localhost:3000/\"]");
        assertThat(Terraform.tfvars(Terraform.environment("prod")).attribute("local_sign_in_urls")).isEmpty();
        assertThat(Terraform.tfvars(Terraform.environment("prod")).attribute("deletion_protection")).contains("true");
        assertThat(Terraform.tfvars(Terraform.environment("dev")).attribute("deletion_protection")).contains("false");
    }

    /**
     * The API's deployment is create_before_destroy, which Terraform forces on everything it depends on, the page's
     * CSP and config among them (through the functions' allowed origins), and those carry the login URL. Read from the
     * domain resource, the URL would make a new sign_in_domain_prefix create the new domain before the old one is
     * destroyed, which Cognito refuses: a pool has one prefix domain. Built from the prefix, it is the same URL.
     */
    @Test
    void theLoginUrlIsBuiltFromThePrefixSoANewPrefixReplacesTheDomainInTheOrderCognitoAllows(@TempDir Path work) throws Exception {
        var identity = module("identity");
        var url = named(identity, "output", "login_url").attribute("value").orElseThrow();
        assertThat(url).doesNotContain("aws_cognito_user_pool_domain");
        assertThat(resource(identity, "aws_cognito_user_pool_domain", "this").attribute("domain")).contains("var.domain_prefix");
        TerraformCli.assumeInstalled("the login URL is not evaluated here");
        var variables = Map.of("name", "\"serverless-apis-dev\"", "domain_prefix", "\"serverless-apis-dev-123456789012\"",
                "deletion_protection", "false", "callback_urls", "[\"https://d111111abcdef8.cloudfront.net/\"]",
                "logout_urls", "[\"https://d111111abcdef8.cloudfront.net/\"]");
        assertThat(TerraformCli.evaluate(work, identity, Map.of("data.aws_region.current.region", "\"eu-west-1\""), variables, url).getAsString())
                .isEqualTo("https://serverless-apis-dev-123456789012.auth.eu-west-1.amazoncognito.com");
    }

    @Test
    void thePagesConfigNamesTheSignInAndItsCspAllowsOnlyThatOriginBesidesItsOwn() {
        var site = named(module("application"), "module", "site");
        assertThat(site.attribute("page_config").orElseThrow()).contains("clientId              = var.page_client_id")
                .contains("\"${var.sign_in.login_url}/oauth2/authorize\"").contains("\"${var.sign_in.login_url}/oauth2/token\"");
        assertThat(site.attribute("connect_sources")).contains("[var.sign_in.login_url]");
    }

    /** The page's CSP as terraform makes it for CloudFront and as the local stack sends it, from one file, alike. */
    @Test
    void theLocalStackSendsThePagesContentSecurityPolicyAsTerraformMakesItForCloudFront() throws Exception {
        TerraformCli.assumeInstalled("the site's CSP is not evaluated here");
        var login = "https://serverless-apis-dev.auth.eu-west-1.amazoncognito.com";
        var variables = new java.util.LinkedHashMap<>(TerraformCli.SITE_REQUIRED);
        variables.put("connect_sources", "[\"" + login + "\"]");
        var distribution = java.util.Map.of("aws_cloudfront_distribution.this.domain_name", "\"d111111abcdef8.cloudfront.net\"");

        var onAws = TerraformCli.evaluate(work, module("site"), distribution, variables, "local.content_security_policy").getAsString();

        assertThat(onAws).contains("connect-src 'self' " + login + ";");
        assertThat(PageSecurityHeaders.allowingConnectionsTo(List.of(java.net.URI.create(login))).get("Content-Security-Policy"))
                .isEqualTo(onAws);
    }

    /**
     * On domain names of its own the page is reached under each of them and the distribution's name, and config.json
     * must work under all: its API base URL is empty (the page's own origin, see api.js), CORS allows every origin
     * the site names and each is a sign-in callback (above), the first being the site's URL.
     */
    @Test
    void onItsOwnDomainNamesThePageCallsTheApiOnTheNameItWasOpenedUnderAndCorsAllowsEach() throws Exception {
        TerraformCli.assumeInstalled("the site's origins are not evaluated here");
        var variables = new java.util.LinkedHashMap<>(TerraformCli.SITE_REQUIRED);
        variables.put("domain_names", "[\"chirps.example.com\", \"www.chirps.example.com\"]");
        variables.put("certificate_arn", "\"arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666\"");
        var site = module("site");
        var distribution = java.util.Map.of("aws_cloudfront_distribution.this.domain_name", "\"d111111abcdef8.cloudfront.net\"");
        var own = TerraformCli.evaluate(work, site, distribution, variables,
                "{ origins = local.origins, api_base_url = local.api_base_url }").getAsJsonObject();
        assertThat(own.getAsJsonArray("origins").asList().stream().map(origin -> origin.getAsString()).toList())
                .containsExactly("https://chirps.example.com", "https://www.chirps.example.com");
        assertThat(own.get("api_base_url").getAsString()).as("the page's own origin, whichever name it was opened under").isEmpty();
        var fallback = TerraformCli.evaluate(work, site, distribution, TerraformCli.SITE_REQUIRED, "local.origins").getAsJsonArray();
        assertThat(fallback.asList().stream().map(origin -> origin.getAsString()).toList()).containsExactly("https://d111111abcdef8.cloudfront.net");

        assertThat(named(site, "output", "url").attribute("value")).contains("local.origins[0]");
        assertThat(named(site, "output", "origins").attribute("value")).contains("local.origins");
        assertThat(Terraform.resource(site, "aws_s3_object", "config").attribute("content").orElseThrow()).contains("apiBaseUrl = local.api_base_url");
        assertThat(named(APPLICATION, "module", "function").attribute("environment").orElseThrow())
                .contains("concat(module.site.origins, var.allowed_origins)");
        assertThat(named(APPLICATION, "output", "site_origins").attribute("value")).contains("module.site.origins");
    }

    private static String terraformList(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
