package dev.serverlessapis.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.serverlessapis.local.ApiSpec;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * make deploy (scripts/deploy, then scripts/await-stage and scripts/smoke) with terraform and aws stood in for: the
 * plan is saved and only that file is applied, never without a terminal's yes or AUTO_APPROVE=1; then every
 * function's live version is awaited and the stage smoke-tested (here the local stack) before the URLs are printed.
 */
@ExtendWith(WithTestStack.class)
class DeployTest {
    private static final ApiSpec SPEC = ApiSpec.load();

    private final TestStack stack;

    @TempDir
    Path work;

    private Path environment;
    private FakeCommands fakes;

    DeployTest(TestStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void aReadyDevEnvironmentWithChangesToApply() throws IOException {
        assumeFalse(TestStack.againstDeployedStage(), "the stage stood in for is the local one");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "the smoke test needs curl");
        environment = Files.createDirectories(work.resolve("dev"));
        Files.copy(Terraform.environment("dev").resolve("terraform.tfvars"), environment.resolve("terraform.tfvars"));
        Files.writeString(environment.resolve("backend.hcl"), "bucket = \"state\"\nregion = \"eu-west-1\"\n");
        var functionNames = SPEC.functions().stream().map(function -> "\"" + function.name() + "\":\"serverless-apis-dev-" + function.name() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        fakes = new FakeCommands(Files.createDirectories(work.resolve("fakes")))
                .environment("AWS_PROFILE", "test")
                .answer("terraform", "version -json", "{\"terraform_version\":\"1.11.4\"}")
                .answer("terraform", "init -input=false -backend-config=backend.hcl", "Terraform has been successfully initialized!")
                .answer("terraform", "plan -input=false", 2, "Plan: 85 to add, 0 to change, 0 to destroy.", "")
                .answer("terraform", "apply -input=false deploy.tfplan", "Apply complete! Resources: 85 added, 0 changed, 0 destroyed.")
                .answer("terraform", "output -raw api_url", stack.apiEndpoint().toString())
                .answer("terraform", "output -json function_names", functionNames)
                .answer("terraform", "output -raw site_url", "https://d111111abcdef8.cloudfront.net")
                .answer("terraform", "output -json dns_records", "{}")
                .answer("aws", "--version", "aws-cli/2.22.0 Python/3.12.6 Linux/6.8 exe/x86_64")
                .answer("aws", "sts get-caller-identity", "123456789012\tarn:aws:iam::123456789012:user/ada")
                .answer("aws", "s3api get-bucket-location", "eu-west-1")
                .answer("aws", "s3api get-bucket-versioning", "Enabled")
                .answer("aws", "lambda get-account-settings", "1000\t1000\t80530636800\t1073741824")
                .answer("aws", "lambda get-function-concurrency", 254, "", "An error occurred (ResourceNotFoundException)")
                .answer("aws", "apigateway get-account", "arn:aws:iam::123456789012:role/logs")
                .answer("aws", "lambda wait published-version-active", "")
                .answer("aws", "lambda get-function-configuration", "Zm9yIHRoZSBwYWNrYWdlIG9mIHRoaXMgYnVpbGQ=");
    }

    @Test
    void withoutATerminalOrAutoApproveThePlanIsShownAndNothingIsApplied() throws Exception {
        var run = fakes.run("deploy", environment.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stdout()).contains("Plan: 85 to add");
        assertThat(run.stderr()).contains("No terminal to confirm the plan above, so nothing was applied: review it, then run make deploy ENV=dev AUTO_APPROVE=1");
        assertThat(terraformCalls()).containsExactly("version -json", "init -input=false -backend-config=backend.hcl",
                "plan -input=false -detailed-exitcode -out=deploy.tfplan");
    }

    @Test
    void autoApproveAppliesTheSavedPlanThenAwaitsEveryFunctionAndSmokeTestsBeforePrintingTheUrls() throws Exception {
        fakes.environment("AUTO_APPROVE", "1");
        var run = fakes.run("deploy", environment.toString());
        assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
        assertThat(terraformCalls()).contains("apply -input=false deploy.tfplan");
        var waited = fakes.calls().stream().filter(call -> call.startsWith("aws lambda wait published-version-active")).toList();
        assertThat(waited).containsExactlyInAnyOrderElementsOf(SPEC.functions().stream()
                .map(function -> "aws lambda wait published-version-active --region eu-west-1 --function-name serverless-apis-dev-" + function.name() + " --qualifier live")
                .toList());
        assertThat(fakes.calls()).as("live runs the code last uploaded").containsAll(SPEC.functions().stream()
                .map(function -> "aws lambda get-function-configuration --region eu-west-1 --function-name serverless-apis-dev-" + function.name()
                        + " --qualifier live --query CodeSha256 --output text")
                .toList());
        var lines = run.lines();
        var lastWait = lines.stream().filter(line -> line.endsWith(":live to be active... active")).count();
        assertThat(lastWait).isEqualTo(SPEC.functions().size());
        var smoked = lines.indexOf("smoke: every function answered on " + stack.apiEndpoint() + ".");
        assertThat(smoked).as(run.stdout()).isGreaterThan(lines.indexOf(lines.stream().filter(line -> line.startsWith("waiting for")).toList().getLast()));
        assertThat(lines.subList(smoked + 1, lines.size())).containsExactly("API:  " + stack.apiEndpoint(),
                "Site: https://d111111abcdef8.cloudfront.net  (CloudFront: a new distribution takes a few minutes before it answers)");
    }

    /** On custom domains the site's own name answers only once its DNS records exist: say which to create. */
    @Test
    void onCustomDomainsTheUrlsComeWithTheDnsRecordsToCreateAndTheSmokeTestStaysOnTheStagesUrl() throws Exception {
        fakes.environment("AUTO_APPROVE", "1")
                .answer("terraform", "output -raw site_url", "https://chirps.example.com")
                .answer("terraform", "output -json dns_records", "{\"api.example.com\":{\"target\":\"d-abcdef1234.execute-api.eu-west-1.amazonaws.com\","
                        + "\"zone_id\":\"ZLY8HYME6SFDD\"},\"chirps.example.com\":{\"target\":\"d111111abcdef8.cloudfront.net\",\"zone_id\":\"Z2FDTNDATAQYW2\"},"
                        + "\"www.chirps.example.com\":{\"target\":\"d111111abcdef8.cloudfront.net\",\"zone_id\":\"Z2FDTNDATAQYW2\"}}")
                .answer("terraform", "output -json api_custom_url", "\"https://api.example.com\"");
        var run = fakes.run("deploy", environment.toString());
        assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
        var lines = run.lines();
        var smoked = lines.indexOf("smoke: every function answered on " + stack.apiEndpoint() + ".");
        assertThat(smoked).as("the smoke test calls the execute-api URL, which needs no DNS of ours").isNotNegative();
        assertThat(lines.subList(smoked + 1, lines.size())).containsExactly("API:  " + stack.apiEndpoint(),
                "Site: https://chirps.example.com and its other names answer once their DNS records exist; until then "
                        + "https://d111111abcdef8.cloudfront.net  (CloudFront: a new distribution takes a few minutes before it answers)",
                "API on its own name: https://api.example.com once its DNS record exists (routes at the root, e.g. https://api.example.com/chirp)",
                "DNS records to create where your zones are managed (terraform output dns_records):",
                "  api.example.com  CNAME d-abcdef1234.execute-api.eu-west-1.amazonaws.com  "
                        + "(or, at a zone apex, Route 53 alias records of type A to it in zone ZLY8HYME6SFDD)",
                "  chirps.example.com  CNAME d111111abcdef8.cloudfront.net  "
                        + "(or, at a zone apex, Route 53 alias records of types A and AAAA to it in zone Z2FDTNDATAQYW2)",
                "  www.chirps.example.com  CNAME d111111abcdef8.cloudfront.net  "
                        + "(or, at a zone apex, Route 53 alias records of types A and AAAA to it in zone Z2FDTNDATAQYW2)");
    }

    @Test
    void aFunctionWhoseVersionNeverBecomesActiveStopsTheDeployBeforeTheSmokeTest() throws Exception {
        fakes.environment("AUTO_APPROVE", "1").answer("aws", "lambda wait published-version-active --region eu-west-1 --function-name serverless-apis-dev-getHitCount",
                255, "", "Waiter PublishedVersionActive failed: Waiter encountered a terminal failure state");
        var run = fakes.run("deploy", environment.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.stderr()).contains("serverless-apis-dev-getHitCount:live did not become active: aws lambda get-function-configuration");
        assertThat(run.stdout()).doesNotContain("smoke:").doesNotContain("API:");
    }

    /**
     * A publish that failed after the upload (provider issue 49904: a snapshot that failed) leaves live on the previous
     * version while the next plan sees nothing to change, and the smoke test would pass on the old code.
     */
    @Test
    void aLiveAliasOnOtherCodeThanTheLastUploadStopsTheDeployBeforeTheSmokeTest() throws Exception {
        fakes.environment("AUTO_APPROVE", "1").answer("aws", "lambda get-function-configuration --region eu-west-1 --function-name "
                + "serverless-apis-dev-user-profile-put --qualifier live", "b2YgdGhlIHByZXZpb3VzIHZlcnNpb24=");
        var run = fakes.run("deploy", environment.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.stderr()).contains("serverless-apis-dev-user-profile-put:live runs other code (b2YgdGhlIHByZXZpb3VzIHZlcnNpb24=) than the "
                + "function's last upload (Zm9yIHRoZSBwYWNrYWdlIG9mIHRoaXMgYnVpbGQ=)", "aws lambda publish-version --region eu-west-1 "
                + "--function-name serverless-apis-dev-user-profile-put");
        assertThat(run.stdout()).doesNotContain("smoke:").doesNotContain("API:");
    }

    /**
     * hashicorp/terraform-provider-aws#29907: Lambda answers a SnapStart create 429 (the concurrent-snapshot limit) yet
     * creates the function, and the provider's retry fails with "Function already exist", leaving it out of the state.
     * The output below is Terraform's diagnostic as that issue and the CLI print it, colours included.
     */
    @Test
    void aFunctionTheApplyLostIsNamedWithTheImportThatAdoptsIt() throws Exception {
        fakes.environment("AUTO_APPROVE", "1").answer("terraform", "apply -input=false deploy.tfplan", 1, "module.application.module.function[\"getHitCount\"]"
                + ".aws_lambda_function.this: Creating...", "\u001b[31m╷\u001b[0m\u001b[0m\n\u001b[31m│\u001b[0m \u001b[0m\u001b[1m\u001b[31mError: \u001b[0m\u001b[0m\u001b[1m"
                + "creating Lambda Function (serverless-apis-dev-getHitCount): operation error Lambda: CreateFunction, https response error"
                + " StatusCode: 409, RequestID: fd1cc837, ResourceConflictException: Function already exist: serverless-apis-dev-getHitCount"
                + "\u001b[0m\n\u001b[31m│\u001b[0m \u001b[0m\n\u001b[31m│\u001b[0m \u001b[0m\u001b[0m  with module.application.module.function[\"getHitCount\"]"
                + ".aws_lambda_function.this,\n\u001b[31m│\u001b[0m \u001b[0m  on ../../modules/function/main.tf line 68, in resource \"aws_lambda_function\" \"this\":"
                + "\n\u001b[31m╵\u001b[0m\u001b[0m");
        var run = fakes.run("deploy", environment.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.stderr()).contains("serverless-apis-dev-getHitCount was created in AWS, but the apply lost it",
                "  terraform -chdir=" + environment + " import 'module.application.module.function[\"getHitCount\"].aws_lambda_function.this'"
                        + " serverless-apis-dev-getHitCount");
        assertThat(fakes.calls()).noneMatch(call -> call.startsWith("aws lambda wait"));
    }

    @Test
    void aFailingDoctorStopsTheDeployBeforeTerraformInitialisesAnything() throws Exception {
        fakes.environment("AWS_PROFILE", "").environment("AUTO_APPROVE", "1");
        var run = fakes.run("deploy", environment.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.lastLine()).startsWith("doctor: dev is not ready to deploy");
        assertThat(terraformCalls()).containsExactly("version -json");
    }

    /**
     * make deploy runs the doctor before it builds the package, so a machine not ready hears so before a build it would
     * wait for in vain; the deploy after it does not run the doctor again.
     */
    @Test
    void makeDeployRunsTheDoctorBeforeTheBuildAndTheDeployAfterItDoesNotRunItAgain() throws Exception {
        var makefile = Terraform.read(Terraform.ROOT.getParent().resolve("Makefile"));
        var recipe = makefile.substring(makefile.indexOf("\ndeploy:"), makefile.indexOf("\n\n", makefile.indexOf("\ndeploy:"))).lines()
                .filter(line -> line.startsWith("\t")).map(String::strip).toList();
        assertThat(recipe).containsExactly("@scripts/doctor $(TF_DIR)",
                "@$(if $(filter account,$(ENV)),,$(MAKE) --no-print-directory package)", "scripts/deploy --doctor-passed $(TF_DIR)");

        fakes.environment("AWS_PROFILE", "").environment("AUTO_APPROVE", "1");
        var run = fakes.run("deploy", "--doctor-passed", environment.toString());
        assertThat(run.stdout()).doesNotContain("doctor:");
        assertThat(terraformCalls()).as("no doctor's version check, straight to init").first().asString().startsWith("init ");
    }

    @Test
    void destroyPlansTheDestructionToAFileAndNeedsTheSameConfirmation() throws Exception {
        var run = fakes.run("deploy", "--destroy", environment.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("run make destroy ENV=dev AUTO_APPROVE=1");
        assertThat(terraformCalls()).containsExactly("init -input=false -backend-config=backend.hcl",
                "plan -input=false -detailed-exitcode -destroy -out=deploy.tfplan");
    }

    private java.util.List<String> terraformCalls() {
        return fakes.calls().stream().filter(call -> call.startsWith("terraform "))
                .map(call -> call.substring("terraform ".length()).replace("-chdir=" + environment + " ", "")).toList();
    }
}
