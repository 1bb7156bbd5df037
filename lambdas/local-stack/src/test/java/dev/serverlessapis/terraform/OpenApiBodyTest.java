package dev.serverlessapis.terraform;

import static dev.serverlessapis.terraform.Terraform.module;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.serverlessapis.local.ApiSpec;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI body that {@code aws_api_gateway_rest_api_put} puts, as terraform itself renders it: the application
 * module's locals, variables and api.json in a folder of their own (no resource, so no provider), its three data
 * sources replaced by constants, and terraform console asked for the put's body and the REST API's name and
 * description, each from its own expression in the module. With {@code fail_on_warnings = true} any warning of API
 * Gateway's importer fails the apply, so the body must give it nothing to warn about. Skipped where no terraform
 * binary is on the PATH.
 */
class OpenApiBodyTest {
    private static final Path APPLICATION = module("application");
    /** The keys of a path item that API Gateway's importer makes a method of. */
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "x-amazon-apigateway-any-method");
    private static final Map<String, String> DATA_SOURCES = Map.of(
            "data.aws_region.current.region", "\"eu-west-1\"",
            "data.aws_partition.current.partition", "\"aws\"",
            "data.aws_caller_identity.current.account_id", "\"123456789012\"");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private static JsonObject rendered;

    @BeforeAll
    static void render(@TempDir Path folder) throws Exception {
        if (!TerraformCli.installed()) {
            return;
        }
        Files.copy(APPLICATION.resolve("variables.tf"), folder.resolve("variables.tf"));
        Files.copy(APPLICATION.resolve("api.json"), folder.resolve("api.json"));
        var locals = new StringBuilder("locals {\n");
        Terraform.locals(APPLICATION).attributes().forEach((name, expression) -> locals.append("  ").append(name)
                .append(" = ").append(withoutDataSources(expression)).append('\n'));
        Files.writeString(folder.resolve("locals.tf"), locals.append("}\n"));
        TerraformCli.writeVariables(folder, TerraformCli.APPLICATION_REQUIRED);
        TerraformCli.init(folder);

        var api = Terraform.resource(APPLICATION, "aws_api_gateway_rest_api", "this");
        var put = Terraform.resource(APPLICATION, "aws_api_gateway_rest_api_put", "this");
        // base64 because terraform console prints strings in HCL's quoting, which escapes "${" and "%{".
        var console = TerraformCli.run(folder, "base64encode(jsonencode({ body = " + put.attribute("body").orElseThrow()
                + ", name = " + api.attribute("name").orElseThrow() + ", description = " + api.attribute("description").orElseThrow()
                + " }))\n", "console");
        assertThat(console.status()).as(console.output()).isZero();
        var encoded = console.output().strip();
        assertThat(encoded).as(console.output()).matches("\"[A-Za-z0-9+/=]+\"");
        rendered = JsonParser.parseString(new String(Base64.getDecoder().decode(encoded.substring(1, encoded.length() - 1)),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Assumed per test, not for the class, so that without terraform each test is reported skipped, not none run. */
    @BeforeEach
    void needsTerraform() {
        TerraformCli.assumeInstalled("the rendered OpenAPI body is not checked here");
    }

    private static String withoutDataSources(String expression) {
        var stubbed = expression;
        for (var source : DATA_SOURCES.entrySet()) {
            stubbed = stubbed.replace(source.getKey(), source.getValue());
        }
        return stubbed;
    }

    private static JsonObject body() {
        return JsonParser.parseString(rendered.get("body").getAsString()).getAsJsonObject();
    }

    private static Map<String, JsonObject> operations(JsonObject pathItem) {
        var operations = new LinkedHashMap<String, JsonObject>();
        pathItem.entrySet().stream().filter(entry -> OPERATIONS.contains(entry.getKey()))
                .forEach(entry -> operations.put(entry.getKey(), entry.getValue().getAsJsonObject()));
        return operations;
    }

    /** API Gateway's importer (swagger-parser) warns "attribute paths.'/x'(get).responses is missing" without one. */
    @Test
    void everyOperationOfEveryPathHasResponsesEachWithADescription() {
        var routes = ApiSpec.load().routes();
        var paths = body().getAsJsonObject("paths");
        assertThat(paths.keySet()).containsExactlyInAnyOrderElementsOf(routes.stream().map(ApiSpec.Route::path).distinct().toList());
        var checked = 0;
        for (var path : paths.entrySet()) {
            var operations = operations(path.getValue().getAsJsonObject());
            assertThat(operations).as(path.getKey()).containsKeys("options", "x-amazon-apigateway-any-method");
            for (var operation : operations.entrySet()) {
                var where = operation.getKey() + " " + path.getKey();
                assertThat(operation.getValue().has("responses")).as(where).isTrue();
                var responses = operation.getValue().getAsJsonObject("responses");
                assertThat(responses.keySet()).as(where).isNotEmpty().allMatch(status -> status.matches("[1-5][0-9][0-9]"));
                responses.entrySet().forEach(response -> assertThat(response.getValue().getAsJsonObject().get("description").getAsString())
                        .as(where + " " + response.getKey()).isNotBlank());
                checked++;
            }
        }
        assertThat(checked).as("each route, and two fallback methods a path").isEqualTo(routes.size() + 2 * paths.size());
    }

    /** swagger-parser warns "Declared path parameter id needs to be defined as a path parameter in path or operation level". */
    @Test
    void everyOperationOfATemplatedPathDeclaresEachOfItsPathParametersAsRequired() {
        var templated = 0;
        for (var path : body().getAsJsonObject("paths").entrySet()) {
            var names = TEMPLATE.matcher(path.getKey()).results().map(match -> match.group(1)).toList();
            var pathItem = path.getValue().getAsJsonObject();
            for (var operation : operations(pathItem).entrySet()) {
                assertThat(operation.getValue().has("parameters")).as(operation.getKey() + " " + path.getKey() + " declares parameters").isTrue();
                var declared = operation.getValue().getAsJsonArray("parameters").asList().stream().map(JsonElement::getAsJsonObject)
                        .filter(parameter -> parameter.get("in").getAsString().equals("path")).toList();
                assertThat(declared).as(operation.getKey() + " " + path.getKey()).allSatisfy(parameter -> {
                    assertThat(parameter.get("required").getAsBoolean()).isTrue();
                    assertThat(parameter.getAsJsonObject("schema").get("type").getAsString()).isEqualTo("string");
                });
                assertThat(declared.stream().map(parameter -> parameter.get("name").getAsString()).toList())
                        .as(operation.getKey() + " " + path.getKey()).containsExactlyElementsOf(names);
            }
            templated += names.isEmpty() ? 0 : 1;
        }
        assertThat(templated).as("/counters/{name} and /users/{id}").isEqualTo(2);
    }

    /** Exactly api.json's signed-in routes carry the Cognito authorizer; public routes and the fallbacks (preflight, 405) none. */
    @Test
    void theSignedInRoutesOfApiJsonAndOnlyThoseNeedTheCognitoAuthorizer() {
        var paths = body().getAsJsonObject("paths");
        var signedIn = 0;
        for (var route : ApiSpec.load().routes()) {
            var operation = paths.getAsJsonObject(route.path()).getAsJsonObject(route.method().toLowerCase(java.util.Locale.ROOT));
            var where = route.method() + " " + route.path();
            if (route.needsSignIn()) {
                assertThat(operation.getAsJsonArray("security")).as(where).isNotNull();
                assertThat(operation.getAsJsonArray("security").toString()).as(where).isEqualTo("[{\"cognito\":[]}]");
                signedIn++;
            } else {
                assertThat(operation.has("security")).as(where).isFalse();
            }
        }
        assertThat(signedIn).as("POST /chirp, the six user-profile routes, PUT /customers").isEqualTo(8);
        for (var path : paths.entrySet()) {
            for (var fallback : List.of("options", "x-amazon-apigateway-any-method")) {
                assertThat(path.getValue().getAsJsonObject().getAsJsonObject(fallback).has("security")).as(fallback + " " + path.getKey()).isFalse();
            }
        }
        var cognito = body().getAsJsonObject("components").getAsJsonObject("securitySchemes").getAsJsonObject("cognito");
        assertThat(cognito.get("x-amazon-apigateway-authtype").getAsString()).isEqualTo("cognito_user_pools");
        var authorizer = cognito.getAsJsonObject("x-amazon-apigateway-authorizer");
        assertThat(authorizer.get("type").getAsString()).isEqualTo("cognito_user_pools");
        assertThat(authorizer.getAsJsonArray("providerARNs").asList()).hasSize(1);
        assertThat(authorizer.get("identityValidationExpression").getAsString()).startsWith("^").endsWith("$");
    }

    /** Overwrite mode (the put's only one) resets what the body leaves out: a description missing there is cleared on every put. */
    @Test
    void theBodysTitleAndDescriptionAreTheRestApisNameAndDescription() {
        var info = body().getAsJsonObject("info");
        assertThat(info.keySet()).contains("title", "description");
        assertThat(info.get("description").getAsString()).isEqualTo(rendered.get("description").getAsString())
                .isEqualTo("The chirps, users, hit counters and customers APIs (dev).");
        assertThat(info.get("title").getAsString()).isEqualTo(rendered.get("name").getAsString()).isEqualTo("serverless-apis-dev");
    }

    /**
     * API Gateway's own answers, as the body gives them: each a problem document with CORS for the request's origin
     * (never credentials), never cached or sniffed; the specific ones with their status, title and detail. No
     * REQUEST_TOO_LARGE: API Gateway ignores a customisation of it (developer guide, known issues).
     */
    @Test
    void everyGatewayResponseIsAProblemDocumentAnAllowedPageCanRead() {
        var responses = body().getAsJsonObject("x-amazon-apigateway-gateway-responses");
        assertThat(responses.keySet()).containsExactlyInAnyOrder("MISSING_AUTHENTICATION_TOKEN", "RESOURCE_NOT_FOUND", "UNAUTHORIZED",
                "ACCESS_DENIED", "THROTTLED", "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "UNSUPPORTED_MEDIA_TYPE", "WAF_FILTERED",
                "DEFAULT_4XX", "DEFAULT_5XX");
        for (var response : responses.entrySet()) {
            var type = response.getKey();
            var headers = response.getValue().getAsJsonObject().getAsJsonObject("responseParameters");
            assertThat(headers.get("gatewayresponse.header.Content-Type").getAsString()).as(type).isEqualTo("'application/problem+json'");
            assertThat(headers.get("gatewayresponse.header.Access-Control-Allow-Origin").getAsString()).as(type).isEqualTo("method.request.header.Origin");
            assertThat(headers.get("gatewayresponse.header.Vary").getAsString()).as(type).isEqualTo("'Origin'");
            assertThat(headers.get("gatewayresponse.header.Cache-Control").getAsString()).as(type).isEqualTo("'no-store'");
            assertThat(headers.get("gatewayresponse.header.X-Content-Type-Options").getAsString()).as(type).isEqualTo("'nosniff'");
            assertThat(headers.keySet()).as(type).noneMatch(name -> name.contains("Access-Control-Allow-Credentials"));
            var template = response.getValue().getAsJsonObject().getAsJsonObject("responseTemplates").get("application/json").getAsString();
            if (type.startsWith("DEFAULT_")) {
                assertThat(response.getValue().getAsJsonObject().has("statusCode")).as(type + " sets no status for the types it covers").isFalse();
                assertThat(template).as(type).contains("\"type\":\"about:blank\"", "\"title\":$context.error.messageString",
                        "\"detail\":$context.error.messageString", "\"requestId\":\"$context.requestId\"");
                continue;
            }
            var problem = JsonParser.parseString(template).getAsJsonObject();
            var status = response.getValue().getAsJsonObject().get("statusCode").getAsString();
            assertThat(problem.get("status").getAsString()).as(type).isEqualTo(status);
            assertThat(problem.get("type").getAsString()).as(type).isEqualTo("about:blank");
            assertThat(problem.get("title").getAsString()).as(type).isNotBlank();
            assertThat(problem.get("detail").getAsString()).as(type).isNotBlank();
        }
        assertThat(responses.getAsJsonObject("UNAUTHORIZED").get("statusCode").getAsString()).isEqualTo("401");
        assertThat(responses.getAsJsonObject("UNAUTHORIZED").getAsJsonObject("responseParameters")
                .get("gatewayresponse.header.WWW-Authenticate").getAsString()).isEqualTo("'Bearer'");
        assertThat(responses.getAsJsonObject("ACCESS_DENIED").get("statusCode").getAsString()).isEqualTo("403");
    }

    @Test
    void aThrottledCallerIsToldWhenToRetryAndAPageMayReadIt() {
        var throttled = body().getAsJsonObject("x-amazon-apigateway-gateway-responses").getAsJsonObject("THROTTLED");
        assertThat(throttled.get("statusCode").getAsString()).isEqualTo("429");
        var headers = throttled.getAsJsonObject("responseParameters");
        assertThat(headers.keySet()).contains("gatewayresponse.header.Retry-After", "gatewayresponse.header.Access-Control-Expose-Headers");
        assertThat(headers.get("gatewayresponse.header.X-Content-Type-Options").getAsString()).isEqualTo("'nosniff'");
        assertThat(headers.get("gatewayresponse.header.Retry-After").getAsString()).isEqualTo("'1'");
        assertThat(headers.get("gatewayresponse.header.Access-Control-Expose-Headers").getAsString()).isEqualTo("'Retry-After'");
        assertThat(headers.get("gatewayresponse.header.Access-Control-Allow-Origin").getAsString()).isEqualTo("method.request.header.Origin");
    }

    /**
     * swagger-parser, whose messages API Gateway's importer returns as its "Parse issue: attribute ..." warnings (the
     * same wording), reads the body without one. It sees x-amazon-apigateway-any-method as an extension only, so the
     * tests above check that one too.
     */
    @Test
    void swaggerParserReadsTheBodyWithoutAnyMessage() {
        var options = new ParseOptions();
        options.setResolve(true);
        var parsed = new OpenAPIV3Parser().readContents(rendered.get("body").getAsString(), null, options);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).hasSameSizeAs(body().getAsJsonObject("paths").keySet());
        assertThat(parsed.getOpenAPI().getInfo().getDescription()).isEqualTo(rendered.get("description").getAsString());
    }

    /** Each route is its function's alias; a path's other methods and preflights are the function of its first route. */
    @Test
    void eachOperationInvokesTheAliasOfItsFunctionByProxy() {
        var spec = ApiSpec.load();
        var paths = body().getAsJsonObject("paths");
        for (var route : spec.routes()) {
            assertThat(uri(paths, route.path(), route.method().toLowerCase())).endsWith(":function:serverless-apis-dev-" + route.function() + ":live/invocations");
        }
        var first = spec.routes().stream().collect(Collectors.toMap(ApiSpec.Route::path, ApiSpec.Route::function, (a, b) -> a));
        first.forEach((path, function) -> {
            for (var fallback : List.of("options", "x-amazon-apigateway-any-method")) {
                assertThat(uri(paths, path, fallback)).as(fallback + " " + path).endsWith(":function:serverless-apis-dev-" + function + ":live/invocations");
            }
        });
        assertThat(uri(paths, "/chirp", "get")).startsWith("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:");
    }

    private static String uri(JsonObject paths, String path, String operation) {
        var integration = paths.getAsJsonObject(path).getAsJsonObject(operation).getAsJsonObject("x-amazon-apigateway-integration");
        assertThat(integration.get("type").getAsString()).as(operation + " " + path).isEqualTo("aws_proxy");
        return integration.get("uri").getAsString();
    }
}
