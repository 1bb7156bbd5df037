package dev.serverlessapis.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.ApiSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * make doctor (scripts/doctor) with terraform and aws stood in for: it says what it could and could not check, and
 * each failure the deploy review found is one FAIL line that carries its fix.
 */
class DoctorTest {
    private static final String ACCOUNT = "123456789012";
    /** What get-account-settings answers after the concurrency figures: Lambda's default 75 GB of code storage, 1 GiB used. */
    private static final String ROOMY_STORAGE = "\t80530636800\t1073741824";

    @TempDir
    Path work;

    private Path environment;
    private FakeCommands fakes;

    /** A dev environment that is ready: a state bucket named, and an AWS that answers every check well. */
    private void ready(String name) throws IOException {
        environment = Files.createDirectories(work.resolve(name));
        Files.copy(Terraform.environment(name).resolve("terraform.tfvars"), environment.resolve("terraform.tfvars"));
        Files.writeString(environment.resolve("backend.hcl"), "bucket = \"state-" + ACCOUNT + "\"\nregion = \"eu-west-1\"\n");
        fakes = new FakeCommands(Files.createDirectories(work.resolve("fakes")))
                .environment("AWS_PROFILE", "test")
                .answer("terraform", "version -json", "{\"terraform_version\":\"1.11.4\",\"platform\":\"linux_amd64\"}")
                .answer("aws", "--version", "aws-cli/2.22.0 Python/3.12.6 Linux/6.8 exe/x86_64")
                .answer("aws", "sts get-caller-identity", ACCOUNT + "\tarn:aws:iam::" + ACCOUNT + ":user/ada")
                .answer("aws", "s3api get-bucket-location", "eu-west-1")
                .answer("aws", "s3api get-bucket-versioning", "Enabled")
                .answer("aws", "lambda get-account-settings", "1000\t1000" + ROOMY_STORAGE)
                .answer("aws", "lambda get-function-concurrency", 254, "",
                        "An error occurred (ResourceNotFoundException) when calling the GetFunctionConcurrency operation: Function not found")
                .answer("aws", "apigateway get-account", "arn:aws:iam::" + ACCOUNT + ":role/serverless-apis-api-gateway-logs-eu-west-1")
                .answer("aws", "cloudwatch describe-alarms", "None");
    }

    private FakeCommands.Run doctor() throws IOException, InterruptedException {
        return fakes.run("doctor", environment.toString());
    }

    @Test
    void aReadyEnvironmentPassesEveryCheckAndExitsZero() throws Exception {
        ready("dev");
        var run = doctor();
        assertThat(run.status()).as(run.stdout()).isZero();
        assertThat(run.stdout()).doesNotContain("FAIL").doesNotContain("SKIP")
                .contains("ok    AWS identity arn:aws:iam::" + ACCOUNT + ":user/ada in account " + ACCOUNT)
                .contains("ok    state bucket state-" + ACCOUNT + " is versioned")
                .contains("ok    Lambda concurrency: no reservation, the 10 functions share the account's 1000 unreserved of 1000")
                .contains("ok    API Gateway's logging role in eu-west-1 is arn:aws:iam::");
        assertThat(run.lastLine()).isEqualTo("doctor: dev is ready to deploy (10 checks passed).");
    }

    @Test
    void withoutCredentialsItSaysWhatItCouldAndCouldNotCheckCallsNoAwsServiceAndFails() throws Exception {
        ready("dev");
        fakes.environment("AWS_PROFILE", "");
        var run = doctor();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stdout()).contains("ok    terraform 1.11.4").contains("ok    AWS CLI 2.22.0").contains("ok    region eu-west-1")
                .contains("FAIL  no AWS credentials: run aws configure or aws sso login")
                .contains("SKIP  could not check the caller's identity, the state bucket's existence, region and versioning, "
                        + "the account's Lambda concurrency and code storage and API Gateway's logging role without credentials.");
        assertThat(run.lastLine()).isEqualTo("doctor: dev is not ready to deploy: 1 failed, 1 could not run; fix the FAIL lines above and run make doctor again.");
        // export-credentials reads what the CLI's own chain finds, here nothing: it calls no AWS API (an instance profile
        // is read from the instance's metadata service).
        assertThat(fakes.calls()).as("nothing but local queries").containsExactly("terraform version -json", "aws --version",
                "aws configure export-credentials");
    }

    /**
     * Credentials that leave no variable of the usual kind and no file: a container's (CodeBuild, ECS), a web identity's
     * (GitHub's OIDC through its variables), or an instance profile's (EC2, Cloud9), which only the CLI's own chain
     * finds. The doctor goes on to ask AWS who they are; make's targets that need credentials check the same way.
     */
    @ParameterizedTest
    @MethodSource("credentialsWithoutTheUsualVariables")
    void credentialsOnlyTheCliFindsAreFoundAndChecked(String where, String variable, int exportStatus) throws Exception {
        ready("dev");
        fakes.environment("AWS_PROFILE", "").answer("aws", "configure export-credentials", exportStatus, "", "");
        if (variable != null) {
            fakes.environment(variable, "/v2/credentials/x");
        }
        var run = doctor();
        assertThat(run.status()).as(where + ": " + run.stdout()).isZero();
        assertThat(run.stdout()).as(where).contains("ok    AWS identity arn:aws:iam::" + ACCOUNT + ":user/ada");

        var check = fakes.run("aws-credentials");
        assertThat(check.status()).as(where + ", scripts/aws-credentials").isZero();
    }

    static Stream<Arguments> credentialsWithoutTheUsualVariables() {
        return Stream.of(Arguments.of("a container's", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", 1),
                Arguments.of("a container's, by full URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", 1),
                Arguments.of("a web identity's", "AWS_WEB_IDENTITY_TOKEN_FILE", 1),
                Arguments.of("an instance profile's", null, 0));
    }

    @Test
    void noCredentialsAnywhereIsWhatScriptsAwsCredentialsSaysToo() throws Exception {
        ready("dev");
        fakes.environment("AWS_PROFILE", "").answer("aws", "configure export-credentials", 253, "", "Unable to locate credentials");
        assertThat(fakes.run("aws-credentials").status()).isNotZero();
        assertThat(fakes.environment("AWS_PROFILE", "test").run("aws-credentials").status()).as("a profile named").isZero();
    }

    /** make's own check before destroy, user, token and revoke-admin is the doctor's: one definition of "found". */
    @Test
    void makesCredentialCheckIsTheScriptTheDoctorUses() throws Exception {
        var makefile = Terraform.read(Terraform.ROOT.getParent().resolve("Makefile"));
        var recipe = makefile.substring(makefile.indexOf("\ncheck-aws:"), makefile.indexOf("\n\n", makefile.indexOf("\ncheck-aws:")));
        assertThat(recipe).contains("@scripts/aws-credentials ||").doesNotContain("$$AWS_ACCESS_KEY_ID");
        assertThat(Terraform.read(FakeCommands.SCRIPTS.resolve("doctor"))).contains("aws-credentials\" && credentials=true");
    }

    @Test
    void withoutNetworkItSaysAwsCouldNotBeReachedRatherThanBlamingTheCredentials() throws Exception {
        ready("dev");
        fakes.answer("aws", "sts get-caller-identity", 255, "",
                "\nCould not connect to the endpoint URL: \"https://sts.eu-west-1.amazonaws.com/\"");
        var run = doctor();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stdout()).doesNotContain("FAIL")
                .contains("SKIP  could not reach AWS (Could not connect to the endpoint URL: \"https://sts.eu-west-1.amazonaws.com/\"), "
                        + "so the credentials and the caller's identity");
        assertThat(run.lastLine()).isEqualTo("doctor: dev is not ready to deploy: 0 failed, 1 could not run; let the SKIP lines above run (credentials, network) and run make doctor again.");
        assertThat(fakes.calls()).noneMatch(call -> call.contains("s3api") || call.contains("lambda"));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                failure("terraform missing", fakes -> fakes.without("terraform"), "terraform is not installed: install Terraform 1.10 or newer"),
                failure("terraform too old", fakes -> fakes.answer("terraform", "version -json", "{\"terraform_version\":\"1.9.8\"}"),
                        "terraform 1.9.8 is older than 1.10"),
                failure("AWS CLI too old", fakes -> fakes.answer("aws", "--version", "aws-cli/1.18.69 Python/3.8"),
                        "the AWS CLI is 1.18.69, too old for the waiter deploy uses: install version 2"),
                failure("credentials expired", fakes -> fakes.answer("aws", "sts get-caller-identity", 254, "",
                        "\nAn error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired"),
                        "AWS refused the credentials (An error occurred (ExpiredToken)"),
                failure("state bucket missing", fakes -> fakes.answer("aws", "s3api get-bucket-location", 254, "",
                        "An error occurred (NoSuchBucket) when calling the GetBucketLocation operation: The specified bucket does not exist"),
                        "state bucket state-" + ACCOUNT + " does not exist: aws s3api create-bucket --bucket state-" + ACCOUNT + " --region eu-west-1"),
                failure("state bucket forbidden", fakes -> fakes.answer("aws", "s3api get-bucket-location", 254, "",
                        "An error occurred (AccessDenied) when calling the GetBucketLocation operation: Access Denied"),
                        "state bucket state-" + ACCOUNT + " is not reachable with this identity (An error occurred (AccessDenied)"),
                failure("state bucket in another region", fakes -> fakes.answer("aws", "s3api get-bucket-location", "None"),
                        "state bucket state-" + ACCOUNT + " is in us-east-1, but backend.hcl says eu-west-1"),
                failure("state bucket not versioned", fakes -> fakes.answer("aws", "s3api get-bucket-versioning", "None"),
                        "state bucket state-" + ACCOUNT + " is not versioned: aws s3api put-bucket-versioning --bucket state-" + ACCOUNT),
                failure("no logging role", fakes -> fakes.answer("aws", "apigateway get-account", "None"),
                        "API Gateway in eu-west-1 has no CloudWatch logging role, which the stage's logs need: make deploy ENV=account first"),
                failure("limits unreadable", fakes -> fakes.answer("aws", "lambda get-account-settings", 254, "",
                        "An error occurred (AccessDeniedException) when calling the GetAccountSettings operation"),
                        "could not read the account's Lambda limits in eu-west-1"));
    }

    private static Arguments failure(String name, Consumer<FakeCommands> change, String message) {
        return Arguments.of(name, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eachFailureIsOneLineWithItsFix(String name, Consumer<FakeCommands> change, String message) throws Exception {
        ready("dev");
        change.accept(fakes);
        var run = doctor();
        assertThat(run.status()).as(run.stdout()).isEqualTo(1);
        assertThat(run.lines().stream().filter(line -> line.startsWith("FAIL"))).as(run.stdout())
                .singleElement().asString().contains(message);
        assertThat(run.lastLine()).startsWith("doctor: dev is not ready to deploy: 1 failed");
    }

    @Test
    void aReservationTheAccountCannotSpareFailsWithTheNumbersAndBothFixes() throws Exception {
        ready("dev");
        Files.writeString(environment.resolve("terraform.tfvars"), "reserved_concurrency = 5\n", java.nio.file.StandardOpenOption.APPEND);
        fakes.answer("aws", "lambda get-account-settings", "10\t10" + ROOMY_STORAGE);
        var run = doctor();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stdout()).contains("FAIL  Lambda concurrency: dev reserves 10 x 5 = 50, but the account can spare 0 (limit 10, 10 unreserved, "
                + "10 must stay unreserved): remove reserved_concurrency from " + environment.resolve("terraform.tfvars")
                + ", or request a higher limit in Service Quotas (AWS Lambda, Concurrent executions).");
    }

    /**
     * Lambda keeps every published version's package, and each deploy of new code publishes one per function: a
     * region whose code storage cannot take another deploy fails the check, one close to it gets a note. With no
     * package built yet, a version is counted as 10 MiB.
     */
    @Test
    void codeStorageThatCannotTakeTheNextDeployFailsAndOneCloseToItIsANote() throws Exception {
        ready("dev");
        var limit = 80_530_636_800L;
        fakes.answer("aws", "lambda get-account-settings", "1000\t1000\t" + limit + "\t" + (limit - 50L * 1048576));
        var full = doctor();
        assertThat(full.status()).isEqualTo(1);
        assertThat(full.stdout()).containsPattern("FAIL  Lambda code storage in eu-west-1: 76750 of 76800 MiB used, "
                + "a deploy of new code adds about \\d+ MiB \\(10 versions\\), more than is left: delete old versions");

        fakes.answer("aws", "lambda get-account-settings", "1000\t1000\t" + limit + "\t" + (limit - 1000L * 1048576));
        var close = doctor();
        assertThat(close.status()).as(close.stdout()).isZero();
        assertThat(close.stdout()).containsPattern("note  Lambda code storage in eu-west-1: 75800 of 76800 MiB used, "
                + "a deploy of new code adds about \\d+ MiB \\(10 versions\\), room for \\d+ more");

        fakes.answer("aws", "lambda get-account-settings", "1000\t1000" + ROOMY_STORAGE);
        assertThat(doctor().stdout()).doesNotContain("code storage");
    }

    @Test
    void aStageBurstOverWhatOneFunctionCanRunIsANoteNamingTheSettingAndTheCap() throws Exception {
        ready("dev");
        // A new account: 10 concurrent executions, while dev's stage admits bursts of 40.
        fakes.answer("aws", "lambda get-account-settings", "10\t10" + ROOMY_STORAGE);
        var run = doctor();
        assertThat(run.status()).as(run.stdout()).isZero();
        assertThat(run.stdout()).contains("note  the stage admits bursts of 40 requests, but a function runs at most 10 at once: "
                + "a burst beyond that at one function is throttled by Lambda, which clients see as 500s, not 429s. "
                + "Lower throttling_burst_limit in " + environment.resolve("terraform.tfvars") + " to 10, or raise the concurrency.");
    }

    @Test
    void aStageBurstWithinTheAccountsConcurrencyIsNoNote() throws Exception {
        ready("dev");
        var run = doctor();
        assertThat(run.stdout()).as(run.stdout()).doesNotContain("the stage admits bursts");
    }

    @Test
    void whatTheEnvironmentsFunctionsAlreadyReserveCountsAsSpareSoARedeployPasses() throws Exception {
        prodWithAlarms("");
        var run = doctor();
        assertThat(run.stdout()).contains("ok    Lambda concurrency: prod reserves 10 x 50 = 500 of the 900 the account can spare (limit 1000)");
        assertThat(run.status()).as(run.stdout()).isZero();
        var asked = fakes.calls().stream().filter(call -> call.contains("get-function-concurrency"))
                .map(call -> call.replaceAll(".*--function-name (\\S+).*", "$1")).toList();
        assertThat(asked).as("the functions api.json defines, by their AWS names").containsExactlyInAnyOrderElementsOf(
                ApiSpec.load().functions().stream().map(function -> "serverless-apis-prod-" + function.name()).toList());
    }

    private static final String SITE_CERTIFICATE = "arn:aws:acm:us-east-1:" + ACCOUNT + ":certificate/0a1b2c3d-1111-2222-3333-444455556666";
    private static final String API_CERTIFICATE = "arn:aws:acm:eu-west-1:" + ACCOUNT + ":certificate/9f8e7d6c-1111-2222-3333-444455556666";

    /** dev on custom domains: two names for the page, one for the API, each certificate issued and covering its names. */
    private void onCustomDomains() throws IOException {
        ready("dev");
        Files.writeString(environment.resolve("terraform.tfvars"), """
                site_domain_names = [
                  "chirps.example.com", # the first is site_url
                  "www.chirps.example.com",
                ]
                site_certificate_arn   = "%s"
                api_custom_domain_name = "api.example.com"
                api_certificate_arn    = "%s"
                """.formatted(SITE_CERTIFICATE, API_CERTIFICATE), java.nio.file.StandardOpenOption.APPEND);
        fakes.answer("aws", "acm describe-certificate --certificate-arn " + SITE_CERTIFICATE, "ISSUED\tchirps.example.com *.chirps.example.com")
                .answer("aws", "acm describe-certificate --certificate-arn " + API_CERTIFICATE, "ISSUED\tapi.example.com");
    }

    @Test
    void issuedCertificatesCoveringEveryNameAreCheckedEachInItsRegion() throws Exception {
        onCustomDomains();
        var run = doctor();
        assertThat(run.status()).as(run.stdout()).isZero();
        assertThat(run.stdout())
                .contains("ok    the site's certificate in us-east-1 is issued and covers chirps.example.com www.chirps.example.com")
                .contains("ok    the API's certificate in eu-west-1 is issued and covers api.example.com");
        assertThat(fakes.calls()).filteredOn(call -> call.startsWith("aws acm")).as("CloudFront's certificates are in us-east-1").containsExactly(
                "aws acm describe-certificate --certificate-arn " + SITE_CERTIFICATE + " --region us-east-1 --query Certificate.[Status,join(' ',SubjectAlternativeNames)] --output text",
                "aws acm describe-certificate --certificate-arn " + API_CERTIFICATE + " --region eu-west-1 --query Certificate.[Status,join(' ',SubjectAlternativeNames)] --output text");
        assertThat(run.lastLine()).isEqualTo("doctor: dev is ready to deploy (12 checks passed).");
    }

    @Test
    void aCertificateStillPendingValidationFailsWithHowToGetItIssued() throws Exception {
        onCustomDomains();
        fakes.answer("aws", "acm describe-certificate --certificate-arn " + SITE_CERTIFICATE, "PENDING_VALIDATION\tchirps.example.com *.chirps.example.com");
        var run = doctor();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines().stream().filter(line -> line.startsWith("FAIL"))).as(run.stdout()).singleElement().asString()
                .isEqualTo("FAIL  the site's certificate " + SITE_CERTIFICATE + " is PENDING_VALIDATION, not ISSUED, so the apply would fail: "
                        + "create the DNS records ACM asks for (aws acm describe-certificate --certificate-arn " + SITE_CERTIFICATE
                        + " --region us-east-1 --query Certificate.DomainValidationOptions), wait until it is ISSUED, then run make doctor again.");
    }

    @Test
    void aNameTheCertificateDoesNotCoverFailsNamingItAWildcardCoveringOneLabelOnly() throws Exception {
        onCustomDomains();
        // *.example.com covers chirps.example.com, not www.chirps.example.com.
        fakes.answer("aws", "acm describe-certificate --certificate-arn " + SITE_CERTIFICATE, "ISSUED\t*.example.com")
                .answer("aws", "acm describe-certificate --certificate-arn " + API_CERTIFICATE, "ISSUED\tapi.example.com");
        var run = doctor();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines().stream().filter(line -> line.startsWith("FAIL"))).as(run.stdout()).singleElement().asString()
                .startsWith("FAIL  the site's certificate " + SITE_CERTIFICATE + " does not cover www.chirps.example.com (it covers *.example.com): "
                        + "request one in us-east-1 covering every name")
                .endsWith("and set site_certificate_arn in " + environment.resolve("terraform.tfvars") + " to its ARN.");
        assertThat(run.stdout()).contains("ok    the API's certificate in eu-west-1 is issued and covers api.example.com");
    }

    @Test
    void anApiCertificateTheIdentityCannotReadFailsNamingTheSetting() throws Exception {
        onCustomDomains();
        fakes.answer("aws", "acm describe-certificate --certificate-arn " + API_CERTIFICATE, 254, "",
                "An error occurred (ResourceNotFoundException) when calling the DescribeCertificate operation: Could not find certificate");
        var run = doctor();
        assertThat(run.lines().stream().filter(line -> line.startsWith("FAIL"))).as(run.stdout()).singleElement().asString()
                .contains("could not read the API's certificate " + API_CERTIFICATE + " in eu-west-1 (An error occurred (ResourceNotFoundException)")
                .contains("check api_certificate_arn in " + environment.resolve("terraform.tfvars"));
    }

    /**
     * prod as shipped, with an address for its alarms: eu-west-1, so the site's alarm goes to us-east-1. It reserves
     * 10 x 50 = 500 and holds them already: 500 of 1000 are unreserved, 100 must stay so.
     */
    private void prodWithAlarms(String extraSettings) throws IOException {
        ready("prod");
        Files.writeString(environment.resolve("terraform.tfvars"), Files.readString(environment.resolve("terraform.tfvars"))
                .replace("alarm_emails = []", "alarm_emails = [\"ops@example.org\"]") + extraSettings);
        fakes.answer("aws", "lambda get-account-settings", "1000\t500" + ROOMY_STORAGE).answer("aws", "lambda get-function-concurrency", "50");
    }

    @Test
    void outsideUsEast1ItChecksThatCloudWatchThereAnswersForTheSitesAlarm() throws Exception {
        prodWithAlarms("");
        var run = doctor();
        assertThat(run.status()).as(run.stdout()).isZero();
        assertThat(run.stdout()).contains("ok    CloudWatch in us-east-1 answers, for the site's alarm there");
        assertThat(fakes.calls()).contains("aws cloudwatch describe-alarms --region us-east-1 --max-items 1 --query MetricAlarms[0].AlarmName --output text");
    }

    @Test
    void aPolicyKeepingTheAccountOutOfUsEast1FailsAndNamesTheSettingThatGoesWithoutTheSitesAlarm() throws Exception {
        prodWithAlarms("");
        fakes.answer("aws", "cloudwatch describe-alarms", 254, "", "\nAn error occurred (AccessDeniedException) when calling the DescribeAlarms "
                + "operation: User: arn:aws:iam::" + ACCOUNT + ":user/ada is not authorized to perform: cloudwatch:DescribeAlarms "
                + "with an explicit deny in a service control policy");
        var run = doctor();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stdout()).contains("FAIL  could not use CloudWatch in us-east-1 (An error occurred (AccessDeniedException) when calling "
                + "the DescribeAlarms operation:").contains("explicit deny in a service control policy), where the site's alarm goes: "
                + "let this identity work in us-east-1 (CloudWatch, SNS, KMS), or set site_alarms_enabled = false in "
                + environment.resolve("terraform.tfvars") + " to go without the site's alarm.");
    }

    static Stream<Arguments> environmentsWithoutASiteAlarmElsewhere() {
        return Stream.of(Arguments.of("prod without the site's alarm", "prod", "site_alarms_enabled = false\n", "eu-west-1"),
                Arguments.of("prod in us-east-1, where the application's topic takes the site's alarm", "prod", "", "us-east-1"),
                Arguments.of("dev, whose alarms are off", "dev", "", "eu-west-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environmentsWithoutASiteAlarmElsewhere")
    void whereNoSiteAlarmGoesToAnotherRegionNothingIsAskedOfUsEast1(String what, String name, String extraSettings, String region)
            throws Exception {
        if (name.equals("prod")) {
            prodWithAlarms(extraSettings);
        } else {
            ready(name);
        }
        var tfvars = environment.resolve("terraform.tfvars");
        Files.writeString(tfvars, Files.readString(tfvars).replace("\"eu-west-1\"", "\"" + region + "\""));
        var run = doctor();
        assertThat(run.status()).as(run.stdout()).isZero();
        assertThat(run.stdout()).contains("ok    region " + region).doesNotContain("us-east-1 answers");
        assertThat(fakes.calls()).as("AWS was asked").anyMatch(call -> call.startsWith("aws lambda"))
                .noneMatch(call -> call.startsWith("aws cloudwatch"));
    }

    @Test
    void alarmsOnWithoutAnAddressFailBeforeAnyAwsCall() throws Exception {
        ready("prod");
        var run = doctor();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stdout()).contains("FAIL  alarms_enabled = true but alarm_emails is empty, so no one would hear an alarm: add an address to "
                + environment.resolve("terraform.tfvars"));
    }

    @Test
    void aMissingBackendFileSaysWhichExampleToCopy() throws Exception {
        ready("dev");
        Files.delete(environment.resolve("backend.hcl"));
        var run = doctor();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stdout()).contains("FAIL  no " + environment.resolve("backend.hcl") + ": copy " + environment.resolve("backend.hcl.example"));
    }

    @Test
    void theAccountRootIsCheckedForItsOwnNeedsOnly() throws Exception {
        ready("dev");
        environment = Files.createDirectories(work.resolve("account"));
        Files.copy(Terraform.account().resolve("terraform.tfvars"), environment.resolve("terraform.tfvars"));
        Files.writeString(environment.resolve("backend.hcl"), "bucket = \"state-" + ACCOUNT + "\"\nregion = \"eu-west-1\"\n");
        var run = doctor();
        assertThat(run.status()).as(run.stdout()).isZero();
        assertThat(fakes.calls()).noneMatch(call -> call.contains("lambda") || call.contains("apigateway"));
        assertThat(run.lastLine()).isEqualTo("doctor: account is ready to deploy (7 checks passed).");
    }
}
