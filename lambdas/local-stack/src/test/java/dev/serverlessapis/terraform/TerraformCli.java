package dev.serverlessapis.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The terraform binary on the PATH, run in a folder of its own with nothing that needs a provider: no update check,
 * no CLI configuration, nothing leaving the machine. Tests that need it are skipped where there is none.
 */
final class TerraformCli {
    /** Values a user could give the application module's required variables. */
    static final Map<String, String> APPLICATION_REQUIRED = pairs(
            "project", "\"serverless-apis\"", "environment", "\"dev\"", "package_file", "\"functions.jar\"",
            "page_directory", "\"page\"", "memory_size", "1024", "log_retention_days", "14",
            "throttling_rate_limit", "20", "throttling_burst_limit", "40", "deletion_protection", "false",
            "alarms_enabled", "false",
            "user_pool_arn", "\"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123\"",
            "page_client_id", "\"3n4b5urk1ft4fl3mg5e62d9ado\"",
            "sign_in", "{ issuer = \"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123\", login_url = \"https://x.auth.eu-west-1.amazoncognito.com\" }");

    /** Values a user could give the site module's required variables. */
    static final Map<String, String> SITE_REQUIRED = Map.of(
            "name", "\"serverless-apis-dev\"", "page_directory", "\"page\"",
            "api_domain_name", "\"abc123.execute-api.eu-west-1.amazonaws.com\"", "api_stage_name", "\"dev\"",
            "api_path_patterns", "[\"/chirp\", \"/chirp/*\"]");

    private static final Optional<String> BINARY = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(folder -> Path.of(folder, "terraform")).filter(Files::isExecutable).map(Path::toString).findFirst();

    record Run(int status, String output) {
    }

    private TerraformCli() {
    }

    static boolean installed() {
        return BINARY.isPresent();
    }

    static void assumeInstalled(String whatIsNotChecked) {
        assumeTrue(BINARY.isPresent(), "no terraform binary on the PATH, so " + whatIsNotChecked);
    }

    /** terraform.auto.tfvars of these variables (HCL expressions) in the folder. */
    static void writeVariables(Path folder, Map<String, String> values) throws IOException {
        var lines = new StringBuilder();
        values.forEach((name, value) -> lines.append(name).append(" = ").append(value).append('\n'));
        Files.writeString(folder.resolve("test.auto.tfvars"), lines);
    }

    /** terraform init without a backend: the folder must need no provider, since none can be downloaded. */
    static void init(Path folder) throws IOException, InterruptedException {
        Files.writeString(folder.resolve("none.tfrc"), "");
        var init = run(folder, null, "init", "-input=false", "-no-color", "-backend=false");
        assertThat(init.status()).as(init.output()).isZero();
    }

    /** terraform with these arguments in the folder, the input (or none) on its standard input; output and errors as one text. */
    static Run run(Path folder, String input, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(BINARY.orElseThrow());
        command.addAll(List.of(arguments));
        // Output goes to a file, not a pipe read to its end, so that a terraform that hangs meets the timeout below.
        var outputFile = Files.createTempFile("terraform", ".out");
        var process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).redirectOutput(outputFile.toFile());
        process.environment().put("CHECKPOINT_DISABLE", "1");
        process.environment().put("TF_IN_AUTOMATION", "1");
        process.environment().put("TF_CLI_CONFIG_FILE", folder.resolve("none.tfrc").toString());
        var started = process.start();
        try (var stdin = started.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!started.waitFor(60, TimeUnit.SECONDS)) {
                started.destroyForcibly();
                throw new AssertionError("terraform " + String.join(" ", arguments) + " did not end within 60 s");
            }
            return new Run(started.exitValue(), Files.readString(outputFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(outputFile);
        }
    }

    /**
     * An expression over a module's variables and locals as terraform evaluates it: the module's variables.tf and its
     * locals in a folder of their own (no resource, so no provider), each reference to a resource or data source the
     * locals make replaced by a constant, these variables set, and the module's JSON files beside them, which locals
     * read with {@code file}. Where the expression names a resource, give its stub.
     */
    static JsonElement evaluate(Path work, Path module, Map<String, String> stubs, Map<String, String> variables, String expression)
            throws IOException, InterruptedException {
        var folder = Files.createTempDirectory(work, module.getFileName().toString());
        Files.copy(module.resolve("variables.tf"), folder.resolve("variables.tf"));
        try (var files = Files.newDirectoryStream(module, "*.json")) {
            for (var file : files) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        var locals = new StringBuilder("locals {\n");
        Terraform.locals(module).attributes().forEach((name, value) -> locals.append("  ").append(name).append(" = ")
                .append(stubbed(value, stubs)).append('\n'));
        Files.writeString(folder.resolve("locals.tf"), locals.append("}\n"));
        writeVariables(folder, variables);
        init(folder);
        // base64 because terraform console prints strings in HCL's quoting, which escapes "${" and "%{".
        var console = run(folder, "base64encode(jsonencode(" + stubbed(expression, stubs) + "))\n", "console");
        assertThat(console.status()).as(console.output()).isZero();
        var encoded = console.output().strip();
        assertThat(encoded).as(console.output()).matches("\"[A-Za-z0-9+/=]+\"");
        return JsonParser.parseString(new String(Base64.getDecoder().decode(encoded.substring(1, encoded.length() - 1)), StandardCharsets.UTF_8));
    }

    private static String stubbed(String expression, Map<String, String> stubs) {
        var stubbed = expression;
        for (var stub : stubs.entrySet()) {
            stubbed = stubbed.replace(stub.getKey(), stub.getValue());
        }
        return stubbed;
    }

    /** name, value, name, value...: the application takes more required variables than Map.of does pairs. */
    private static Map<String, String> pairs(String... namesAndValues) {
        var pairs = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(pairs);
    }
}
